package io.exflux.reactive.internal.ws;

import static io.exflux.reactive.internal.ws.Loopback.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.reactive.config.StreamKind;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.reactive.internal.ws.TestDialect.Msg;
import io.exflux.reactive.testsupport.FailOnNettyLeaks;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A frame (or a message of continuation frames) over {@link StreamOptions#maxFramePayloadLength()} is never read
 * into memory: the socket is dropped and reconnected, the subscriber sees no error and gets the messages that
 * follow, and no buffer leaks.
 */
@ExtendWith(FailOnNettyLeaks.class)
class OversizedFrameTest {

    private static final int LIMIT = 64 * 1024;

    @Test
    void aFrameOverTheLimitCostsAReconnectNotTheStream() {
        assertSurvives(() -> Flux.just(new TextWebSocketFrame("a|" + "x".repeat(4 * LIMIT))));
    }

    @Test
    void aFragmentedMessageOverTheLimitCostsAReconnectNotTheStream() {
        String part = "y".repeat(LIMIT / 2);
        assertSurvives(() -> Flux.just(new TextWebSocketFrame(false, 0, "a|" + part),
                new ContinuationWebSocketFrame(false, 0, part), new ContinuationWebSocketFrame(false, 0, part),
                new ContinuationWebSocketFrame(true, 0, part)));
    }

    private static void assertSurvives(java.util.function.Supplier<Flux<WebSocketFrame>> oversized) {
        AtomicInteger connections = new AtomicInteger();
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.ws("/ws", (in, out) -> {
                    // the first connection gets the oversized message, the next ones a small one
                    Flux<WebSocketFrame> frames = connections.incrementAndGet() == 1 ? oversized.get()
                            : Flux.just(new TextWebSocketFrame("a|small"));
                    return out.sendObject(frames).then(in.receive().then());
                }))
                .bindNow();
        StreamEndpoint<Msg> stream = StreamEndpoint.create(URI.create("ws://127.0.0.1:" + server.port() + "/ws"),
                TestDialect.plain(), StreamOptions.builder().maxFramePayloadLength(LIMIT).build());
        List<Msg> received = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Disposable subscription = stream.topic("a", StreamKind.TRADES).subscribe(received::add, failed::set);
        try {
            await("the message after the oversized one", () -> !received.isEmpty() || failed.get() != null);
            assertThat(failed.get()).isNull();
            assertThat(received).extracting(Msg::payload).containsExactly("small");
            assertThat(connections.get()).as("the socket was dropped and opened again").isGreaterThanOrEqualTo(2);
        } finally {
            subscription.dispose();
            // the close waits up to the connect timeout (10 s) for the server's answer and then ends anyway: wait longer
            stream.close().block(Loopback.PATIENCE);
            server.disposeNow();
        }
    }
}
