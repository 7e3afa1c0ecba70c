package io.exflux.benchmarks;

import io.exflux.reactive.internal.auth.HmacSigner;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Signing throughput over a typical private request: BTSE's order placement message (path + nonce + JSON body,
 * 234 bytes) with HMAC-SHA384, and the same bytes with HMAC-SHA256 (ALP, BTC-Alpha).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignBenchmark {

    private final byte[] message = ("/api/v3.2/order1624985375123{\"postOnly\":false,\"price\":8500.0,\"side\":\"BUY\","
            + "\"size\":0.002,\"stopPrice\":0.0,\"symbol\":\"BTC-USD\",\"time_in_force\":\"GTC\",\"trailValue\":0.0,"
            + "\"triggerPrice\":0.0,\"txType\":\"LIMIT\",\"type\":\"LIMIT\"}").getBytes(StandardCharsets.UTF_8);
    private final HmacSigner sha256 = HmacSigner.sha256("848db84ac252b6726e5f6e7a711d9c96d9fd77d020151b45839a5b59c37203bx");
    private final HmacSigner sha384 = HmacSigner.sha384("848db84ac252b6726e5f6e7a711d9c96d9fd77d020151b45839a5b59c37203bx");

    /** HMAC-SHA256 to lowercase hex. */
    @Benchmark
    public String hmacSha256() {
        return sha256.signHex(message);
    }

    /** HMAC-SHA384 to lowercase hex. */
    @Benchmark
    public String hmacSha384() {
        return sha384.signHex(message);
    }
}
