package io.exflux.benchmarks;

import io.exflux.api.config.Credentials;
import io.exflux.reactive.config.RateLimit;
import io.exflux.reactive.internal.auth.HmacSigner;
import io.exflux.reactive.internal.auth.NonceSource;
import io.exflux.reactive.internal.http.NonceOrderStep;
import io.exflux.reactive.internal.http.RestClient;
import io.exflux.reactive.internal.http.RestOptions;
import io.exflux.reactive.internal.http.RestRequest;
import io.exflux.reactive.internal.http.RestResponse;
import io.exflux.reactive.venue.v1.V1Dialect;
import io.exflux.reactive.venue.v1.V1Options;
import io.exflux.reactive.venue.v1.V1RestClient;
import io.exflux.reactive.venue.v1.model.V1Wallet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * One private REST call after another on loopback, calls/s: exflux's signed {@code GET /v1/wallets/} (BTC-Alpha:
 * rate limit, nonce order, HMAC signature headers, error table, decode into records) versus an unsigned bare
 * reactor-netty {@code HttpClient} GET of the same URL, body read as a string. The server answers both with the
 * same body; the rate limit is set far above the call rate so that it never waits.
 *
 * <p>Run: {@code java -Xms1g -Xmx1g -jar benchmarks/target/benchmarks.jar SignedRest}. On a loaded machine the
 * calls/s swing with the other processes; {@link #main} measures the process's CPU time per call instead (server
 * included, the same for both sides), alternating rounds of both sides:
 * {@code java -cp benchmarks/target/benchmarks.jar io.exflux.benchmarks.SignedRestBenchmark [rounds] [calls]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignedRestBenchmark {

    private static final String WALLETS = "[{\"currency\":\"BTC\",\"balance\":0.00000000,\"reserve\":0.00000000},"
            + "{\"currency\":\"USDT\",\"balance\":\"1520.50000000\",\"reserve\":\"20.00000000\"}]";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final byte[] WALLETS_BYTES = WALLETS.getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private LoopResources serverLoop;
    private DisposableServer server;
    private RestClient pipeline;
    private RestRequest pipelineRequest;
    private V1RestClient exflux;
    private HttpClient bare;
    private String url;

    @Setup(Level.Trial)
    public void start() {
        // the server on an event loop of its own, as a venue is elsewhere: the bare client's default loops would
        // otherwise be the server's too, and a request could be answered without leaving the thread it came from
        serverLoop = LoopResources.create("bench-server", 1, true);
        server = HttpServer.create().runOn(serverLoop).host("127.0.0.1").port(0)
                .route(routes -> routes.get("/v1/wallets/", (request, response) ->
                        response.header("content-type", "application/json").sendString(Mono.just(WALLETS))))
                .bindNow();
        String base = "http://127.0.0.1:" + server.port();
        url = base + "/v1/wallets/";
        RateLimit unbounded = RateLimit.perSecond(100_000_000);
        exflux = new V1RestClient(V1Options.builder(V1Dialect.BTC_ALPHA).restUrl(base)
                .credentials(Credentials.of("bench-key", "848db84ac252b6726e5f6e7a711d9c96d9fd77d020151b45839a5b59c37203b"))
                .rateLimit(V1Options.PUBLIC_SCOPE, unbounded).rateLimit(V1Options.PRIVATE_SCOPE, unbounded).build());
        bare = HttpClient.create();
        pipeline = stubbedPipeline();
        pipelineRequest = RestRequest.get("/v1/wallets/").rateLimit(V1Options.PRIVATE_SCOPE, 1)
                .header("Accept", "application/json").header("X-KEY", "bench-key").build();
        if (exfluxSignedCall().size() != 2 || !bareCall().equals(WALLETS)) {
            throw new IllegalStateException("the loopback server did not answer as expected");
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        exflux.disposeLater().block(TIMEOUT);
        pipeline.disposeLater().block(TIMEOUT);
        server.disposeNow();
        serverLoop.disposeLater().block(TIMEOUT);
    }

    @Benchmark
    public List<V1Wallet> exfluxSignedCall() {
        return exflux.wallets(null).collectList().block(TIMEOUT);
    }

    /**
     * The same steps as the signed call (validation, retry policy, rate limit, nonce order, HMAC signature, attempt
     * deadline, error table, the answer read as a tree) with the network left out: the transport answers at once
     * on the caller's thread. What the pipeline itself costs per call.
     */
    @Benchmark
    public com.fasterxml.jackson.databind.JsonNode pipelineWithoutNetwork() {
        return pipeline.retrieveTree(pipelineRequest).block(TIMEOUT);
    }

    private static RestClient stubbedPipeline() {
        HmacSigner mac = HmacSigner.sha256("848db84ac252b6726e5f6e7a711d9c96d9fd77d020151b45839a5b59c37203b");
        RestResponse answer = new RestResponse(200, Map.of("Content-Type", List.of("application/json")),
                WALLETS_BYTES);
        return RestClient.builder(RestOptions.builder().venue("bench").baseUrl("http://127.0.0.1:1")
                        .rateLimit(V1Options.PRIVATE_SCOPE, RateLimit.perSecond(100_000_000)).build())
                .transport(request -> Mono.just(answer))
                .nonceOrder(new NonceOrderStep(new NonceSource(java.time.Clock.systemUTC()),
                        (request, nonce) -> request.withHeader("X-NONCE", Long.toString(nonce)), request -> true))
                .signer(request -> Mono.fromSupplier(() -> request.withHeader("X-SIGN",
                        mac.signHex(request.header("X-KEY").getBytes(java.nio.charset.StandardCharsets.UTF_8)))))
                .build();
    }

    @Benchmark
    public String bareCall() {
        return bare.get().uri(url).responseContent().aggregate().asString().block(TIMEOUT);
    }

    /**
     * Per call of both sides, in alternating rounds: CPU time of the Java threads (the caller, event loops, timers,
     * the server; not the JIT compiler's or the GC's), wall time (which swings with the machine's load), bytes
     * allocated by all threads and voluntary context switches of all threads (thread hand-offs and timer wake-ups:
     * these two hardly depend on the load).
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        SignedRestBenchmark bench = new SignedRestBenchmark();
        bench.start();
        try {
            for (int round = 0; round <= rounds; round++) {
                Cost bare = Cost.of(calls, bench::bareCall);
                Cost signed = Cost.of(calls, bench::exfluxSignedCall);
                System.out.printf("%s load %.1f: bare %s; signed %s; ratio CPU %.2f, wall %.2f%n",
                        round == 0 ? "warm-up" : "round " + round, Cost.OS.getSystemLoadAverage(), bare, signed,
                        signed.cpuMicros / bare.cpuMicros, signed.wallMicros / bare.wallMicros);
            }
        } finally {
            bench.stop();
        }
    }

    /** What one call cost, averaged over a run of calls. */
    private record Cost(double cpuMicros, double wallMicros, double bytes, double switches) {

        static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean)
                java.lang.management.ManagementFactory.getThreadMXBean();

        static Cost of(int calls, Runnable call) {
            long cpu = threadsCpu();
            long bytes = allocated();
            long switches = voluntarySwitches();
            long wall = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                call.run();
            }
            wall = System.nanoTime() - wall;
            return new Cost((threadsCpu() - cpu) / 1e3 / calls, wall / 1e3 / calls,
                    (double) (allocated() - bytes) / calls, (double) (voluntarySwitches() - switches) / calls);
        }

        private static long threadsCpu() {
            return java.util.Arrays.stream(THREADS.getAllThreadIds()).map(THREADS::getThreadCpuTime)
                    .filter(nanos -> nanos > 0).sum();
        }

        private static long allocated() {
            return java.util.Arrays.stream(THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds()))
                    .filter(bytes -> bytes > 0).sum();
        }

        /** Linux only (0 elsewhere): the sum over the process's threads. */
        private static long voluntarySwitches() {
            long sum = 0;
            java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
            for (java.io.File task : tasks == null ? new java.io.File[0] : tasks) {
                try {
                    for (String line : java.nio.file.Files.readAllLines(task.toPath().resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            sum += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (java.io.IOException | RuntimeException threadEnded) {
                    // a thread that ended meanwhile
                }
            }
            return sum;
        }

        @Override
        public String toString() {
            return String.format("%.0f us CPU, %.0f us wall, %.0f B, %.2f switches", cpuMicros, wallMicros, bytes,
                    switches);
        }
    }
}
