package io.exflux.reactive.venue.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.reactive.venue.v1.model.V1BookEvent;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.WsSession;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** The book socket of both venues against a scripted loopback engine.io / socket.io server. */
class V1StreamClientTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String OPEN = "0{\"sid\":\"s1\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":5000}";

    private FakeVenueServer server;
    private V1StreamClient client;

    @BeforeEach
    void start() {
        server = FakeVenueServer.start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close().block(WAIT);
        }
        server.close();
    }

    private V1Options.Builder options(V1Dialect dialect) {
        return V1Options.builder(dialect).wsUrl(server.wsUrl("/"));
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        Mono.fromCallable(condition::getAsBoolean).filter(done -> done)
                .repeatWhenEmpty(200, ticks -> ticks.delayElements(Duration.ofMillis(25))).block(WAIT);
    }

    @Test
    void btcAlphaBareEngineIoDeliversTheDocumentsEventsWithThePairOfTheChannel() {
        String newOrder = V1Examples.raw(V1Dialect.BTC_ALPHA, "ws-new-order").replaceAll("\\s+", "");
        String cancel = V1Examples.raw(V1Dialect.BTC_ALPHA, "ws-cancel").replaceAll("\\s+", "");
        server.websocket("/socket.io/", session -> {
            session.send(OPEN);
            return session.inbound().filter(text -> text.equals("4[\"subscribe\",\"book_BTC_USD\"]"))
                    .doOnNext(text -> {
                        session.send("4" + newOrder);
                        session.send("4" + cancel);
                    }).then();
        });
        client = new V1StreamClient(options(V1Dialect.BTC_ALPHA).build());
        List<V1BookEvent> events = new CopyOnWriteArrayList<>();
        Disposable subscription = client.book("BTC_USD").subscribe(events::add);
        try {
            await(() -> events.size() == 2);
        } finally {
            subscription.dispose();
        }
        assertThat(client.uri().toString()).endsWith("/socket.io/?EIO=3&transport=websocket");
        assertThat(events.get(0)).isInstanceOfSatisfying(V1BookEvent.NewOrder.class, e -> {
            assertThat(e.pair()).as("the new-order payload names no pair: the channel does").isEqualTo("BTC_USD");
            assertThat(e.oid()).isEqualTo(15234);
            assertThat(e.trades()).singleElement().satisfies(t -> assertThat(t.price()).isEqualByComparingTo("936"));
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(V1BookEvent.Cancel.class,
                e -> assertThat(e.oid()).isEqualTo(15235));
    }

    @Test
    void bitexbitSocketIoOnEngineIo4AnswersTheServersPingsAndRoutesByPair() {
        String newOrder = V1Examples.raw(V1Dialect.BITEXBIT, "ws-new-order").replaceAll("\\s+", "");
        String cancel = V1Examples.raw(V1Dialect.BITEXBIT, "ws-cancel").replaceAll("\\s+", "");
        server.websocket("/socket.io/", session -> {
            session.send(OPEN);
            return session.inbound().doOnNext(text -> {
                if (text.equals("40")) {
                    session.send("40{\"sid\":\"n1\"}");
                } else if (text.equals("42[\"subscribe\",\"book_ETH_BTC\"]")) {
                    session.send("2");
                } else if (text.equals("42[\"subscribe\",\"book_BTC_USD\"]")) {
                    session.send("42[\"cancel\"," + cancel + "]");
                    session.send("42[\"book_ETH_BTC\"," + newOrder + "]");
                }
            }).then();
        });
        client = new V1StreamClient(options(V1Dialect.BITEXBIT).engineIoVersion(4).build());
        List<V1BookEvent> usd = new CopyOnWriteArrayList<>();
        List<V1BookEvent.NewOrder> ethTrades = new CopyOnWriteArrayList<>();
        Disposable eth = client.trades("ETH_BTC").subscribe(ethTrades::add);
        await(() -> server.sessions().size() == 1 && server.sessions().get(0).sentFrames() >= 3);
        Disposable btc = client.book("BTC_USD").subscribe(usd::add);
        try {
            await(() -> usd.size() == 1 && ethTrades.size() == 1);
        } finally {
            eth.dispose();
            btc.dispose();
        }
        WsSession session = server.sessions().get(0);
        assertThat(session.upgradeRequest().queryParam("EIO")).isEqualTo("4");
        assertThat(session.inbound().take(Duration.ofMillis(300)).collectList().block(WAIT))
                .as("engine.io 4: the client answers the server's ping and never pings").contains("3")
                .doesNotContain("2");
        assertThat(usd.get(0)).isInstanceOfSatisfying(V1BookEvent.Cancel.class, e -> {
            assertThat(e.pair()).isEqualTo("BTC_USD");
            assertThat(e.cancelOrderId()).isEqualTo(4535L);
        });
        assertThat(ethTrades.get(0).pair()).as("routed by the event's name, pair from the channel").isEqualTo("ETH_BTC");
        assertThat(ethTrades.get(0).success()).isTrue();
    }

    /** engine.io 3: the client pings every {@code pingInterval} (here 200 ms); after a drop it reconnects and resubscribes. */
    @Test
    void engineIo3ClientPingsAndResubscribesAfterTheConnectionDrops() {
        List<List<String>> received = new CopyOnWriteArrayList<>();
        server.websocket("/socket.io/", session -> {
            List<String> frames = new CopyOnWriteArrayList<>();
            received.add(frames);
            session.send("0{\"sid\":\"s\",\"upgrades\":[],\"pingInterval\":200,\"pingTimeout\":5000}");
            session.send("40");
            return session.inbound().doOnNext(text -> {
                frames.add(text);
                if (text.equals("2")) {
                    session.send("3");
                }
            }).then();
        });
        client = new V1StreamClient(options(V1Dialect.BITEXBIT).build());
        String subscribe = "42[\"subscribe\",\"book_BTC_USD\"]";
        Disposable subscription = client.book("BTC_USD").subscribe();
        try {
            await(() -> received.size() == 1 && received.get(0).contains("2") && received.get(0).contains(subscribe));
            assertThat(received.get(0)).as("engine.io 3: the client pings and never answers").doesNotContain("3");
            server.sessions().get(0).drop();
            await(() -> received.size() == 2 && received.get(1).contains(subscribe));
        } finally {
            subscription.dispose();
        }
    }
}
