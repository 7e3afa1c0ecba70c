package io.exflux.benchmarks;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectReader;
import io.exflux.reactive.internal.codec.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding one venue message into a record with {@link Json#mapper()} (BigDecimal for every fraction): a BTSE
 * order-book delta (protocols/btse-spot.md §4.7) and an ALP trade frame (protocols/alp-v3.md, {@code t}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeBenchmark {

    /** A BTSE OSS book message. */
    public record BtseBookMessage(String topic, Data data) {
        /** Its payload; levels are {@code [price, size]}. */
        public record Data(List<List<BigDecimal>> bids, List<List<BigDecimal>> asks, long seqNum, long prevSeqNum,
                           String type, long timestamp, String symbol) {
        }
    }

    /** An ALP trade frame {@code ["t", ts, id, pair, amount, price, direction]}. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"kind", "timestamp", "id", "pair", "amount", "price", "direction"})
    public record AlpTrade(String kind, long timestamp, long id, String pair, BigDecimal amount, BigDecimal price,
                           String direction) {
    }

    private final byte[] btseDelta = ("{\"topic\":\"update:BTC-USD\",\"data\":{\"bids\":[[\"59250.0\",\"0.12000\"]],"
            + "\"asks\":[[\"59367.5\",\"2.15622\"],[\"59325.5\",\"0\"]],\"seqNum\":628283,\"prevSeqNum\":628282,"
            + "\"type\":\"delta\",\"timestamp\":1565135165600,\"symbol\":\"BTC-USD\"}}")
            .getBytes(StandardCharsets.UTF_8);
    private final byte[] alpTrade = "[\"t\",1694003848,293107798,\"BTC_USDT\",\"0.20285052\",\"25705.02000000\",\"buy\"]"
            .getBytes(StandardCharsets.UTF_8);
    private final ObjectReader btseReader = Json.mapper().readerFor(BtseBookMessage.class);
    private final ObjectReader alpReader = Json.mapper().readerFor(AlpTrade.class);

    /** A BTSE order-book delta into its record. */
    @Benchmark
    public BtseBookMessage btseBookDelta() throws IOException {
        return btseReader.readValue(btseDelta);
    }

    /** An ALP trade frame into its record. */
    @Benchmark
    public AlpTrade alpTradeFrame() throws IOException {
        return alpReader.readValue(alpTrade);
    }
}
