package io.exflux.reactive.venue.alp;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.reactive.internal.ws.RecordingFrameSink;
import io.exflux.reactive.internal.ws.Handshake;
import io.exflux.reactive.internal.ws.HandshakeSession;
import io.exflux.reactive.venue.alp.internal.AlpStreamDialect;
import io.exflux.reactive.venue.alp.model.AlpAck;
import io.exflux.reactive.venue.alp.model.AlpMessage;
import io.exflux.reactive.venue.alp.model.AlpTickerUpdate;
import io.exflux.reactive.venue.alp.model.AlpWsOrder;
import io.exflux.reactive.venue.alp.model.AlpWsTrade;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The ALP dialect of the stream engine, alone: handshake, frames out, routing, authentication. */
class AlpStreamDialectTest {

    private final AlpStreamDialect publicDialect = new AlpStreamDialect(null, Duration.ofSeconds(50));

    private static HandshakeSession greeting(String first) {
        return new HandshakeSession() {
            @Override
            public URI uri() {
                return URI.create("ws://127.0.0.1/ws");
            }

            @Override
            public Mono<String> receive() {
                return Mono.just(first);
            }

            @Override
            public Mono<Void> send(String frame) {
                return Mono.empty();
            }

            @Override
            public void handBack(String frame) {
                throw new AssertionError("the welcome handshake reads one frame and hands nothing back: " + frame);
            }
        };
    }

    @Test
    void welcomeInMillisecondsOrNanosecondsSetsTheWatchdog() {
        StepVerifier.create(publicDialect.handshake(greeting("[\"welcome\",1790139140,20000,30000,\"id\"]")))
                .expectNext(new Handshake(Duration.ofSeconds(20), Duration.ofSeconds(30))).verifyComplete();
        StepVerifier.create(publicDialect.handshake(greeting(AlpDocExamples.raw("ws/welcome.json"))))
                .expectNext(new Handshake(Duration.ofSeconds(30), Duration.ofSeconds(65))).verifyComplete();
        StepVerifier.create(publicDialect.handshake(greeting("[\"t\",1]"))).expectNext(Handshake.NONE).verifyComplete();
    }

    @Test
    void subscribeFramesCarryOnlyWireTopics() {
        assertThat(publicDialect.subscribeFrames(List.of("trade.BTC_USDT", "market_depth.BTC_USDT")))
                .containsExactly("[\"subscribe\",\"trade.BTC_USDT\",\"market_depth.BTC_USDT\"]");
        assertThat(publicDialect.unsubscribeFrames(List.of("ticker.*"))).containsExactly("[\"unsubscribe\",\"ticker.*\"]");
        assertThat(publicDialect.subscribeFrames(List.of(AlpTopics.ORDERS, AlpTopics.WALLETS))).isEmpty();
        assertThat(publicDialect.maxTopicsPerConnection()).isEqualTo(20);
    }

    @Test
    void authenticationOnlyWithATokenSource() {
        StepVerifier.create(publicDialect.authenticate()).expectNext(List.of()).verifyComplete();
        AlpTokenProvider tokens = new AlpTokenProvider(() -> Mono.just("abc.def.ghi"),
                reactor.core.scheduler.Schedulers.immediate(), Duration.ofSeconds(60));
        StepVerifier.create(new AlpStreamDialect(tokens, Duration.ofSeconds(50)).authenticate())
                .expectNext(List.of("[\"auth\",\"abc.def.ghi\"]")).verifyComplete();
    }

    @Test
    void tickerFramesAreSplitAndPrivateFramesRouteToPseudoTopics() {
        RecordingFrameSink<AlpMessage> tickers = new RecordingFrameSink<>(Set.of(AlpTopics.TICKERS_ALL));
        publicDialect.decode(AlpDocExamples.raw("ws/ticker.json"), tickers);
        assertThat(tickers.malformed).isEmpty();
        assertThat(tickers.delivered).hasSize(7).allSatisfy(d -> {
            assertThat(d.topic()).isEqualTo(AlpTopics.TICKERS_ALL);
            assertThat(((AlpTickerUpdate) d.message()).rows()).hasSize(1);
        });

        RecordingFrameSink<AlpMessage> orders = new RecordingFrameSink<>(Set.of(AlpTopics.ORDERS));
        publicDialect.decode(AlpDocExamples.raw("ws/order.json"), orders);
        assertThat(orders.delivered).singleElement().satisfies(d -> {
            assertThat(d.topic()).isEqualTo(AlpTopics.ORDERS);
            assertThat(d.message()).isInstanceOf(AlpWsOrder.class);
        });
        RecordingFrameSink<AlpMessage> nobody = new RecordingFrameSink<>(Set.of());
        publicDialect.decode(AlpDocExamples.raw("ws/order.json"), nobody);
        assertThat(nobody.delivered).isEmpty();
        assertThat(nobody.control).as("a message of no live topic is a control message").hasSize(1);
    }

