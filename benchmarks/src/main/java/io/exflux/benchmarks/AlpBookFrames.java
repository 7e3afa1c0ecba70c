package io.exflux.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SyntheticBookStream} as ALP wire frames: each update a {@code ["d", time, "BTC_USD", [asks, bids]]} frame
 * with one level whose amount is the quantity difference (ALP's meaning), numbers as strings as ALP sends them.
 * The same frames feed exflux and XChange in {@code BookFrameBenchmark} and ccxt in {@code node/ccxt-book.mjs}
 * ({@link #main} writes them to a file).
 */
public final class AlpBookFrames {

    /** The symbol in every frame. */
    public static final String SYMBOL = "BTC_USD";
    /** The time in every frame, unix seconds. */
    public static final long TIME = 1_795_000_000L;

    /** The stream the frames were made from (its starting book and its absolute amounts). */
    public final SyntheticBookStream stream;
    /** One text frame per update. */
    public final String[] frames;

    public AlpBookFrames(int levels, int updates, long seed) {
        stream = new SyntheticBookStream(levels, updates, seed);
        frames = new String[updates];
        Map<BigDecimal, BigDecimal> bids = sizes(stream.initialBids);
        Map<BigDecimal, BigDecimal> asks = sizes(stream.initialAsks);
        for (int i = 0; i < updates; i++) {
            Map<BigDecimal, BigDecimal> side = stream.isBid[i] ? bids : asks;
            BigDecimal price = stream.prices[i];
            BigDecimal before = side.getOrDefault(price, BigDecimal.ZERO);
            BigDecimal after = stream.amounts[i];
            if (after.signum() == 0) {
                side.remove(price);
            } else {
                side.put(price, after);
            }
            String level = "[[\"" + price.toPlainString() + "\",\"" + after.subtract(before).toPlainString() + "\"]]";
            frames[i] = "[\"d\"," + TIME + ",\"" + SYMBOL + "\",[" + (stream.isBid[i] ? "[]," + level : level + ",[]")
                    + "]]";
        }
    }

    private static Map<BigDecimal, BigDecimal> sizes(List<BigDecimal[]> levels) {
        Map<BigDecimal, BigDecimal> sizes = new HashMap<>();
        for (BigDecimal[] level : levels) {
            sizes.put(level[0], level[1]);
        }
        return sizes;
    }

    /**
     * Writes {@code book-<levels>.json} (the starting book) and {@code frames-<levels>.txt} (one frame a line) for
     * 500 and 5,000 levels into the directory given, for the Node harness.
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "benchmarks/target/frames");
        Files.createDirectories(dir);
        for (int levels : new int[] {500, 5000}) {
            AlpBookFrames book = new AlpBookFrames(levels, BookFrameBenchmark.FRAMES, BookFrameBenchmark.SEED);
            try (Writer out = Files.newBufferedWriter(dir.resolve("book-" + levels + ".json"), StandardCharsets.UTF_8)) {
                out.write("{\"bids\":" + json(book.stream.initialBids) + ",\"asks\":" + json(book.stream.initialAsks)
                        + "}");
            }
            Files.write(dir.resolve("frames-" + levels + ".txt"), List.of(book.frames), StandardCharsets.UTF_8);
        }
        System.out.println("frames written to " + dir.toAbsolutePath());
    }

    private static String json(List<BigDecimal[]> levels) {
        StringBuilder out = new StringBuilder("[");
        for (BigDecimal[] level : levels) {
            out.append(out.length() == 1 ? "" : ",").append("[\"").append(level[0].toPlainString()).append("\",\"")
                    .append(level[1].toPlainString()).append("\"]");
        }
        return out.append(']').toString();
    }
}
