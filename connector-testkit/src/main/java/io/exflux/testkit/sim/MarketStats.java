package io.exflux.testkit.sim;

import io.exflux.api.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Rolling 24-hour figures and candles computed from a pair's trade log (oldest first). */
public final class MarketStats {

    /** 24-hour figures of one pair; prices null before the first trade. */
    public record Day(BigDecimal last, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal volume,
               BigDecimal quoteVolume) {
    }

    /** One candle. */
    public record Candle(long time, BigDecimal open, BigDecimal close, BigDecimal low, BigDecimal high, BigDecimal volume,
                  BigDecimal quoteVolume, int tradesCount, BigDecimal takerBuyBase, BigDecimal takerBuyQuote) {
    }

    private MarketStats() {
    }

    /** The figures of the 24 hours before {@code now}. */
    public static Day day(List<SimTrade> trades, Instant now) {
        Instant from = now.minus(Duration.ofHours(24));
        BigDecimal open = null;
        BigDecimal high = null;
        BigDecimal low = null;
        BigDecimal volume = BigDecimal.ZERO;
        BigDecimal quote = BigDecimal.ZERO;
        for (SimTrade t : trades) {
            if (t.time().isBefore(from)) {
                continue;
            }
            if (open == null) {
                open = t.price();
                high = t.price();
                low = t.price();
            }
            high = high.max(t.price());
            low = low.min(t.price());
            volume = volume.add(t.amount());
            quote = quote.add(t.value());
        }
        BigDecimal last = trades.isEmpty() ? null : trades.get(trades.size() - 1).price();
        return new Day(last, open, high, low, volume, quote);
    }

    /** Candles of {@code seconds} width between since and until (inclusive, unix s, 0 = open), the last {@code limit}. */
    public static List<Candle> candles(List<SimTrade> trades, long seconds, long since, long until, int limit) {
        TreeMap<Long, List<SimTrade>> buckets = new TreeMap<>();
        for (SimTrade t : trades) {
            long epoch = t.time().getEpochSecond();
            long start = epoch - Math.floorMod(epoch, seconds);
            if ((since > 0 && start < since) || (until > 0 && start > until)) {
                continue;
            }
            buckets.computeIfAbsent(start, k -> new ArrayList<>()).add(t);
        }
        List<Candle> out = new ArrayList<>();
        buckets.forEach((start, list) -> {
            BigDecimal high = list.get(0).price();
            BigDecimal low = high;
            BigDecimal volume = BigDecimal.ZERO;
            BigDecimal quote = BigDecimal.ZERO;
            BigDecimal buyBase = BigDecimal.ZERO;
            BigDecimal buyQuote = BigDecimal.ZERO;
            for (SimTrade t : list) {
                high = high.max(t.price());
                low = low.min(t.price());
                volume = volume.add(t.amount());
                quote = quote.add(t.value());
                if (t.takerSide() == Side.BUY) {
                    buyBase = buyBase.add(t.amount());
                    buyQuote = buyQuote.add(t.value());
                }
            }
            out.add(new Candle(start, list.get(0).price(), list.get(list.size() - 1).price(), low, high, volume, quote,
                    list.size(), buyBase, buyQuote));
        });
        return out.size() <= limit ? out : out.subList(out.size() - limit, out.size());
    }

    /**
     * Two candle series of one pair and width, oldest first, as one: {@code earlier} (e.g. a
     * {@link CandleHistory}) before {@code later} (candles of live trades); a bucket in both is one candle.
     * The newest {@code limit} of them.
     */
    public static List<Candle> merge(List<Candle> earlier, List<Candle> later, int limit) {
        TreeMap<Long, Candle> byTime = new TreeMap<>();
        earlier.forEach(c -> byTime.put(c.time(), c));
        later.forEach(c -> byTime.merge(c.time(), c, (a, b) -> new Candle(a.time(), a.open(), b.close(),
                a.low().min(b.low()), a.high().max(b.high()), a.volume().add(b.volume()),
                a.quoteVolume().add(b.quoteVolume()), a.tradesCount() + b.tradesCount(),
                a.takerBuyBase().add(b.takerBuyBase()), a.takerBuyQuote().add(b.takerBuyQuote()))));
        List<Candle> out = new ArrayList<>(byTime.values());
        return out.size() <= limit ? out : out.subList(out.size() - limit, out.size());
    }
}
