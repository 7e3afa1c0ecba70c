package io.exflux.testkit.chaos;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.NettyInbound;
import reactor.netty.NettyOutbound;
import reactor.netty.tcp.TcpClient;

/**
 * One client connection through a {@link ChaosProxy} and its upstream connection to the server: two
 * {@link Pipe}s, one each way. A fault applied here acts on this connection only. When either side closes,
 * both are closed.
 */
public final class ChaosConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ChaosConnection.class);

    private final long id;
    private final Connection client;
    private final ChaosRecorder recorder;
    private final Consumer<ChaosConnection> onClose;
    private final Pipe toServer;
    private final Pipe toClient;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Connection upstream;

    ChaosConnection(long id, Connection client, Timers timers, ChaosRecorder recorder, SplittableRandom random,
                    Consumer<ChaosConnection> onClose) {
        this.id = id;
        this.client = client;
        this.recorder = recorder;
        this.onClose = onClose;
        this.toServer = new Pipe(id, Direction.CLIENT_TO_SERVER, timers, recorder, random.split());
        this.toClient = new Pipe(id, Direction.SERVER_TO_CLIENT, timers, recorder, random.split());
    }

    /** This connection's id: 1 for the first one the proxy accepted, then counting up. */
    public long id() {
        return id;
    }

    /** Whether both sockets are still open (as far as the proxy knows). */
    public boolean isOpen() {
        return !closed.get();
    }

    /** Applies the fault to this connection now and records it; returns the record. */
    public ChaosEvent apply(ChaosFault fault) {
        ChaosEvent event = recorder.fault(id, fault);
        LOG.debug("chaos: {}", event);
        enact(fault);
        return event;
    }

    /** Ends the stalls of this connection, both ways; what waited is forwarded in order. */
    public void resume() {
        toServer.resume();
        toClient.resume();
    }

    /** Clears every fault on this connection: stalls end, half-frames are disarmed, latency and caps go. */
    public void heal() {
        toServer.heal();
        toClient.heal();
    }

    /** Does what the fault says, unrecorded (the caller records it once, however many connections it hits). */
    void enact(ChaosFault fault) {
        if (fault instanceof ChaosFault.Cut) {
            close(false);
        } else if (fault instanceof ChaosFault.Reset) {
            close(true);
        } else if (fault instanceof ChaosFault.Stall stall) {
            pipes(stall.direction()).forEach(pipe -> pipe.stall(stall, stall.duration()));
        } else if (fault instanceof ChaosFault.HalfFrame half) {
            pipes(half.direction()).forEach(pipe -> pipe.halfFrame(half));
        } else if (fault instanceof ChaosFault.Latency latency) {
            pipes(latency.direction()).forEach(pipe -> pipe.latency(latency));
        } else if (fault instanceof ChaosFault.Bandwidth bandwidth) {
            pipes(bandwidth.direction()).forEach(pipe -> pipe.bandwidth(bandwidth));
        }
    }

    /**
     * Whether a stall of this connection is young (started less than {@code window} before {@code now}, either way)
     * or armed (a half-frame waits to stall): a {@link ChaosSchedule} that spares stalls leaves it alone.
     */
    boolean stallYoungOrArmed(Instant now, Duration window) {
        for (Pipe pipe : List.of(toServer, toClient)) {
            Instant start = pipe.stallStart();
            if (pipe.stallArmed() || start != null && start.plus(window).isAfter(now)) {
                return true;
            }
        }
        return false;
    }

    private List<Pipe> pipes(Direction direction) {
        return List.of(toServer, toClient).stream().filter(pipe -> direction.covers(pipe.way())).toList();
    }

    /**
     * Connects upstream and forwards both ways until either side closes or a fault ends the connection.
     * Completes when both directions are done; never fails (a refused upstream just closes the client).
     */
    Mono<Void> run(TcpClient upstreamClient, NettyInbound in, NettyOutbound out) {
        return upstreamClient.connect()
                .flatMap(server -> {
                    if (!attach(server)) {
                        return Mono.<Void>empty();
                    }
                    Mono<Void> up = server.outbound()
                            .sendByteArray(toServer.forward(in.receive().asByteArray()))
                            .then();
                    Mono<Void> down = out.sendByteArray(toClient.forward(server.inbound().receive().asByteArray()))
                            .then();
                    return Mono.when(endsConnection(up), endsConnection(down));
                })
                .onErrorResume(error -> {
                    LOG.debug("chaos: connection #{} ended: {}", id, error.toString());
                    return Mono.empty();
                })
                .doFinally(signal -> close(false));
    }

    /** One direction ending (peer closed, or a half-frame cut after its bytes were flushed) closes both sides. */
    private Mono<Void> endsConnection(Mono<Void> direction) {
        return direction.onErrorResume(error -> Mono.empty()).doFinally(signal -> close(false));
    }

    private boolean attach(Connection server) {
        upstream = server;
        if (closed.get()) {
            server.dispose();
            return false;
        }
        return true;
    }

    /** Closes both sockets (with a reset when asked); the first call wins. */
    void close(boolean reset) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        toServer.closed();
        toClient.closed();
        shut(client, reset);
        Connection server = upstream;
        if (server != null) {
            shut(server, reset);
        }
        onClose.accept(this);
    }

    private static void shut(Connection connection, boolean reset) {
        if (!reset) {
            connection.dispose();
            return;
        }
        // SO_LINGER 0 makes close() abort the connection with a RST instead of a FIN
        Channel channel = connection.channel();
        channel.eventLoop().execute(() -> {
            if (channel.isOpen()) {
                channel.config().setOption(ChannelOption.SO_LINGER, 0);
            }
            channel.close();
        });
    }

    @Override
    public String toString() {
        return "ChaosConnection#" + id + (isOpen() ? "" : " (closed)");
    }
}
