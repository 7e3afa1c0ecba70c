package io.exflux.reactive.internal.ws;

import io.exflux.reactive.config.StreamKind;

import io.exflux.reactive.config.StreamOptions;

import static io.exflux.reactive.internal.ws.Loopback.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.reactive.testsupport.FailOnNettyLeaks;
import io.exflux.reactive.internal.ws.TestDialect.Msg;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A message the server splits into a text frame and continuation frames arrives as one message. The
 * testkit server only sends whole frames, so this one is a bare reactor-netty server.
 */
@ExtendWith(FailOnNettyLeaks.class)
class FragmentedFrameTest {

    @Test
    void continuationFramesAreAggregatedIntoOneMessage() {
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.ws("/ws", (in, out) -> out.sendObject(Flux.just(
                        new TextWebSocketFrame(false, 0, "a|first-"),
                        new ContinuationWebSocketFrame(false, 0, "second-"),
                        new ContinuationWebSocketFrame(true, 0, "third"))).then(in.receive().then())))
                .bindNow();
        StreamEndpoint<Msg> stream = StreamEndpoint.create(
                URI.create("ws://127.0.0.1:" + server.port() + "/ws"), TestDialect.plain(), StreamOptions.defaults());
        List<Msg> received = new CopyOnWriteArrayList<>();
        Disposable subscription = stream.topic("a", StreamKind.TRADES).subscribe(received::add);
        try {
            await("the aggregated message", () -> !received.isEmpty());
            assertThat(received).extracting(Msg::payload).containsExactly("first-second-third");
            assertThat(stream.malformedFrames()).isZero();
        } finally {
            subscription.dispose();
            stream.close().block(Duration.ofSeconds(10));
            server.disposeNow();
        }
    }
}
