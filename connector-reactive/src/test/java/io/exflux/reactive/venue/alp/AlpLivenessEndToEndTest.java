package io.exflux.reactive.venue.alp;

import static io.exflux.reactive.venue.alp.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.ExchangeUnavailableException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.Trade;
import io.exflux.api.stream.ConnectionEvent;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.reactive.internal.ws.StaleConnectionException;
import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.chaos.ChaosFault;
import io.exflux.testkit.chaos.ChaosProxy;
import io.exflux.testkit.chaos.Direction;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.Disposable;
import reactor.netty.http.HttpResources;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * What a user of {@link AlpExchangeClient} sees when the venue stalls or cannot be reached: the ALP simulator
 * behind a {@link ChaosProxy} whose timed stall, like the client's timers, runs on virtual time.
 */
class AlpLivenessEndToEndTest {

    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final List<Disposable> subscriptions = new ArrayList<>();
    private AlpSimulator sim;
    private ChaosProxy proxy;
    private AlpExchangeClient client;

    @AfterEach
    void stop() {
        subscriptions.forEach(Disposable::dispose);
        if (client != null) {
            client.closeGracefully().block(Duration.ofSeconds(10));
        }
        if (proxy != null) {
            proxy.close();
        }
        if (sim != null) {
            sim.close();
        }
        time.dispose();
    }

    /** Resources on virtual time and reactor-netty's global loops (so nothing is left to close). */
    private ClientResources onVirtualTime() {
        return ClientResources.builder().scheduler(time)
                .loopResources(HttpResources.get()).connectionProvider(HttpResources.get()).build();
    }

    private <T> List<T> collect(reactor.core.publisher.Flux<T> flux, AtomicReference<Throwable> error) {
        List<T> out = new CopyOnWriteArrayList<>();
        subscriptions.add(flux.subscribe(out::add, error::set));
        return out;
    }

    /** The stalls a soak applies: one way, both ways (the client's ping is held too), after half a frame. */
    static Stream<ChaosFault> thirtySecondStalls() {
        Duration stall = Duration.ofSeconds(30);
        return Stream.of(ChaosFault.stall(Direction.SERVER_TO_CLIENT, stall), ChaosFault.stall(Direction.BOTH, stall),
                ChaosFault.halfFrameThenStall(Direction.SERVER_TO_CLIENT, 7, stall));
    }

    @ParameterizedTest
    @MethodSource("thirtySecondStalls")
    void aThirtySecondStallIsDetectedWithinTheStallBound_theBookIsMarkedStale_andTradesAndBooksResume(
            ChaosFault stall) throws InterruptedException {
        sim = AlpSimulator.start();
        proxy = ChaosProxy.to("127.0.0.1", sim.port()).scheduler(time).seed(16).start();
        client = AlpExchangeClient.create(AlpOptions.builder().resources(onVirtualTime())
                .restUrl(sim.restBaseUrl()).wsUrl(proxy.url(sim.websocketUrl()))
                .rateLimit(AlpOptions.PUBLIC_SCOPE, null).rateLimit(AlpOptions.PRIVATE_SCOPE, null)
                .streamOptions(StreamOptions.builder().backoff(Backoff.constant(Duration.ofSeconds(1))).build())
                .build());
        // REST first, then the socket: the first decodes of a type take Jackson's cache lock, which BlockHound
        // reports when a REST thread and the socket's event loop happen to build deserializers at the same moment
        assertThat(client.pairs().collectList().block(Duration.ofSeconds(10))).isNotEmpty();
        assertThat(client.orderBook(BTC_USDT, 10).block(Duration.ofSeconds(10))).isNotNull();
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<ConnectionEvent> events = collect(client.connectionEvents(), error);
        List<Trade> trades = collect(client.watchTrades(BTC_USDT), error);
        await().until(() -> !trades.isEmpty(), () -> "events " + events + ", error " + error);
        List<OrderBook> books = collect(client.watchOrderBook(BTC_USDT, 10), error);

        await().until(() -> !books.isEmpty() && !trades.isEmpty(),
                () -> "books " + books.size() + ", trades " + trades.size() + ", events " + events + ", error " + error);
        assertThat(books).noneMatch(OrderBook::stale);
        Instant stallStart = Instant.ofEpochMilli(time.now(java.util.concurrent.TimeUnit.MILLISECONDS));
        proxy.apply(stall);

        // bytes the proxy forwarded before the stall must land while the virtual clock still reads the stall's start
        awaitQuiet(trades, books);

        time.advanceTimeBy(StreamOptions.DEFAULT_STALL_TIMEOUT);
        await().until(() -> events.stream().anyMatch(e -> e instanceof ConnectionEvent.Disconnected),
                () -> "events " + events);
        ConnectionEvent.Disconnected lost = events.stream().filter(ConnectionEvent.Disconnected.class::isInstance)
                .map(ConnectionEvent.Disconnected.class::cast).findFirst().orElseThrow();
        assertThat(lost.cause()).isInstanceOf(StaleConnectionException.class);
        assertThat(Duration.between(stallStart, lost.at())).as("detected within the bound, before the stall ends")
                .isLessThanOrEqualTo(StreamOptions.DEFAULT_STALL_TIMEOUT);
        await().until(() -> books.get(books.size() - 1).stale());

        int tradesBefore = trades.size();
        int staleAt = books.size() - 1;
        time.advanceTimeBy(Duration.ofSeconds(1)); // the reconnect backoff
        await().until(() -> events.stream().filter(ConnectionEvent.Connected.class::isInstance).count() == 2);
        await().until(() -> trades.size() > tradesBefore
                && books.subList(staleAt, books.size()).stream().anyMatch(book -> !book.stale()));
        assertThat(error.get()).isNull();
        assertThat(proxy.stats().connectionsAccepted()).as("one stalled socket, one after it").isEqualTo(2);
    }

    /** Until neither list grew for a while (the generator trades every 100 ms, so silence means the stall holds). */
    private static void awaitQuiet(List<?> trades, List<?> books) throws InterruptedException {
        int quietRounds = 0;
        int seen = -1;
        while (quietRounds < 30) {
            int now = trades.size() + books.size();
            quietRounds = now == seen ? quietRounds + 1 : 0;
            seen = now;
            Thread.sleep(10);
        }
    }

    @Test
    void anUnreachableWebsocketFailsWatchTradesWithATypedErrorAfterTheConfiguredAttempts() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        client = AlpExchangeClient.create(AlpOptions.builder()
                .wsUrl("ws://127.0.0.1:" + closedPort + "/ws")
                .streamOptions(StreamOptions.builder().maxConnectAttempts(3)
                        .backoff(Backoff.constant(Duration.ofMillis(10))).build())
                .build());
        List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        subscriptions.add(client.connectionEvents().subscribe(events::add));

        StepVerifier.create(client.watchTrades(BTC_USDT))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ExchangeUnavailableException.class)
                        .hasMessageContaining("3 connect attempts"))
                .verify(Duration.ofSeconds(30));
        assertThat(events).filteredOn(ConnectionEvent.Connecting.class::isInstance).hasSize(3);
    }
}
