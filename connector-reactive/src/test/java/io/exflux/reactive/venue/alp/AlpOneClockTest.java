package io.exflux.reactive.venue.alp;

import static io.exflux.reactive.venue.alp.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Order;
import io.exflux.api.model.Ticker;
import io.exflux.api.stream.ConnectionEvent;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.internal.resources.SchedulerClock;
import io.exflux.reactive.internal.ws.StaleConnectionException;
import io.exflux.reactive.testsupport.GuardedClock;
import io.exflux.testkit.alp.AlpAccount;
import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import io.exflux.testkit.server.RecordedFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * One ALP client has one clock: the scheduler of its {@link ClientResources}. In one run on a virtual clock
 * (against the simulator on loopback, whose token expiry and keepalive pings run on the same clock) it drives the
 * REST retry backoff, the JWT renewal, the websocket watchdog and the reconnect backoff: none of them happens
 * before the virtual clock says so. The clock moves a second at a time, so that the real network traffic each
 * timer starts can happen between two moves.
 */
class AlpOneClockTest {

    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");
    /** Renewed a fifth of its life before expiry: after 8 s, well before any watchdog. */
    private static final Duration JWT_LIFETIME = Duration.ofSeconds(10);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(2);

    private final GuardedClock time = new GuardedClock();
    private final AlpSimulator sim;
    private final List<Disposable> subscriptions = new CopyOnWriteArrayList<>();
    private AlpExchangeClient client;

    private final List<String> droppedErrors = new CopyOnWriteArrayList<>();

    AlpOneClockTest() {
        reactor.core.publisher.Hooks.onErrorDropped(error -> {
            java.io.StringWriter trace = new java.io.StringWriter();
            error.printStackTrace(new java.io.PrintWriter(trace));
            droppedErrors.add(Thread.currentThread().getName() + ": " + trace);
        });
        time.advanceTimeTo(Instant.now());
        sim = AlpSimulator.start(AlpSimulatorOptions.builder().generatorEnabled(false)
                .clock(new SchedulerClock(time)).timer(time)
                .jwtLifetime(JWT_LIFETIME).build());
    }

    @AfterEach
    void stop() {
        reactor.core.publisher.Hooks.resetOnErrorDropped();
        subscriptions.forEach(Disposable::dispose);
        if (client != null) {
            client.closeGracefully().block(Duration.ofSeconds(10));
        }
        sim.close();
    }

