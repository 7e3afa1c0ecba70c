package io.exflux.testkit.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The proxy in front of a loopback echo server, observed from a plain socket client. */
@ExtendWith(FailOnLeaks.class)
class ChaosProxyTest {

    private static final Duration QUIET = Duration.ofMillis(300);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private EchoServer echo;
    private ChaosProxy proxy;
    private final List<RawClient> clients = new ArrayList<>();

    @BeforeEach
    void startEcho() {
        echo = new EchoServer();
    }

    @AfterEach
    void stop() {
        clients.forEach(RawClient::close);
        if (proxy != null) {
            proxy.close();
        }
        echo.close();
    }

    private ChaosProxy startProxy() {
        proxy = ChaosProxy.to("127.0.0.1", echo.port()).seed(7).start();
        return proxy;
    }

    private RawClient connect() {
        RawClient client = new RawClient(proxy.port());
        clients.add(client);
        return client;
    }

    /** A round trip, so the connection is surely through to the server before a fault is applied. */
    private ChaosConnection connectThrough(RawClient client) {
        client.send(bytes("hi"));
        assertThat(client.read(2)).isEqualTo(bytes("hi"));
        return proxy.connections().get(proxy.connections().size() - 1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] random(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void await(BooleanSupplier condition, String what) {
        await(condition, () -> what);
    }

    private static void await(BooleanSupplier condition, Supplier<String> what) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + WAIT + ": " + what.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void bytesPassIntactBothWaysOnSeveralConnections() {
        startProxy();
        Random random = new Random(1);
        List<byte[]> payloads = new ArrayList<>();
        List<RawClient> three = List.of(connect(), connect(), connect());
        for (RawClient client : three) {
            byte[] payload = random(random, 100_000);
            payloads.add(payload);
            client.send(payload);
        }
        for (int i = 0; i < three.size(); i++) {
            assertThat(three.get(i).read(100_000)).isEqualTo(payloads.get(i));
        }

        ChaosStats stats = proxy.stats();
        assertThat(stats.connectionsAccepted()).isEqualTo(3);
        assertThat(stats.connectionsOpen()).isEqualTo(3);
        assertThat(stats.bytesToServer()).isEqualTo(300_000);
        assertThat(stats.bytesToClient()).isEqualTo(300_000);
        assertThat(stats.faults().values()).containsOnly(0L);
        assertThat(proxy.events()).isEmpty();
    }

    @Test
    void aCutClosesTheClientsConnectionAndIsRecorded() {
        startProxy();
        RawClient client = connect();
        ChaosConnection connection = connectThrough(client);

        ChaosEvent event = connection.apply(ChaosFault.cut());

        assertThat(client.readUntilEnd()).as("a clean end of stream").isNull();
        await(() -> proxy.stats().connectionsOpen() == 0, "the proxy counts the connection closed");
        assertThat(connection.isOpen()).isFalse();
        assertThat(event.connectionId()).isEqualTo(connection.id());
        assertThat(proxy.events()).extracting(ChaosEvent::kind).containsExactly(FaultKind.CUT);
        assertThat(proxy.stats().faults(FaultKind.CUT)).isEqualTo(1);
    }

    @Test
    void aProxyWideCutClosesEveryConnection() {
        startProxy();
        RawClient first = connect();
        RawClient second = connect();
        connectThrough(first);
        connectThrough(second);

        proxy.apply(ChaosFault.cut());

        assertThat(first.readUntilEnd()).isNull();
        assertThat(second.readUntilEnd()).isNull();
        assertThat(proxy.events()).singleElement()
                .satisfies(event -> assertThat(event.connectionId()).isEqualTo(ChaosEvent.EVERY_CONNECTION));
    }

    @Test
    void aResetReachesTheClientAsAConnectionReset() {
        startProxy();
        RawClient client = connect();
        ChaosConnection connection = connectThrough(client);

        connection.apply(ChaosFault.reset());

        IOException error = client.readUntilEnd();
        assertThat(error).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        assertThat(proxy.stats().faults(FaultKind.RESET)).isEqualTo(1);
    }

    @Test
    void aStallForwardsNothingUntilResumedThenEverythingInOrder() {
        startProxy();
        RawClient client = connect();
        ChaosConnection connection = connectThrough(client);
        byte[] payload = random(new Random(2), 5_000);

        connection.apply(ChaosFault.stall(Direction.BOTH));
        client.send(payload);

        client.expectNothingFor(QUIET);
        assertThat(proxy.stats().bytesToServer()).as("nothing forwarded while stalled").isEqualTo(2);
        assertThat(connection.isOpen()).isTrue();

        connection.resume();
        assertThat(client.read(payload.length)).isEqualTo(payload);
    }

    @Test
    void aStallOnlyTheServersWayStillForwardsTheClientsBytes() {
        startProxy();
        RawClient client = connect();
        ChaosConnection connection = connectThrough(client);

        connection.apply(ChaosFault.stall(Direction.SERVER_TO_CLIENT));
        client.send(bytes("ping"));

        await(() -> proxy.stats().bytesToServer() == 6, "the client's bytes reach the server");
        client.expectNothingFor(QUIET);
        assertThat(proxy.stats().bytesToClient()).isEqualTo(2);

        proxy.resume();
        assertThat(client.read(4)).isEqualTo(bytes("ping"));
    }

    @Test
    void aTimedStallEndsWhenItsTimeHasPassedOnTheProxysScheduler() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        proxy = ChaosProxy.to("127.0.0.1", echo.port()).scheduler(time).start();
        RawClient client = connect();
        ChaosConnection connection = connectThrough(client);

        ChaosEvent event = connection.apply(ChaosFault.stall(Direction.SERVER_TO_CLIENT, Duration.ofSeconds(30)));
        client.send(bytes("after the stall"));
        await(() -> proxy.stats().bytesToServer() == 2 + 15, "the bytes reach the server");
        client.expectNothingFor(QUIET);

        time.advanceTimeBy(Duration.ofSeconds(29));
        client.expectNothingFor(QUIET);
        time.advanceTimeBy(Duration.ofSeconds(1));

        assertThat(client.read(15)).isEqualTo(bytes("after the stall"));
        assertThat(event.duration()).isEqualTo(Duration.ofSeconds(30));
        time.dispose();
    }

    @Test
    void aHalfFrameThenCutDeliversExactlyThatManyBytesThenCloses() {
        startProxy();
        RawClient client = connect();
        ChaosConnection connection = connectThrough(client);
        byte[] payload = random(new Random(3), 100);

        connection.apply(ChaosFault.halfFrame(Direction.SERVER_TO_CLIENT, 17, FaultKind.CUT));
        client.send(payload);

        assertThat(client.readToEnd()).isEqualTo(Arrays.copyOf(payload, 17));
        await(() -> !connection.isOpen(), "the connection is closed");
        assertThat(proxy.stats().bytesToClient()).isEqualTo(2 + 17);
    }

    @Test
    void aHalfFrameTowardsTheServerLetsExactlyThatManyBytesThroughThenCloses() {
        startProxy();
        RawClient client = connect();
        connectThrough(client);
        byte[] payload = random(new Random(7), 100);

        proxy.apply(ChaosFault.halfFrame(Direction.CLIENT_TO_SERVER, 17, FaultKind.CUT));
        client.send(payload);

        client.readUntilEnd(); // the client sees the connection end, and no byte comes back after the cut
        await(() -> echo.received() == 2 + 17, () -> "the server received " + echo.received() + " bytes, not 2 + 17");
        assertThat(proxy.stats().bytesToServer()).isEqualTo(2 + 17);
    }

    @Test
    void aHalfFrameThenStallDeliversThatManyBytesAndTheRestOnResume() {
        startProxy();
        RawClient client = connect();
        ChaosConnection connection = connectThrough(client);
        byte[] payload = random(new Random(4), 100);

        connection.apply(ChaosFault.halfFrame(Direction.SERVER_TO_CLIENT, 17, FaultKind.STALL));
        client.send(payload);

        assertThat(client.read(17)).isEqualTo(Arrays.copyOf(payload, 17));
        client.expectNothingFor(QUIET);
        connection.resume();
        assertThat(client.read(83)).isEqualTo(Arrays.copyOfRange(payload, 17, 100));
    }

    @Test
    void aHalfFrameThenATimedStallDeliversTheRestWhenTheStallIsOver() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        proxy = ChaosProxy.to("127.0.0.1", echo.port()).scheduler(time).start();
        RawClient client = connect();
        ChaosConnection connection = connectThrough(client);
        byte[] payload = random(new Random(6), 40);

        ChaosEvent event = connection.apply(
                ChaosFault.halfFrameThenStall(Direction.SERVER_TO_CLIENT, 3, Duration.ofSeconds(20)));
        client.send(payload);

        assertThat(client.read(3)).isEqualTo(Arrays.copyOf(payload, 3));
        client.expectNothingFor(QUIET);
        time.advanceTimeBy(Duration.ofSeconds(20));
        assertThat(client.read(37)).isEqualTo(Arrays.copyOfRange(payload, 3, 40));
        assertThat(event.duration()).isEqualTo(Duration.ofSeconds(20));
        time.dispose();
    }

