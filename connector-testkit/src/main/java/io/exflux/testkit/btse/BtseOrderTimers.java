package io.exflux.testkit.btse;

import io.exflux.testkit.sim.SimRejectedException;
import io.exflux.testkit.sim.VenueSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * What runs on the venue's clock: the expiry of orders placed with a timed {@code time_in_force}
 * ({@code HALFMIN} ... {@code MONTH}) and the cancel-all-after dead-man switch of each account. Checked
 * every sweep interval on the venue's timer against its clock, so virtual time drives both in tests.
 */
final class BtseOrderTimers implements Disposable {

    private static final Logger LOG = LoggerFactory.getLogger(BtseOrderTimers.class);

    /** The timed values of {@code time_in_force}; GTC, IOC and FOK are the engine's own. */
    static final Map<String, Duration> TIMED = Map.of("HALFMIN", Duration.ofSeconds(30),
            "FIVEMIN", Duration.ofMinutes(5), "HOUR", Duration.ofHours(1), "TWELVEHOUR", Duration.ofHours(12),
            "DAY", Duration.ofDays(1), "WEEK", Duration.ofDays(7), "MONTH", Duration.ofDays(30));

    private final VenueSimulator sim;
    private final BtseOrders orders;
    private final Clock clock;
    private final Map<Long, Instant> deadlines = new ConcurrentHashMap<>();
    private final Disposable sweeping;

    BtseOrderTimers(VenueSimulator sim, BtseOrders orders, Clock clock, Duration interval, Scheduler timer) {
        this.sim = sim;
        this.orders = orders;
        this.clock = clock;
        this.sweeping = Flux.interval(interval, timer).subscribe(tick -> sweep(),
                error -> LOG.error("order timers stopped", error));
    }

    /** Arms (or, with zero, disarms) the account's dead-man switch: all its orders go {@code timeout} from now. */
    void cancelAllAfter(long account, Duration timeout) {
        if (timeout.isZero()) {
            deadlines.remove(account);
        } else {
            deadlines.put(account, clock.instant().plus(timeout));
        }
    }

    /** When the account's switch fires, if armed. */
    Instant deadline(long account) {
        return deadlines.get(account);
    }

    private void sweep() {
        Instant now = clock.instant();
        deadlines.forEach((account, deadline) -> {
            if (!now.isBefore(deadline) && deadlines.remove(account, deadline)) {
                sim.submit(ex -> ex.cancelAll(account, null));
            }
        });
        for (BtseOrders.Entry e : orders.all()) {
            Instant expiry = e.expiresAt;
            if (expiry != null && !now.isBefore(expiry) && e.isOpen()) {
                e.expiresAt = null;
                long simId = e.simId;
                sim.submit(ex -> {
                    try {
                        ex.cancel(e.account, simId);
                    } catch (SimRejectedException alreadyDone) {
                        // filled or cancelled since the sweep looked
                    }
                });
            }
        }
    }

    @Override
    public void dispose() {
        sweeping.dispose();
    }

    @Override
    public boolean isDisposed() {
        return sweeping.isDisposed();
    }
}
