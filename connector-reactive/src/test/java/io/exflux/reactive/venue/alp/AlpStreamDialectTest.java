package io.exflux.reactive.venue.alp;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.reactive.internal.ws.FrameSink;
import io.exflux.reactive.internal.ws.Handshake;
import io.exflux.reactive.internal.ws.HandshakeSession;
import io.exflux.reactive.venue.alp.internal.AlpStreamDialect;
import io.exflux.reactive.venue.alp.model.AlpMessage;
import io.exflux.reactive.venue.alp.model.AlpTickerUpdate;
import io.exflux.reactive.venue.alp.model.AlpWsOrder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
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
        List<AlpMessage> out = new ArrayList<>();
        FrameSink<AlpMessage> sink = new FrameSink<>() {
            @Override
            public void next(AlpMessage message) {
                out.add(message);
            }

            @Override
            public void malformed(String reason, Throwable cause) {
                throw new AssertionError(reason);
            }
        };
        publicDialect.decode(AlpDocExamples.raw("ws/ticker.json"), sink);
        assertThat(out).hasSize(7).allSatisfy(m -> assertThat(((AlpTickerUpdate) m).rows()).hasSize(1));
        out.clear();
        publicDialect.decode(AlpDocExamples.raw("ws/order.json"), sink);
        assertThat(out.get(0)).isInstanceOf(AlpWsOrder.class);
        assertThat(publicDialect.route(out.get(0), Set.of(AlpTopics.ORDERS))).isEqualTo(AlpTopics.ORDERS);
        assertThat(publicDialect.route(out.get(0), Set.of())).isNull();
    }
}