    @Test
    void latencyThatLastsEndsOnTheProxysScheduler() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        proxy = ChaosProxy.to("127.0.0.1", echo.port()).scheduler(time).start();
        RawClient client = connect();
        ChaosConnection connection = connectThrough(client);
        ChaosFault.Latency latency = new ChaosFault.Latency(Direction.SERVER_TO_CLIENT, Duration.ofSeconds(5),
                Duration.ZERO, null);

        connection.apply(latency.lasting(Duration.ofSeconds(10)));
        client.send(bytes("slow"));
        client.expectNothingFor(QUIET);
        time.advanceTimeBy(Duration.ofSeconds(5));
        assertThat(client.read(4)).isEqualTo(bytes("slow"));

        time.advanceTimeBy(Duration.ofSeconds(5));
        client.send(bytes("fast"));
        assertThat(client.read(4)).as("no latency once it has lasted its time").isEqualTo(bytes("fast"));
        time.dispose();
    }

    @Test
    void latencyKeepsTheOrderOfManySmallWrites() {
        startProxy();
        RawClient client = connect();
        connectThrough(client);
        proxy.apply(ChaosFault.latency(Direction.BOTH, Duration.ofMillis(2), Duration.ofMillis(10)));

        StringBuilder sent = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            String message = String.format("m%04d;", i);
            sent.append(message);
            client.send(bytes(message));
        }

        assertThat(new String(client.read(sent.length()), StandardCharsets.US_ASCII))
                .isEqualTo(sent.toString());
        assertThat(proxy.events()).extracting(ChaosEvent::kind).containsExactly(FaultKind.LATENCY);
    }

    @Test
    void latencySetProxyWideHoldsForConnectionsOpenedLaterUntilHealed() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        proxy = ChaosProxy.to("127.0.0.1", echo.port()).scheduler(time).start();
        proxy.apply(ChaosFault.latency(Direction.SERVER_TO_CLIENT, Duration.ofSeconds(5), Duration.ZERO));
        RawClient client = connect();

        client.send(bytes("late"));
        await(() -> proxy.stats().bytesToServer() == 4, "the bytes reach the server");
        client.expectNothingFor(QUIET);
        time.advanceTimeBy(Duration.ofSeconds(5));
        assertThat(client.read(4)).isEqualTo(bytes("late"));

        proxy.heal();
        client.send(bytes("now!"));
        assertThat(client.read(4)).isEqualTo(bytes("now!"));
        time.dispose();
    }

    @Test
    void aBandwidthCapKeepsOrderAndDeliversEverything() {
        startProxy();
        RawClient client = connect();
        connectThrough(client);
        byte[] payload = random(new Random(5), 60_000);

        proxy.apply(ChaosFault.bandwidth(Direction.SERVER_TO_CLIENT, 200_000));
        client.send(payload);

        assertThat(client.read(payload.length)).isEqualTo(payload);
        assertThat(proxy.stats().bytesToClient()).isEqualTo(2 + payload.length);
        assertThat(proxy.stats().faults(FaultKind.BANDWIDTH)).isEqualTo(1);
    }

    @Test
    void anUnreachableServerClosesTheClient() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        proxy = ChaosProxy.start("127.0.0.1", closedPort);
        RawClient client = connect();

        assertThat(client.readUntilEnd()).isNull();
        await(() -> proxy.stats().connectionsOpen() == 0, "the proxy counts the connection closed");
        assertThat(proxy.stats().connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void closeReleasesEveryConnectionAndLeavesNoThreadBehind() {
        RawClient direct = new RawClient(echo.port()); // the echo server's own event loop thread starts now
        clients.add(direct);
        direct.send(bytes("hi"));
        direct.read(2);
        for (int i = 0; i < Schedulers.DEFAULT_POOL_SIZE; i++) { // Reactor's shared workers belong to the JVM
            Schedulers.parallel().schedule(() -> { });
        }
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        VirtualTimeScheduler time = VirtualTimeScheduler.create(); // no timer threads either
        ChaosProxy own = ChaosProxy.to("127.0.0.1", echo.port()).scheduler(time).start();
        RawClient client = new RawClient(own.port());
        clients.add(client);
        client.send(bytes("hi"));
        assertThat(client.read(2)).isEqualTo(bytes("hi"));
        own.apply(ChaosFault.stall(Direction.BOTH));
        client.send(bytes("stalled"));

        own.close();
        own.close(); // a second close is a no-op
        time.dispose();

        // the stalled bytes were never read, so the kernel answers the close with a reset: either end will do
        client.readUntilEnd();
        assertThat(own.stats().connectionsOpen()).isZero();
        assertThat(own.isDisposed()).isTrue();
        await(() -> threadsStartedSince(before).isEmpty(),
                () -> "every thread the proxy started has ended: " + threadsStartedSince(before));
    }

    private static List<String> threadsStartedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !before.contains(thread))
                .map(Thread::getName)
                .toList();
    }
}