    @Test
    void restBackoffTokenRenewalWatchdogAndReconnectAllRunOnTheClientsVirtualClock() {
        ClientResources resources = ClientResources.builder().scheduler(time).build();
        AlpAccount account = sim.createAccount();
        client = AlpExchangeClient.create(AlpOptions.builder().restUrl(sim.restBaseUrl()).wsUrl(sim.websocketUrl())
                .credentials(account.credentials()).resources(resources).backoff(Backoff.constant(RETRY_DELAY))
                .rateLimit(AlpOptions.PUBLIC_SCOPE, null).rateLimit(AlpOptions.PRIVATE_SCOPE, null).build());
        List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        subscriptions.add(client.connectionEvents().subscribe(events::add));

        // REST: a 503 is retried after the backoff, on the virtual clock (the market list, which the ticker
        // checks its pair against, is fetched first so that the 503 meets the ticker call)
        assertThat(client.pair(BTC_USDT).block(Duration.ofSeconds(10))).isNotNull();
        sim.faults().serverErrors(1, 503);
        List<Ticker> tickers = new CopyOnWriteArrayList<>();
        subscriptions.add(client.ticker(BTC_USDT).subscribe(tickers::add));
        await().until(() -> sim.server().requests("GET", "/api/v3/ticker").size() == 1);
        assertThat(tickers).as("the retry waits for the virtual clock").isEmpty();
        // the 503 reaches the client a moment after the simulator counted the request: until it has, the retry
        // is not scheduled yet, so the clock moves one backoff at a time until the retry has gone out
        for (int step = 0; step < 20 && tickers.isEmpty(); step++) {
            time.advanceTimeBy(RETRY_DELAY);
            pollBriefly(() -> !tickers.isEmpty());
        }
        assertThat(tickers).hasSize(1);
        assertThat(sim.server().requests("GET", "/api/v3/ticker")).hasSize(2);

        // the private socket authenticates with the first token
        List<Order> orders = new CopyOnWriteArrayList<>();
        subscriptions.add(client.watchOrders().subscribe(orders::add));
        await().until(() -> authFrames() == 1 && count(events, ConnectionEvent.Connected.class) == 1, () -> state(events));
        assertThat(tokenRequests()).isEqualTo(1);

        // the token is renewed before it expires, when the virtual clock says so, and sent on the socket again
        for (int second = 1; second < 8; second++) {
            time.advanceTimeBy(Duration.ofSeconds(1));
        }
        assertThat(tokenRequests()).as("not yet: renewal is due 8 s in").isEqualTo(1);
        time.advanceTimeBy(Duration.ofSeconds(1));
        await().until(() -> tokenRequests() == 2 && authFrames() == 2, () -> state(events));

        // a stalled venue (no frame, no ping) is declared dead by the watchdog; the socket reconnects after the backoff
        sim.faults().stallWebsockets();
        for (int second = 0; second < 120 && count(events, ConnectionEvent.Disconnected.class) == 0; second++) {
            time.advanceTimeBy(Duration.ofSeconds(1));
            // give a renewal in flight a moment to finish before the clock moves on (the stalled venue may never
            // record its auth frame, so this waits briefly and never fails)
            pollBriefly(() -> authFrames() >= tokenRequests() || count(events, ConnectionEvent.Disconnected.class) > 0);
        }
        assertThat(count(events, ConnectionEvent.Disconnected.class))
                .as("dropped within 120 s of a stall: %s", state(events)).isPositive();
        ConnectionEvent.Disconnected dropped = last(events, ConnectionEvent.Disconnected.class);
        assertThat(dropped.cause()).isInstanceOf(StaleConnectionException.class);
        await().until(() -> count(events, ConnectionEvent.Reconnecting.class) > 0, () -> state(events));
        ConnectionEvent.Reconnecting next = last(events, ConnectionEvent.Reconnecting.class);
        // the next attempt is scheduled on the event loop right after that event: move the clock by the backoff
        // until the attempt has started (then stop, so the attempt's own connect timeout cannot run out)
        for (int step = 0; step < 20 && count(events, ConnectionEvent.Connecting.class) < 2; step++) {
            time.advanceTimeBy(next.delay());
            pollBriefly(() -> count(events, ConnectionEvent.Connecting.class) >= 2);
        }
        await().until(() -> count(events, ConnectionEvent.Connected.class) == 2, () -> state(events));
        ConnectionEvent.Connecting again = last(events, ConnectionEvent.Connecting.class);
        assertThat(Duration.between(next.at(), again.at()))
                .as("the reconnect waited its backoff on the virtual clock")
                .isGreaterThanOrEqualTo(next.delay().minusMillis(1));
        assertThat(orders).as("no order was made: nothing to see, and no error").isEmpty();
        assertThat(time.failures()).as("no timer of the client or the simulator failed").isEmpty();
    }

    /** Waits up to half a second of real time for the condition, without failing. */
    private static void pollBriefly(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofMillis(500).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /**
     * The stacks of the threads inside the virtual clock's timer loop. Only one thread runs the clock's due timers
     * at a time; while one is inside a timer, {@code advanceTimeBy} on the test thread only adds to the time that
     * thread will move the clock by, so a timer that never returns freezes the clock: its stack names it.
     */
    private static String threadsRunningTimers() {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith(VirtualTimeScheduler.class.getName()))) {
                out.append("\n").append(thread.getName());
                Arrays.stream(stack).limit(60).forEach(f -> out.append("\n\tat ").append(f));
            }
        });
        return out.length() == 0 ? "none" : out.toString();
    }

    /** What the test saw, for a failure message: events, frames, the clock, and what went wrong off the test thread. */
    private String state(List<ConnectionEvent> events) {
        return String.format("events %s; frames %s; virtual clock at %s after %s token requests; threads running the"
                + " clock's timers: %s; timers that failed: %s; errors dropped: %s", events, sim.server().frames(),
                Instant.ofEpochMilli(time.now(TimeUnit.MILLISECONDS)), tokenRequests(), threadsRunningTimers(),
                time.failures(), droppedErrors);
    }

    private int tokenRequests() {
        return sim.server().requests("POST", "/api/v3/auth").size();
    }

    private int authFrames() {
        return (int) sim.server().frames().stream().filter(f -> f.kind() == RecordedFrame.Kind.TEXT)
                .filter(f -> f.text().startsWith("[\"auth\"")).count();
    }

    private static long count(List<ConnectionEvent> events, Class<? extends ConnectionEvent> kind) {
        return events.stream().filter(kind::isInstance).count();
    }

    private static <E extends ConnectionEvent> E last(List<ConnectionEvent> events, Class<E> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).reduce((a, b) -> b).orElseThrow();
    }
}
