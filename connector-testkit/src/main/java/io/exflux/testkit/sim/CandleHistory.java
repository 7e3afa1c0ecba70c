package io.exflux.testkit.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Made-up but deterministic past of one market: one-minute candles over a span that ends where the
 * simulator starts, at the price the market generator starts from, so a chart over the last weeks is a
 * full, continuous series. The same seed, market, end and span give the same candles every time.
 *
 * <p>Prices are whole ticks of the market's price precision and sizes whole steps of its amount
 * precision, kept in {@code long} arrays (about 50 bytes a minute: 90 days of one market is about 7 MB).
 * Built once, then read-only and thread-safe.
 */
public final class CandleHistory {

    private static final long MINUTE = 60;
    /** Relative standard deviation of one minute's close-to-close move. */
    private static final double MINUTE_VOLATILITY = 0.0008;

    private final MarketSpec spec;
    private final long start;
    private final long[] open;
    private final long[] close;
    private final long[] high;
    private final long[] low;
    private final long[] volume;
    private final long[] takerBuy;
    private final int[] count;

    private CandleHistory(MarketSpec spec, long start, int minutes) {
        this.spec = spec;
        this.start = start;
        this.open = new long[minutes];
        this.close = new long[minutes];
        this.high = new long[minutes];
        this.low = new long[minutes];
        this.volume = new long[minutes];
        this.takerBuy = new long[minutes];
        this.count = new int[minutes];
    }

    /**
     * The {@code span} of one-minute candles before {@code end} (truncated to the minute) of a market whose
     * last close is {@code endPrice}, from a random walk seeded with {@code seed} and the pair.
     */
    public static CandleHistory generate(MarketSpec spec, BigDecimal endPrice, Instant end, Duration span, long seed) {
        long endSecond = end.getEpochSecond() - Math.floorMod(end.getEpochSecond(), MINUTE);
        int minutes = (int) Math.min(Integer.MAX_VALUE, span.toSeconds() / MINUTE);
        CandleHistory h = new CandleHistory(spec, endSecond - minutes * MINUTE, minutes);
        SplittableRandom random = new SplittableRandom(seed * 31 + spec.pair().symbol("_").hashCode());
        long lastClose = Math.max(1, endPrice.movePointRight(spec.pricePrecision()).longValue());
        long typicalSize = Math.max(1, BigDecimal.ONE.movePointRight(spec.amountPrecision()).longValue() / 10);
        for (int i = minutes - 1; i >= 0; i--) {
            long c = lastClose;
            long o = Math.max(1, Math.round(c * Math.exp(-MINUTE_VOLATILITY * random.nextGaussian())));
            long spread = Math.max(1, Math.round(c * MINUTE_VOLATILITY / 2));
            h.close[i] = c;
            h.open[i] = o;
            h.high[i] = Math.max(o, c) + (long) (spread * Math.abs(random.nextGaussian()));
            h.low[i] = Math.max(1, Math.min(o, c) - (long) (spread * Math.abs(random.nextGaussian())));
            h.volume[i] = 1 + (long) (typicalSize * (0.2 + random.nextDouble() * 3));
            h.takerBuy[i] = (long) (h.volume[i] * random.nextDouble());
            h.count[i] = 1 + random.nextInt(40);
            lastClose = o;
        }
        return h;
    }

    /** The first second covered. */
    public Instant start() {
        return Instant.ofEpochSecond(start);
    }

    /** The first second no longer covered (where the live market takes over). */
    public Instant end() {
        return Instant.ofEpochSecond(start + open.length * MINUTE);
    }

    /**
     * Candles of {@code seconds} width (a multiple of 60) whose start lies in {@code [since, until]} (unix
     * seconds, 0 = open), oldest first, the newest {@code limit} of them; a candle at the end of the span
     * covers only the minutes before {@link #end()}.
     */
    public List<MarketStats.Candle> candles(long seconds, long since, long until, int limit) {
        long end = start + open.length * MINUTE;
        long first = align(start, seconds);
        if (since > 0) {
            first = Math.max(first, align(since + seconds - 1, seconds));
        }
        long last = align(end - 1, seconds);
        if (until > 0) {
            last = Math.min(last, align(until, seconds));
        }
        List<MarketStats.Candle> out = new ArrayList<>();
        if (open.length == 0 || last < first || limit <= 0) {
            return out;
        }
        first = Math.max(first, last - (long) (limit - 1) * seconds);
        for (long bucket = first; bucket <= last; bucket += seconds) {
            MarketStats.Candle candle = candle(bucket, seconds);
            if (candle != null) {
                out.add(candle);
            }
        }
        return out;
    }

    private MarketStats.Candle candle(long bucket, long seconds) {
        int from = (int) Math.max(0, (bucket - start) / MINUTE);
        int to = (int) Math.min(open.length, (bucket + seconds - start) / MINUTE);
        if (from >= to) {
            return null;
        }
        long hi = high[from];
        long lo = low[from];
        long vol = 0;
        long buy = 0;
        int trades = 0;
        BigDecimal quote = BigDecimal.ZERO;
        BigDecimal buyQuote = BigDecimal.ZERO;
        for (int i = from; i < to; i++) {
            hi = Math.max(hi, high[i]);
            lo = Math.min(lo, low[i]);
            vol += volume[i];
            buy += takerBuy[i];
            trades += count[i];
            BigDecimal mid = price(open[i] + close[i]).divide(BigDecimal.valueOf(2));
            quote = quote.add(size(volume[i]).multiply(mid));
            buyQuote = buyQuote.add(size(takerBuy[i]).multiply(mid));
        }
        int scale = spec.pricePrecision() + spec.amountPrecision();
        return new MarketStats.Candle(bucket, price(open[from]), price(close[to - 1]), price(lo), price(hi),
                size(vol), quote.setScale(scale, java.math.RoundingMode.HALF_EVEN), trades, size(buy),
                buyQuote.setScale(scale, java.math.RoundingMode.HALF_EVEN));
    }

    private static long align(long second, long width) {
        return second - Math.floorMod(second, width);
    }

    private BigDecimal price(long ticks) {
        return BigDecimal.valueOf(ticks, spec.pricePrecision());
    }

    private BigDecimal size(long steps) {
        return BigDecimal.valueOf(steps, spec.amountPrecision());
    }
}
