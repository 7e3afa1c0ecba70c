package io.exflux.reactive.venue.v1;

import static io.exflux.reactive.venue.alp.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Trade;
import io.exflux.api.stream.ConnectionEvent;
import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.WsSession;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The v1 socket acknowledges no subscription: after a reconnect, a trade the venue makes after the client sent its
 * subscription but before the subscription took effect reaches neither the socket nor a back-fill read at once. The
 * back-fill waits until the channel flows again, so that trade is filled in, once and in order, with no gap.
 */
class V1TradeBackFillRaceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final CurrencyPair BTC_USD = CurrencyPair.of("BTC", "USD");
    private static final String OPEN = "0{\"sid\":\"s1\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":5000}";

    private FakeVenueServer server;
    private V1ExchangeClient client;

    @BeforeEach
    void start() {
        server = FakeVenueServer.start();
        server.route("GET", "/api/v1/pairs/").respond(FakeResponse.ok(V1Examples.raw(V1Dialect.BTC_ALPHA, "pairs")));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.closeGracefully().block(WAIT);
        }
        server.close();
    }

    @Test
    void aTradeMadeBeforeTheResubscriptionTookEffectIsFilledInOnceTheChannelFlows() {
        AtomicReference<WsSession> resubscribed = new AtomicReference<>();
        AtomicBoolean secondMade = new AtomicBoolean();
        // trade 2 is made while the second subscription is on its way (right after a page is answered then, or
        // 500 ms after the subscription at the latest); trade 3 once it took effect, right after trade 2
        Runnable secondThenThird = () -> {
            WsSession session = resubscribed.get();
            if (session != null && secondMade.compareAndSet(false, true)) {
                session.send(newOrder(3));
            }
        };
        // the venue's trade log, newest first: trade 1, and trade 2 once made
        server.route("GET", "/api/v1/exchanges/").respondWith(request -> {
            String page = "[" + (secondMade.get() ? exchange(2) + "," : "") + exchange(1) + "]";
            secondThenThird.run();
            return FakeResponse.ok(page);
        });
        AtomicInteger sessions = new AtomicInteger();
        server.websocket("/socket.io/", session -> {
            session.send(OPEN);
            boolean first = sessions.incrementAndGet() == 1;
            return session.inbound().filter(text -> text.startsWith("4[\"subscribe\"")).take(1)
                    .concatMap(subscribe -> first
                            ? Mono.fromRunnable(() -> session.send(newOrder(1)))
                                    .then(Mono.delay(Duration.ofMillis(200)))
                                    .doOnNext(ignored -> session.drop())
                            : Mono.fromRunnable(() -> resubscribed.set(session))
                                    .then(Mono.delay(Duration.ofMillis(500)))
                                    .doOnNext(ignored -> secondThenThird.run()))
                    .then(Mono.never());
        });
        client = V1ExchangeClient.create(V1RestClientTest.options(V1Dialect.BTC_ALPHA, server)
                .wsUrl(server.wsUrl("/"))
                .streamOptions(StreamOptions.builder().unsubscribeGrace(Duration.ofMillis(50))
                        .backoff(Backoff.fullJitter(Duration.ofMillis(10), Duration.ofMillis(50))).build())
                .build());
        // the HTTP client warmed up, so that a page asked for at the connect is answered at once
        assertThat(client.trades(BTC_USD, 1).collectList().block(WAIT)).hasSize(1);
        List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        List<Trade> tape = new CopyOnWriteArrayList<>();
        Disposable watching = client.connectionEvents().subscribe(events::add);
        Disposable trading = client.watchTrades(BTC_USD).subscribe(tape::add);
        try {
            await().until(() -> tape.stream().anyMatch(t -> t.id().equals("3")), () -> "tape " + ids(tape));
        } finally {
            watching.dispose();
            trading.dispose();
        }
        assertThat(ids(tape)).as("every trade once, oldest first").containsExactly("1", "2", "3");
        assertThat(events).noneMatch(e -> e instanceof ConnectionEvent.Gap);
    }

    /** A taker that made trade {@code tid}, as BTC-Alpha's socket sends it. */
    private static String newOrder(int tid) {
        return "4{\"date\":148568650" + tid + ".1,\"oid\":" + (100 + tid) + ",\"type\":\"sell\",\"price\":911.2,"
                + "\"amount\":0.0,\"trades\":[{\"tid\":" + tid + ",\"type\":\"buy\",\"price\":\"911.2\","
                + "\"amount\":\"0.1\",\"o_id\":20}]}";
    }

    private static String exchange(int id) {
        return "{\"id\":" + id + ",\"price\":\"911.2\",\"pair\":\"BTC_USD\",\"type\":\"sell\","
                + "\"timestamp\":148568650" + id + ".1,\"amount\":\"0.1\"}";
    }

    private static List<String> ids(List<Trade> trades) {
        return trades.stream().map(Trade::id).toList();
    }
}
