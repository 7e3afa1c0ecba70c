package io.exflux.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * A loopback ALP for the stream benchmarks: the websocket says {@code welcome}, acknowledges a subscription to
 * {@link #TOPIC}, then sends {@code t} frames, either as fast as the socket takes them or at a fixed rate; the
 * trade id of each frame is the server's {@code System.nanoTime()} when it made the frame (strictly increasing),
 * so a subscriber in the same JVM reads its latency from it. REST answers every {@code /api/v3} call with
 * {@code []} (the trade back-fill after a subscription finds nothing to add).
 *
 * <p>The server runs on an event loop of its own ({@link #THREAD_PREFIX}), never on a client's: on reactor-netty's
 * default loops it could share one thread with the bare client (a hand-off between threads that exflux's own loops
 * always pay), and a driver could not tell the server's CPU time from the client's.
 */
public final class AlpTradeServer implements AutoCloseable {

    /** The pair streamed. */
    public static final String PAIR = "BTC_USDT";
    /** The topic streamed. */
    public static final String TOPIC = "trade." + PAIR;
    /** What a bare client sends to start the trades. */
    public static final String SUBSCRIBE = "[\"subscribe\",\"" + TOPIC + "\"]";

    /** The name of the server's event loop threads start with this. */
    public static final String THREAD_PREFIX = "bench-server";

    private final AtomicLong lastId = new AtomicLong();
    private final LoopResources loop = LoopResources.create(THREAD_PREFIX, 1, true);
    private final DisposableServer server;

    /**
     * @param perSecond frames a second, or 0 for as fast as the socket takes them
     */
    public AlpTradeServer(int perSecond) {
        server = HttpServer.create().runOn(loop).host("127.0.0.1").port(0)
                .route(routes -> routes
                        .ws("/ws", (in, out) -> out.sendString(Flux.concat(
                                Mono.just("[\"welcome\",1694003848,20000,30000,\"bench\"]"),
                                // the inbound flux stays subscribed: cancelling it would close the socket
                                in.receive().asString().filter(frame -> frame.startsWith("[\"subscribe\""))
                                        .concatMap(subscribe -> Flux.concat(
                                                Mono.just("[\"subscribe\",1694003848,\"" + TOPIC + "\"]"),
                                                trades(perSecond))))))
                        .route(request -> request.uri().startsWith("/api/v3"),
                                (request, response) -> response.header("content-type", "application/json")
                                        .sendString(Mono.just("[]"))))
                .bindNow();
    }

    private Flux<String> trades(int perSecond) {
        if (perSecond <= 0) {
            return Flux.generate(sink -> sink.next(frame()));
        }
        int perTick = Math.max(1, perSecond / 1000);
        return Flux.interval(Duration.ofMillis(1)).onBackpressureDrop()
                .concatMap(tick -> Flux.range(0, perTick).map(i -> frame()), 1);
    }

    /** A trade frame stamped now. */
    private String frame() {
        long id = lastId.updateAndGet(last -> Math.max(last + 1, System.nanoTime()));
        return "[\"t\",1694003848," + id + ",\"" + PAIR + "\",\"0.20285052\",\"25705.02000000\",\"buy\"]";
    }

    public URI wsUrl() {
        return URI.create("ws://127.0.0.1:" + server.port() + "/ws");
    }

    public URI restUrl() {
        return URI.create("http://127.0.0.1:" + server.port() + "/api/v3");
    }

    @Override
    public void close() {
        server.disposeNow();
        loop.disposeLater().block(Duration.ofSeconds(10));
    }
}
