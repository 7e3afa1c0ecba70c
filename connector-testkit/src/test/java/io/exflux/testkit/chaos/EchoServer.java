package io.exflux.testkit.chaos;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import reactor.netty.DisposableServer;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.TcpServer;

/** A TCP server on loopback that sends back every byte it receives, on an event loop of its own. */
final class EchoServer implements AutoCloseable {

    private final LongAdder received = new LongAdder();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final LoopResources loops = LoopResources.create("echo", 1, 1, true);
    private final DisposableServer server = TcpServer.create().runOn(loops).host("127.0.0.1").port(0)
            .handle((in, out) -> out.send(in.receive().retain().doOnNext(bytes -> received.add(bytes.readableBytes()))))
            .bindNow(WAIT);

    /** Bytes received so far, over every connection. */
    long received() {
        return received.sum();
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.disposeNow(WAIT);
        loops.disposeLater(Duration.ZERO, WAIT).block(WAIT);
    }
}
