package io.exflux.reactive.venue.alp;

import io.exflux.reactive.config.Backoff;

import static org.assertj.core.api.Assertions.assertThat;
import static io.exflux.reactive.venue.alp.Await.await;

import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.stream.OverflowPolicy;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.reactive.venue.alp.model.AlpTickerUpdate;
import io.exflux.reactive.venue.alp.model.AlpWsOrder;
import io.exflux.reactive.venue.alp.model.AlpWsTrade;
import io.exflux.reactive.venue.alp.model.AlpWsWallet;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.RecordedFrame;
import io.exflux.testkit.server.WsSession;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The native stream client against a scripted loopback ALP socket: wire frames, keepalive, routing, auth. */
class AlpStreamClientTest {

    private static final String WELCOME = "[\"welcome\",1790139140,20000,30000,\"ec9a0e3f\"]";

    private FakeVenueServer server;
    private AlpStreamClient client;

    @BeforeEach
    void start() {
        server = FakeVenueServer.start();
        server.websocket("/ws", session -> {
            session.send(WELCOME);
            return session.inbound().filter(text -> text.startsWith("[\"subscribe\""))
                    .doOnNext(text -> session.send("[\"subscribe\",1790139140," + text.substring(13)))
                    .then();
        });
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close().block(Duration.ofSeconds(5));
        }
        server.close();
    }

    private AlpOptions options() {
        return options("/ws");
    }

    private AlpOptions options(String path) {
        return AlpOptions.builder().wsUrl(server.wsUrl(path)).restUrl(server.baseUrl() + "/api/v3")
                .streamOptions(StreamOptions.builder().unsubscribeGrace(Duration.ofMillis(50))
                        .backoff(Backoff.fullJitter(Duration.ofMillis(20), Duration.ofMillis(100))).build())
                .build();
    }

    private WsSession session(int index) {
        await().atMost(Duration.ofSeconds(5)).until(() -> server.sessions().size() > index);
        return server.sessions().get(index);
    }

    private List<String> textFrames(long sessionId) {
        return server.frames().stream().filter(f -> f.sessionId() == sessionId && f.kind() == RecordedFrame.Kind.TEXT)
                .map(RecordedFrame::text).toList();
    }

    @Test
    void subscribesOnTheWireAndDeliversTrades() {
        client = new AlpStreamClient(options(), null);
        List<AlpWsTrade> trades = new CopyOnWriteArrayList<>();
        Disposable subscription = client.trades("BTC_USDT").subscribe(trades::add);
        WsSession session = session(0);
        await().until(() -> textFrames(session.id()).contains("[\"subscribe\",\"trade.BTC_USDT\"]"));
        session.send(AlpDocExamples.raw("ws/trade.json"));
        session.send("[\"t\",1694003849,293107799,\"ETH_USDT\",\"1\",\"2\",\"sell\"]");
        session.send("[\"t\",1694003850,293107800,\"BTC_USDT\",\"0.5\",\"25706\",\"sell\"]");
        await().until(() -> trades.size() == 2);
        assertThat(trades).extracting(AlpWsTrade::tradeId).containsExactly(293107798L, 293107800L);
        subscription.dispose();
        await().until(() -> textFrames(session.id()).contains("[\"unsubscribe\",\"trade.BTC_USDT\"]"));
    }

    @Test
    void aMalformedFrameIsSkippedAndTheStreamGoesOn() {
        client = new AlpStreamClient(options(), null);
        List<AlpWsTrade> trades = new CopyOnWriteArrayList<>();
        Disposable subscription = client.trades("BTC_USDT").subscribe(trades::add, error -> trades.clear());
        WsSession session = session(0);
        await().until(() -> textFrames(session.id()).contains("[\"subscribe\",\"trade.BTC_USDT\"]"));
        session.send("not json");
        session.send("[\"t\",1694003848,1,\"BTC_USDT\",\"x\",\"1\",\"buy\"]");
        session.send(AlpDocExamples.raw("ws/trade.json"));
        await().until(() -> trades.size() == 1);
        assertThat(client.malformedFrames()).isEqualTo(2);
        assertThat(subscription.isDisposed()).isFalse();
        subscription.dispose();
    }

    @Test
    void answersTextOneWithTwoAndProtocolPingsWithPongsAndNeverPingsUnprompted() throws Exception {
        client = new AlpStreamClient(options(), null);
        Disposable subscription = client.trades().subscribe();
        WsSession session = session(0);
        await().until(() -> textFrames(session.id()).contains("[\"subscribe\",\"trade.*\"]"));
        session.send("1");
        session.ping();
        await().until(() -> textFrames(session.id()).contains("2"));
        await().until(() -> server.frames().stream().anyMatch(f -> f.kind() == RecordedFrame.Kind.PONG));
        assertThat(textFrames(session.id())).containsExactly("[\"subscribe\",\"trade.*\"]", "2");
        assertThat(server.frames()).noneMatch(f -> f.kind() == RecordedFrame.Kind.PING);
        subscription.dispose();
    }

    @Test
    void tickerFramesAreSplitByRowAndFilteredByPair() {
        client = new AlpStreamClient(options(), null);
        List<AlpTickerUpdate> btc = new CopyOnWriteArrayList<>();
        Disposable subscription = client.ticker("BTC_USDT").subscribe(btc::add);
        WsSession session = session(0);
        // ticker.* carries the rows; ticker.BTC_USDT rides along only so that the venue checks the pair
        await().until(() -> String.join(" ", textFrames(session.id())).contains("\"ticker.*\"")
                && String.join(" ", textFrames(session.id())).contains("\"ticker.BTC_USDT\""));
        session.send(AlpDocExamples.raw("ws/ticker.json"));
        await().until(() -> btc.size() == 1);
        assertThat(btc.get(0).rows()).singleElement().satisfies(row -> assertThat(row.close())
                .isEqualByComparingTo("25725.53"));
        subscription.dispose();
    }

    @Test
    void anErrorFrameFailsTheTopicItNamesOnly() {
        client = new AlpStreamClient(options(), null);
        List<AlpWsTrade> trades = new CopyOnWriteArrayList<>();
        Disposable tradesSubscription = client.trades("BTC_USDT").subscribe(trades::add);
        WsSession session = session(0);
        await().until(() -> textFrames(session.id()).contains("[\"subscribe\",\"trade.BTC_USDT\"]"));
        StepVerifier.create(client.diff("NOPE_USDT"))
                .then(() -> await().until(() -> textFrames(session.id()).contains("[\"subscribe\",\"diff.NOPE_USDT\"]")))
                .then(() -> session.send("[\"error\",1790139264,\"Invalid topic: diff.NOPE_USDT\",\"subscribe\"]"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequestException.class)
                        .hasMessage("ALP refused topic diff.NOPE_USDT: Invalid topic: diff.NOPE_USDT"))
                .verify(Duration.ofSeconds(5));
        session.send("[\"error\",1790139264,\"Too many topics\",\"subscribe\"]");
        session.send(AlpDocExamples.raw("ws/trade.json"));
        await().until(() -> trades.size() == 1);
        assertThat(tradesSubscription.isDisposed()).isFalse();
        tradesSubscription.dispose();
    }

    /** The document's error frame names no topic: it answers the subscribe frame still waiting for an answer. */
    @Test
    void theDocumentedErrorThatNamesNoTopicFailsThePendingSubscription_soAnUnknownPairsTickerFails() {
        String topicDoesNotExist = AlpDocExamples.raw("ws/error.json");
        server.websocket("/docs", session -> {
            session.send(WELCOME);
            return session.inbound().filter(text -> text.startsWith("[\"subscribe\""))
                    .doOnNext(text -> session.send(text.contains("NOPE_USDT")
                            ? topicDoesNotExist
                            : "[\"subscribe\",1790139140," + text.substring(13)))
                    .then();
        });
        client = new AlpStreamClient(options("/docs"), null);
        List<AlpWsTrade> trades = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> tradesError = new AtomicReference<>();
        Disposable tradesSubscription = client.trades("BTC_USDT").subscribe(trades::add, tradesError::set);
        WsSession session = session(0);
        await().until(() -> textFrames(session.id()).contains("[\"subscribe\",\"trade.BTC_USDT\"]"));

        StepVerifier.create(client.ticker("NOPE_USDT"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequestException.class)
                        .hasMessage("ALP refused topic ticker.NOPE_USDT: Topic does not exist"))
                .verify(Duration.ofSeconds(5));
        StepVerifier.create(client.diff("NOPE_USDT"))
                .expectError(InvalidRequestException.class)
                .verify(Duration.ofSeconds(5));

        session.send(AlpDocExamples.raw("ws/trade.json"));
        await().until(() -> trades.size() == 1);
        assertThat(tradesError.get()).isNull();
        assertThat(textFrames(session.id())).as("each refused subscription was asked on the wire")
                .contains("[\"subscribe\",\"ticker.NOPE_USDT\"]", "[\"subscribe\",\"diff.NOPE_USDT\"]");
        tradesSubscription.dispose();
    }

    @Test
    void morethanTwentyTopicsOpenASecondSocket() {
        client = new AlpStreamClient(options(), null);
        List<Disposable> subscriptions = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) {
            subscriptions.add(client.trades("C" + i + "_USDT").subscribe());
        }
        await().until(() -> server.sessions().size() == 2);
        subscriptions.forEach(Disposable::dispose);
    }

    @Test
    void privateChannelsAuthenticateOnEveryConnectAndAfterARenewal() {
        AtomicInteger issued = new AtomicInteger();
        AlpTokenProvider tokens = new AlpTokenProvider(() -> Mono.fromSupplier(() -> AlpTestJwt.withExp(
                System.currentTimeMillis() / 1000 + 4, "jwt" + issued.incrementAndGet())), Schedulers.parallel(),
                Duration.ofSeconds(60));
        client = new AlpStreamClient(options(), tokens);
        List<AlpWsOrder> orders = new CopyOnWriteArrayList<>();
        List<AlpWsWallet> wallets = new CopyOnWriteArrayList<>();
        Disposable o = client.orders().subscribe(orders::add);
        Disposable w = client.wallets().subscribe(wallets::add);
        WsSession first = session(0);
        await().until(() -> textFrames(first.id()).stream().anyMatch(t -> t.startsWith("[\"auth\"")));
        assertThat(textFrames(first.id()).get(0)).isEqualTo("[\"auth\",\"" + tokens.current() + "\"]");
        assertThat(textFrames(first.id())).noneMatch(t -> t.startsWith("[\"subscribe\""));
        first.send(AlpDocExamples.raw("ws/order.json"));
        first.send(AlpDocExamples.raw("ws/wallet.json"));
        await().until(() -> orders.size() == 1 && wallets.size() == 1);

        // the token lives 4 s: renewed at 4/5 of its life and sent on the open socket
        await().atMost(Duration.ofSeconds(8)).until(() -> textFrames(first.id()).stream()
                .filter(t -> t.startsWith("[\"auth\"")).distinct().count() == 2);

        first.drop();
        WsSession second = session(1);
        await().until(() -> textFrames(second.id()).stream().anyMatch(t -> t.startsWith("[\"auth\"")));
        second.send(AlpDocExamples.raw("ws/order.json"));
        await().until(() -> orders.size() == 2);
        o.dispose();
        w.dispose();
    }

    @Test
    void aMissingPairOrTopicFailsThePublisherAndSubscribesNothing() {
        client = new AlpStreamClient(options(), null);

        for (Flux<?> flux : List.<Flux<?>>of(client.ticker(null), client.tickerTopic(" "), client.trades(null),
                client.diff(null), client.marketDepth(""), client.topic(null, OverflowPolicy.latest()),
                client.topic("trade.BTC_USDT", null))) {
            StepVerifier.create(flux).expectError(InvalidRequestException.class).verify(Duration.ofSeconds(1));
        }
        assertThat(server.sessions()).isEmpty();
    }

    @Test
    void privateChannelsWithoutCredentialsFail() {
        client = new AlpStreamClient(options(), null);
        StepVerifier.create(client.orders()).expectError(AuthenticationException.class).verify(Duration.ofSeconds(1));
    }
}
