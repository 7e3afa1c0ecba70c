package io.exflux.reactive.internal.ws;

import static io.exflux.reactive.internal.ws.Loopback.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.reactive.config.StreamKind;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.reactive.internal.ws.TestDialect.Msg;
import io.exflux.reactive.testsupport.FailOnNettyLeaks;
import io.netty.buffer.ByteBuf;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A dialect that reads bytes gets every text frame longer than its {@link StreamDialect#longestTextFrameRead()} as
 * the frame's bytes, shorter ones as text (its heartbeat still answers the text ping); a malformed byte frame is
 * counted and skipped like a text one, and no buffer leaks.
 */
@ExtendWith(FailOnNettyLeaks.class)
class ByteFramesLoopbackTest {

    private static final List<String> FRAMES = List.of("1", "a|x", "a|café 数字", "no separator here", "a|last");

    @Test
    void longFramesReachTheDialectAsBytesShortOnesAsText() {
        List<String> seenByServer = new CopyOnWriteArrayList<>();
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.ws("/ws", (in, out) -> {
                    Sinks.Empty<Void> subscribed = Sinks.empty();
                    in.receive().asString().subscribe(text -> {
                        seenByServer.add(text);
                        if (text.startsWith("sub:")) {
                            subscribed.tryEmitEmpty();
                        }
                    });
                    return out.sendString(Flux.fromIterable(FRAMES).delaySubscription(subscribed.asMono()))
                            .then(Mono.never());
                }))
                .bindNow();
        AtomicInteger fromText = new AtomicInteger();
        AtomicInteger fromBytes = new AtomicInteger();
        StreamDialect<Msg> dialect = new DelegatingDialect(
                new TestDialect(Integer.MAX_VALUE, Integer.MAX_VALUE, Heartbeats.answerText("1", "2"))) {
            @Override
            public void decode(String frame, FrameSink<Msg> sink) {
                fromText.incrementAndGet();
                super.decode(frame, sink);
            }

            @Override
            public void decode(ByteBuf utf8, FrameSink<Msg> sink) {
                fromBytes.incrementAndGet();
                super.decode(utf8.toString(StandardCharsets.UTF_8), sink);
            }

            @Override
            public int longestTextFrameRead() {
                return 3;
            }
        };
        StreamEndpoint<Msg> stream = StreamEndpoint.create(URI.create("ws://127.0.0.1:" + server.port() + "/ws"),
                dialect, StreamOptions.builder().build());
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Disposable subscription = stream.topic("a", StreamKind.TRADES)
                .subscribe(message -> received.add(message.payload()), failed::set);
        try {
            await("the last message and the pong", () -> received.contains("last") && seenByServer.contains("2")
                    || failed.get() != null);
            assertThat(failed.get()).isNull();
            assertThat(received).containsExactly("x", "café 数字", "last");
            assertThat(stream.malformedFrames()).as("the frame without a separator").isEqualTo(1);
            // "a|x" as text (the ping went to the heartbeat, never to decode), the other three as bytes
            assertThat(fromText.get()).isEqualTo(1);
            assertThat(fromBytes.get()).isEqualTo(3);
        } finally {
            subscription.dispose();
            stream.close().block(Duration.ofSeconds(10));
            server.disposeNow();
        }
    }
}
