package io.exflux.reactive.internal.book;

import static io.exflux.reactive.internal.book.Books.INFO;
import static io.exflux.reactive.internal.book.Books.PAIR;
import static io.exflux.reactive.internal.book.Books.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.OrderBookUpdate.Kind;
import io.exflux.api.model.OrderBookUpdate.Mode;
import io.exflux.api.model.PriceLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Applies one million generated updates (inserts, changes, deletes; absolute sizes and differences;
 * about half of them deletes) to the engine and to a {@code TreeMap<BigDecimal, BigDecimal>} per side,
 * and finds both books equal, at full depth, every 1,000 updates.
 */
class OrderBookEngineRandomizedTest {

    private static final long SEED = 0x5EED_B00CL;
    private static final int CHECK_EVERY = 1_000;
    private static final int RELOAD_EVERY = 100_000;

    private int targetLevels = 400;
    private int priceRangeTicks = 1_200;
    private int skew = 2;
    private double driftChance;
    private int maxDriftTicks;
    private long midTicks = 5_000_000; // 50,000.00 at priceScale 2

    private final Random random = new Random(SEED);
    private final NavigableMap<BigDecimal, BigDecimal> referenceBids = new TreeMap<>(Collections.reverseOrder());
    private final NavigableMap<BigDecimal, BigDecimal> referenceAsks = new TreeMap<>();
    private int deletes;
    private int levelUpdates;

    @Test
    void engineAgreesWithATreeMapModelAfterAMillionRandomUpdates() {
        run(1_000_000);
    }

    /**
     * Levels spread over 100,000 ticks (far beyond the ladder window) and a mid price that jumps by up
     * to 2,000 ticks now and then (the levels it would cross are deleted in the same message): exercises
     * moving the window, levels below it, and re-centring an emptied window.
     */
    @Test
    void engineAgreesWithATreeMapModelWhenLevelsAreFarApartAndThePriceMoves() {
        targetLevels = 300;
        priceRangeTicks = 100_000;
        skew = 4;
        driftChance = 0.01;
        maxDriftTicks = 2_000;
        run(200_000);
    }

    private void run(int updates) {
        System.out.println("OrderBookEngineRandomizedTest seed = " + SEED + ", updates = " + updates);
        OrderBookEngine engine = new OrderBookEngine(INFO);
        assertThat(engine.applySnapshot(new OrderBook(PAIR, List.of(), List.of(), T0, 0)))
                .isSameAs(ApplyResult.APPLIED);

        for (int sequence = 1; sequence <= updates; sequence++) {
            OrderBookUpdate update = nextUpdate(sequence);
            ApplyResult result = engine.apply(update);
            if (result != ApplyResult.APPLIED) {
                throw new AssertionError("update " + sequence + " not applied: " + result);
            }
            if (sequence % CHECK_EVERY == 0) {
                OrderBook book = engine.view();
                assertThat(Books.text(book.bids())).as("bids after update %d", sequence)
                        .isEqualTo(text(referenceBids));
                assertThat(Books.text(book.asks())).as("asks after update %d", sequence)
                        .isEqualTo(text(referenceAsks));
                assertThat(book.sequence()).isEqualTo(sequence);
                if (sequence % RELOAD_EVERY == 0) {
                    reload(engine, book, sequence / RELOAD_EVERY);
                }
            }
        }
        // the stream is what it claims to be: about half deletes, and a book of some depth
        assertThat((double) deletes / levelUpdates).isBetween(0.45, 0.55);
        assertThat(engine.bidLevels()).isGreaterThan(targetLevels / 2);
        assertThat(engine.askLevels()).isGreaterThan(targetLevels / 2);
    }

    /**
     * Feeds the engine its own book back as a snapshot, in the three orders venues use: best first (REST),
     * worst first (as BTSE sends asks), shuffled. The book must not change.
     */
    private void reload(OrderBookEngine engine, OrderBook book, long round) {
        ApplyResult result;
        if (round % 3 == 0) {
            result = engine.applySnapshot(book);
        } else {
            List<PriceLevel> bids = new ArrayList<>(book.bids());
            List<PriceLevel> asks = new ArrayList<>(book.asks());
            if (round % 3 == 1) {
                Collections.reverse(bids);
                Collections.reverse(asks);
            } else {
                Collections.shuffle(bids, random);
                Collections.shuffle(asks, random);
            }
            result = engine.apply(new OrderBookUpdate(PAIR, Kind.SNAPSHOT, Mode.ABSOLUTE, bids, asks,
                    book.sequence(), book.sequence() - 1, T0));
        }
        assertThat(result).isSameAs(ApplyResult.APPLIED);
        assertThat(engine.view()).isEqualTo(book);
    }

