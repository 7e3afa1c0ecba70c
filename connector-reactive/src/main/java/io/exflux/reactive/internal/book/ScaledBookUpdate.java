package io.exflux.reactive.internal.book;

import io.exflux.api.model.OrderBookUpdate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One book message with prices and amounts already scaled to {@code long} (see {@link ScaledDecimals}):
 * the allocation-free way into {@link OrderBookEngine#apply(ScaledBookUpdate)}. A venue decoder keeps one
 * instance per book, {@link #reset resets} it for each frame and adds the levels it reads (for example
 * with {@link ScaledDecimals#parse}); the engine copies it only when it has to buffer it.
 *
 * <p>Mutable and not thread-safe, unlike the API records: it is a hot-path carrier, never handed to users.
 */
public final class ScaledBookUpdate {

    private static final long[] NO_LEVELS = new long[0];

    private OrderBookUpdate.Kind kind = OrderBookUpdate.Kind.DELTA;
    private OrderBookUpdate.Mode mode = OrderBookUpdate.Mode.ABSOLUTE;
    private long sequence = -1;
    private long previousSequence = -1;
    private Instant timestamp = Instant.EPOCH;
    /** Bid levels as pairs: price at {@code 2 * i}, amount at {@code 2 * i + 1} (one array: one cache line less). */
    private long[] bidLevels = NO_LEVELS;
    private int bidCount;
    /** Ask levels as pairs, like {@link #bidLevels}. */
    private long[] askLevels = NO_LEVELS;
    private int askCount;

    /** An empty delta with room for 16 levels a side; it grows as needed. */
    public ScaledBookUpdate() {
        this(16);
    }

    /** An empty delta with room for {@code levels} levels a side; it grows as needed. */
    public ScaledBookUpdate(int levels) {
        if (levels > 1) {
            bidLevels = new long[2 * levels];
            askLevels = new long[2 * levels];
        } // room for one level is made when it comes: many messages touch one side only
    }

    /**
     * Starts a new message, forgetting the levels of the last one.
     *
     * @param sequence         the venue's sequence number, or {@code -1}
     * @param previousSequence the sequence number this message follows, or {@code -1}
     */
    public ScaledBookUpdate reset(OrderBookUpdate.Kind newKind, OrderBookUpdate.Mode newMode, long sequence,
                                  long previousSequence, Instant timestamp) {
        Objects.requireNonNull(newKind, "kind");
        Objects.requireNonNull(newMode, "mode");
        if (newKind == OrderBookUpdate.Kind.SNAPSHOT && newMode == OrderBookUpdate.Mode.DIFFERENCE) {
            throw new IllegalArgumentException("a snapshot carries absolute sizes");
        }
        Objects.requireNonNull(timestamp, "timestamp");
        // a reused holder mostly sees the same kind, mode and instant again: skipping those reference
        // stores skips their GC write barriers, which cost more than the rest of this method
        if (kind != newKind) {
            kind = newKind;
        }
        if (mode != newMode) {
            mode = newMode;
        }
        if (this.timestamp != timestamp) {
            this.timestamp = timestamp;
        }
        this.sequence = sequence;
        this.previousSequence = previousSequence;
        bidCount = 0;
        askCount = 0;
        return this;
    }

    /** Adds a bid level: scaled price, and scaled size (absolute) or size difference. */
    public ScaledBookUpdate addBid(long price, long amount) {
        if (2 * bidCount == bidLevels.length) {
            bidLevels = grown(bidLevels);
        }
        bidLevels[2 * bidCount] = price;
        bidLevels[2 * bidCount + 1] = amount;
        bidCount++;
        return this;
    }

    /** Adds an ask level: scaled price, and scaled size (absolute) or size difference. */
    public ScaledBookUpdate addAsk(long price, long amount) {
        if (2 * askCount == askLevels.length) {
            askLevels = grown(askLevels);
        }
        askLevels[2 * askCount] = price;
        askLevels[2 * askCount + 1] = amount;
        askCount++;
        return this;
    }

    /**
     * Makes one level the message's only level, on the side {@code bid} says: the same as
     * {@code addBid} or {@code addAsk} after a {@link #reset}, without a branch on the side.
     */
    void setOnlyLevel(boolean bid, long price, long amount) {
        if (bidLevels.length == 0) {
            bidLevels = grown(bidLevels);
        }
        if (askLevels.length == 0) {
            askLevels = grown(askLevels);
        }
        long[] levels = bid ? bidLevels : askLevels;
        levels[0] = price;
        levels[1] = amount;
        bidCount = bid ? 1 : 0;
        askCount = 1 - bidCount;
    }

    private long[] grown(long[] levels) {
        return Arrays.copyOf(levels, Math.max(2, levels.length * 2));
    }

    public OrderBookUpdate.Kind kind() {
        return kind;
    }

    public OrderBookUpdate.Mode mode() {
        return mode;
    }

    public long sequence() {
        return sequence;
    }

    public long previousSequence() {
        return previousSequence;
    }

    public Instant timestamp() {
        return timestamp;
    }

    public int bidCount() {
        return bidCount;
    }

    public int askCount() {
        return askCount;
    }

    /** The scaled price of bid {@code index} (0 to {@link #bidCount()} - 1), as added. */
    public long bidPrice(int index) {
        return bidLevels[2 * Objects.checkIndex(index, bidCount)];
    }

    /** The scaled size or size difference of bid {@code index}, as added. */
    public long bidAmount(int index) {
        return bidLevels[2 * Objects.checkIndex(index, bidCount) + 1];
    }

    /** The scaled price of ask {@code index} (0 to {@link #askCount()} - 1), as added. */
    public long askPrice(int index) {
        return askLevels[2 * Objects.checkIndex(index, askCount)];
    }

    /** The scaled size or size difference of ask {@code index}, as added. */
    public long askAmount(int index) {
        return askLevels[2 * Objects.checkIndex(index, askCount) + 1];
    }

    long[] bidLevels() {
        return bidLevels;
    }

    long[] askLevels() {
        return askLevels;
    }

    /** An independent copy, sized to its levels. */
    public ScaledBookUpdate copy() {
        ScaledBookUpdate copy = new ScaledBookUpdate(Math.max(bidCount, askCount));
        copy.reset(kind, mode, sequence, previousSequence, timestamp);
        copy.bidLevels = bidCount == 0 ? NO_LEVELS : Arrays.copyOf(bidLevels, 2 * bidCount);
        copy.askLevels = askCount == 0 ? NO_LEVELS : Arrays.copyOf(askLevels, 2 * askCount);
        copy.bidCount = bidCount;
        copy.askCount = askCount;
        return copy;
    }
}
