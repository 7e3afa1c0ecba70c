package io.exflux.samples.soak;

import io.exflux.api.stream.ConnectionEvent;
import io.exflux.testkit.chaos.ChaosEvent;
import io.exflux.testkit.chaos.ChaosFault;
import io.exflux.testkit.chaos.FaultKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the client said about its sockets ({@code connectionEvents()}): when it noticed a socket was gone, and
 * the gaps it announced. A gap is any connection event whose type is named {@code Gap...}: the connector announces
 * trades it could not back-fill that way once it can, and until then none arrive (counted 0). Against the websocket
 * proxy's fault log this tells which stalls the client detected, and how soon.
 */
final class ConnectionAudit {

    private final List<Instant> disconnects = new CopyOnWriteArrayList<>();
    private final AtomicLong gaps = new AtomicLong();
    private final List<Instant> heals = new CopyOnWriteArrayList<>();

    /** Records one event; called from the client's thread. */
    void onEvent(ConnectionEvent event) {
        if (event instanceof ConnectionEvent.Disconnected disconnected) {
            disconnects.add(disconnected.at());
        } else if (event.getClass().getSimpleName().startsWith("Gap")) {
            gaps.incrementAndGet();
        }
    }

    /** The soak healed the proxy now (a quiet check): a stall ends here, detected or not. */
    void healed(Instant at) {
        heals.add(at);
    }

    long disconnects() {
        return disconnects.size();
    }

    long gapsAnnounced() {
        return gaps.get();
    }

    /**
     * Which stalls of the websocket proxy the client detected: a stall (or a half-frame ending in one) counts as
     * detected when the client reported a disconnect while it lasted, before any cut or reset of the same proxy
     * that could explain the disconnect instead; detected within {@code bound} when that came at most
     * {@code bound} after the stall began. A heal by the soak ends a stall as a cut does.
     */
    Stalls stalls(List<ChaosEvent> proxyEvents, Duration bound) {
        List<ChaosEvent> stalls = new ArrayList<>();
        List<Instant> cuts = new ArrayList<>(heals);
        for (ChaosEvent event : proxyEvents) {
            if (endsInStall(event.fault())) {
                stalls.add(event);
            } else if (event.kind() == FaultKind.CUT || event.kind() == FaultKind.RESET) {
                cuts.add(event.time());
            }
        }
        long detected = 0;
        long withinBound = 0;
        Duration slowest = Duration.ZERO;
        for (ChaosEvent stall : stalls) {
            Instant from = stall.time();
            Instant to = stall.duration() == null ? Instant.MAX : from.plus(stall.duration());
            Instant cut = cuts.stream().filter(t -> !t.isBefore(from) && t.isBefore(to))
                    .min(Instant::compareTo).orElse(to);
            Instant seen = disconnects.stream().filter(t -> !t.isBefore(from) && t.isBefore(cut))
                    .min(Instant::compareTo).orElse(null);
            if (seen != null) {
                detected++;
                Duration after = Duration.between(from, seen);
                slowest = after.compareTo(slowest) > 0 ? after : slowest;
                if (after.compareTo(bound) <= 0) {
                    withinBound++;
                }
            }
        }
        return new Stalls(stalls.size(), detected, withinBound, slowest);
    }

    private static boolean endsInStall(ChaosFault fault) {
        return fault.kind() == FaultKind.STALL
                || fault instanceof ChaosFault.HalfFrame half && half.then() == FaultKind.STALL;
    }

    /**
     * @param total       stalls the websocket proxy applied
     * @param detected    of those, stalls the client reported as a disconnect while they lasted
     * @param withinBound of those, stalls reported within the bound
     * @param slowest     the longest time from a stall to its detection
     */
    record Stalls(long total, long detected, long withinBound, Duration slowest) {
    }
}
