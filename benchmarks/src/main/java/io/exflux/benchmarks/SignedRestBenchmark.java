package io.exflux.benchmarks;

import io.exflux.api.config.Credentials;
import io.exflux.reactive.config.RateLimit;
import io.exflux.reactive.venue.v1.V1Dialect;
import io.exflux.reactive.venue.v1.V1Options;
import io.exflux.reactive.venue.v1.V1RestClient;
import io.exflux.reactive.venue.v1.model.V1Wallet;
import java.time.Duration;
import java.util.List;
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

/**
 * One private REST call after another on loopback, calls/s: exflux's signed {@code GET /v1/wallets/} (BTC-Alpha:
 * rate limit, nonce order, HMAC signature headers, error table, decode into records) versus an unsigned bare
 * reactor-netty {@code HttpClient} GET of the same URL, body read as a string. The server answers both with the
 * same body; the rate limit is set far above the call rate so that it never waits.
 *
 * <p>Run: {@code java -Xms1g -Xmx1g -jar benchmarks/target/benchmarks.jar SignedRest}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignedRestBenchmark {

    private static final String WALLETS = "[{\"currency\":\"BTC\",\"balance\":0.00000000,\"reserve\":0.00000000},"
            + "{\"currency\":\"USDT\",\"balance\":\"1520.50000000\",\"reserve\":\"20.00000000\"}]";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private DisposableServer server;
    private V1RestClient exflux;
    private HttpClient bare;
    private String url;

    @Setup(Level.Trial)
    public void start() {
        server = HttpServer.create().host("127.0.0.1").port(0)
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
        if (exfluxSignedCall().size() != 2 || !bareCall().equals(WALLETS)) {
            throw new IllegalStateException("the loopback server did not answer as expected");
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        exflux.disposeLater().block(TIMEOUT);
        server.disposeNow();
    }

    @Benchmark
    public List<V1Wallet> exfluxSignedCall() {
        return exflux.wallets(null).collectList().block(TIMEOUT);
    }

    @Benchmark
    public String bareCall() {
        return bare.get().uri(url).responseContent().aggregate().asString().block(TIMEOUT);
    }
}