    private OrderBookUpdate nextUpdate(long sequence) {
        Mode mode = random.nextBoolean() ? Mode.ABSOLUTE : Mode.DIFFERENCE;
        List<PriceLevel> bids = new ArrayList<>();
        List<PriceLevel> asks = new ArrayList<>();
        if (random.nextDouble() < driftChance) {
            drift(mode, bids, asks);
        }
        int levels = 1 + random.nextInt(3);
        for (int i = 0; i < levels; i++) {
            boolean bid = random.nextBoolean();
            PriceLevel level = nextLevel(bid ? referenceBids : referenceAsks, bid, mode);
            (bid ? bids : asks).add(level);
        }
        return new OrderBookUpdate(PAIR, Kind.DELTA, mode, bids, asks, sequence, sequence - 1, T0);
    }

    /** Moves the mid price and deletes, in the same message, the levels the move would cross. */
    private void drift(Mode mode, List<PriceLevel> bids, List<PriceLevel> asks) {
        midTicks += random.nextInt(2 * maxDriftTicks + 1) - maxDriftTicks;
        BigDecimal lowestAsk = BigDecimal.valueOf(midTicks + 1, 2);
        BigDecimal highestBid = BigDecimal.valueOf(midTicks - 1, 2);
        deleteBeyond(referenceAsks.headMap(lowestAsk, false), mode, asks);
        deleteBeyond(referenceBids.headMap(highestBid, false), mode, bids);
    }

    private void deleteBeyond(Map<BigDecimal, BigDecimal> crossing, Mode mode, List<PriceLevel> levels) {
        crossing.forEach((price, amount) -> levels.add(
                new PriceLevel(price, mode == Mode.ABSOLUTE ? BigDecimal.ZERO : amount.negate())));
        crossing.clear();
    }

    /** One level change, applied to the reference model as it is generated. */
    private PriceLevel nextLevel(NavigableMap<BigDecimal, BigDecimal> side, boolean bid, Mode mode) {
        levelUpdates++;
        double dice = random.nextDouble();
        if (dice < 0.5) {
            deletes++;
            BigDecimal price = dice < 0.4 && !side.isEmpty() ? existingPrice(side, bid) : absentPrice(side, bid);
            BigDecimal old = side.remove(price);
            if (mode == Mode.ABSOLUTE) {
                return new PriceLevel(spell(price), BigDecimal.ZERO);
            }
            BigDecimal overshoot = random.nextBoolean() ? BigDecimal.ZERO : amount();
            BigDecimal base = old == null ? BigDecimal.ZERO : old;
            return new PriceLevel(spell(price), base.add(overshoot).negate());
        }
        boolean insert = side.size() < targetLevels || side.isEmpty();
        BigDecimal price = insert ? absentPrice(side, bid) : existingPrice(side, bid);
        BigDecimal old = side.getOrDefault(price, BigDecimal.ZERO);
        BigDecimal amount = amount();
        if (amount.compareTo(old) == 0) {
            amount = amount.add(BigDecimal.ONE);
        }
        side.put(price, amount);
        return new PriceLevel(spell(price), mode == Mode.ABSOLUTE ? spell(amount) : amount.subtract(old));
    }

    /** A level already in the book, more often near the top. */
    private BigDecimal existingPrice(NavigableMap<BigDecimal, BigDecimal> side, boolean bid) {
        BigDecimal probe = price(bid, nearTop());
        BigDecimal found = side.ceilingKey(probe); // in the side's own order: at or below the probe's rank
        return found != null ? found : side.lastKey();
    }

    private BigDecimal absentPrice(NavigableMap<BigDecimal, BigDecimal> side, boolean bid) {
        BigDecimal price;
        do {
            price = price(bid, nearTop());
        } while (side.containsKey(price));
        return price;
    }

    /** Ticks away from the mid, skewed towards the best prices. */
    private int nearTop() {
        return (int) (Math.pow(random.nextDouble(), skew) * priceRangeTicks);
    }

    private BigDecimal price(boolean bid, int ticksFromMid) {
        long ticks = bid ? midTicks - 1 - ticksFromMid : midTicks + 1 + ticksFromMid;
        return BigDecimal.valueOf(ticks, 2);
    }

    private BigDecimal amount() {
        return BigDecimal.valueOf(1 + random.nextInt(10_000_000), 5);
    }

    /** The same value as venues spell it: sometimes without trailing zeros, sometimes with extra ones. */
    private BigDecimal spell(BigDecimal value) {
        int form = random.nextInt(3);
        if (form == 0) {
            return value.stripTrailingZeros();
        }
        return form == 1 ? value : value.setScale(value.scale() + 3);
    }

    private static List<String> text(Map<BigDecimal, BigDecimal> side) {
        List<String> text = new ArrayList<>(side.size());
        side.forEach((price, amount) -> text.add(price.stripTrailingZeros().toPlainString() + "@"
                + amount.stripTrailingZeros().toPlainString()));
        return text;
    }
}