    @Test
    void aPairsTradeGoesToItsTopicAndToTheWildcard_onceEach() {
        String frame = "[\"t\",1694003848,293107798,\"BTC_USDT\",\"0.2\",\"25705.02\",\"buy\"]";
        RecordingFrameSink<AlpMessage> both = new RecordingFrameSink<>(Set.of(AlpTopics.TRADES_ALL,
                AlpTopics.trades("BTC_USDT"), AlpTopics.trades("ETH_USDT")));
        publicDialect.decode(frame, both);

        assertThat(both.delivered).extracting(RecordingFrameSink.Delivery::topic)
                .containsExactlyInAnyOrder("trade.BTC_USDT", "trade.*");
        assertThat(both.messages()).singleElement().isInstanceOfSatisfying(AlpWsTrade.class,
                trade -> assertThat(trade.tradeId()).isEqualTo(293107798L));
        assertThat(both.control).isEmpty();
    }

    @Test
    void acksSettleSubscriptionsAndErrorsRefuseThemWithATypedErrorNamingTheTopic() {
        RecordingFrameSink<AlpMessage> ack = new RecordingFrameSink<>(Set.of("trade.*"));
        publicDialect.decode("[\"subscribe\",1790139140,\"market_depth.ZEC_USDC\",\"trade.*\"]", ack);
        assertThat(ack.acknowledged).containsExactly("market_depth.ZEC_USDC", "trade.*");
        assertThat(ack.control).singleElement().isInstanceOf(AlpAck.class);

        RecordingFrameSink<AlpMessage> named = new RecordingFrameSink<>(Set.of("diff.NOPE_USDT"));
        publicDialect.decode("[\"error\",1790139264,\"Invalid topic: diff.NOPE_USDT\",\"subscribe\"]", named);
        assertThat(named.refused).singleElement().satisfies(refusal -> {
            assertThat(refusal.topic()).isEqualTo("diff.NOPE_USDT");
            assertThat(refusal.error()).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("diff.NOPE_USDT");
        });

        RecordingFrameSink<AlpMessage> documented = new RecordingFrameSink<>(Set.of("ticker.NOPE_USDT"),
                List.of("ticker.NOPE_USDT"));
        publicDialect.decode(AlpDocExamples.raw("ws/error.json"), documented);
        assertThat(documented.refused).singleElement().satisfies(refusal -> {
            assertThat(refusal.topic()).as("the documented frame names no topic").isNull();
            assertThat(refusal.error()).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("ticker.NOPE_USDT").hasMessageContaining("Topic does not exist");
        });
        assertThat(documented.authenticationRefused).isEmpty();
        assertThat(publicDialect.acknowledgesSubscriptions()).isTrue();
    }

    @Test
    void aRefusedTokenOnThePrivateConnectionIsAnAuthenticationError() {
        AlpTokenProvider tokens = new AlpTokenProvider(() -> Mono.just("abc.def.ghi"),
                reactor.core.scheduler.Schedulers.immediate(), Duration.ofSeconds(60));
        AlpStreamDialect privateDialect = new AlpStreamDialect(tokens, Duration.ofSeconds(50));
        RecordingFrameSink<AlpMessage> sink = new RecordingFrameSink<>(Set.of(AlpTopics.ORDERS));

        privateDialect.decode("[\"error\",1790139264,\"Invalid token\",\"auth\"]", sink);

        assertThat(sink.authenticationRefused).singleElement().isInstanceOf(AuthenticationException.class);
        assertThat(sink.refused).isEmpty();
    }

    @Test
    void aRefusalQuotingTheTokenKeepsItOutOfTheError() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlLWNhbmFyeQ";
        AlpTokenProvider tokens = new AlpTokenProvider(() -> Mono.just(jwt),
                reactor.core.scheduler.Schedulers.immediate(), Duration.ofSeconds(60));
        AlpStreamDialect privateDialect = new AlpStreamDialect(tokens, Duration.ofSeconds(50));
        privateDialect.authenticate().block(Duration.ofSeconds(5));
        RecordingFrameSink<AlpMessage> sink = new RecordingFrameSink<>(Set.of(AlpTopics.ORDERS));

        privateDialect.decode("[\"error\",1790139264,\"Invalid token " + jwt + "\",\"auth\"]", sink);

        assertThat(sink.authenticationRefused).singleElement().satisfies(error -> assertThat(error)
                .hasMessage("ALP refused the websocket authentication: Invalid token [redacted]"));
    }
}
