package io.exflux.reactive.internal.book;

import io.exflux.api.error.ProtocolException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.PriceLevel;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One market's book, built from a snapshot plus updates, kept on {@code long} prices and amounts
 * scaled by the pair's precision.
 *
 * <p>Updates carry absolute sizes (zero deletes the level) or size differences (added; a result of
 * zero or less removes the level), with or without sequence numbers. With them, a gap
 * ({@code previousSequence} other than the last sequence, or a sequence that does not increase), a
 * crossed book after an update, or a value that cannot be represented exactly all drop the book and
 * return {@link ApplyResult.Status#NEEDS_SNAPSHOT}: the owner fetches a snapshot and hands it to
 * {@link #applySnapshot(OrderBook)} (or the venue sends one in-stream as a
 * {@link OrderBookUpdate.Kind#SNAPSHOT} update). Deltas that arrive meanwhile are buffered and replayed
 * after the snapshot; those the snapshot already contains (sequence at or below its own) are dropped.
 * A snapshot without a sequence number cannot tell which buffered deltas it contains, so all of them are
 * replayed.
 *
 * <p>Each side is a price-indexed ladder of {@code long}s around the top of the book over sorted
 * chunks for far levels, so the update path neither searches, boxes nor allocates. Views
 * ({@link #view(int)}) are built only when asked for and cached until the next change.
 *
 * <p>Not thread-safe: one owner feeds it serially (as {@link OrderBookStream} does). It does no I/O.
 */
public final class OrderBookEngine {

    /** How many deltas are buffered while waiting for a snapshot, unless told otherwise. */
    public static final int DEFAULT_MAX_BUFFERED = 10_000;

    /**
     * The decimals kept for a price or amount whose precision the venue does not state: 8 covers the
     * usual crypto quotes and keeps values up to about 92 billion within a scaled {@code long}.
     */
    public static final int UNSTATED_SCALE = 8;

    /** Where the engine stands. */
    public enum State {
        /** No consistent book: deltas are buffered until a snapshot arrives. */
        AWAITING_SNAPSHOT,
        /** A consistent book; deltas are applied. */
        LIVE
    }

    private final CurrencyPair pair;
    private final int priceScale;
    private final int amountScale;
    private final int maxBuffered;
    private final LadderSide bids = new LadderSide(true);
    private final LadderSide asks = new LadderSide(false);
    private final ArrayDeque<ScaledBookUpdate> buffered = new ArrayDeque<>();
    private final ScaledBookUpdate scratch = new ScaledBookUpdate();

    private State state = State.AWAITING_SNAPSHOT;
    private long lastSequence = -1;
    private Instant timestamp = Instant.EPOCH;
    private long version;
    private boolean lastFrameWasSnapshot;

    private long[] viewPrices = new long[64];
    private long[] viewAmounts = new long[64];

    private OrderBook cachedView;
    private long cachedVersion = -1;
    private int cachedDepth = -1;

    /** An engine for {@code info}'s market that buffers up to {@link #DEFAULT_MAX_BUFFERED} deltas. */
    public OrderBookEngine(PairInfo info) {
        this(info, DEFAULT_MAX_BUFFERED);
    }

    /**
     * @param info        the market, whose {@code priceScale} and {@code amountScale} fix the precision
     *                    ({@link #UNSTATED_SCALE} where the venue states none)
     * @param maxBuffered the most deltas kept while waiting for a snapshot; one more asks for a new snapshot
     */
    public OrderBookEngine(PairInfo info, int maxBuffered) {
        Objects.requireNonNull(info, "info");
        if (maxBuffered < 0) {
            throw new IllegalArgumentException("maxBuffered must not be negative: " + maxBuffered);
        }
        this.pair = info.pair();
        this.priceScale = info.priceScale() != null ? info.priceScale() : UNSTATED_SCALE;
        this.amountScale = info.amountScale() != null ? info.amountScale() : UNSTATED_SCALE;
        this.maxBuffered = maxBuffered;
    }

    /** Where the engine stands. */
    public State state() {
        return state;
    }

    /** The sequence number of the last update applied, or {@code -1} when none was known. */
    public long sequence() {
        return lastSequence;
    }

    /** How many deltas wait for a snapshot. */
    public int bufferedCount() {
        return buffered.size();
    }

    /** How many bid levels the book holds. */
    public int bidLevels() {
        return bids.size();
    }

    /** How many ask levels the book holds. */
    public int askLevels() {
        return asks.size();
    }

    /**
     * Applies a venue message: a {@link OrderBookUpdate.Kind#SNAPSHOT} replaces the book (then replays
     * buffered deltas); a delta is applied, or buffered while a snapshot is awaited. Every value is
     * scaled before anything is applied, so an unreadable value leaves nothing half-applied.
     */
    public ApplyResult apply(OrderBookUpdate update) {
        if (!pair.equals(update.pair())) {
            return ApplyResult.rejected(new ProtocolException(
                    "an update for " + update.pair() + " reached the book of " + pair));
        }
        scratch.reset(update.kind(), update.mode(), update.sequence(), update.previousSequence(),
                update.timestamp());
        try {
            List<PriceLevel> bidList = update.bids();
            List<PriceLevel> askList = update.asks();
            int bidCount = bidList.size();
            if (bidCount + askList.size() == 1) {
                // the usual message: its side picked by value, as in setAbsolute
                boolean bid = bidCount == 1;
                PriceLevel level = (bid ? bidList : askList).get(0);
                scratch.setOnlyLevel(bid, ScaledDecimals.toScaled(level.price(), priceScale, "price"),
                        ScaledDecimals.toScaled(level.amount(), amountScale, "amount"));
            } else {
                scaleInto(bidList, true);
                scaleInto(askList, false);
            }
        } catch (ProtocolException e) {
            return invalid(update.kind() == OrderBookUpdate.Kind.SNAPSHOT ? "snapshot: " : "", e);
        }
        return apply(scratch);
    }

    /**
     * Applies a message already scaled to this pair's precision (the decoder's routing decides the
     * pair): the allocation-free path. The engine copies {@code update} only to buffer it, so the caller
     * may reuse it right after.
     */
    public ApplyResult apply(ScaledBookUpdate update) {
        if (update.kind() == OrderBookUpdate.Kind.SNAPSHOT) {
            return loadSnapshot(update);
        }
        if (state == State.AWAITING_SNAPSHOT) {
            return buffer(update);
        }
        return applyDelta(update);
    }

    /**
     * Applies a venue message that scales itself ({@link ScaledBookFrame}), read into the engine's own reused
     * update: nothing is allocated unless it has to be buffered. A message that cannot be read leaves the book
     * untouched and asks for a snapshot, as a malformed {@link OrderBookUpdate} does.
     */
    public ApplyResult apply(ScaledBookFrame frame) {
        try {
            frame.readInto(scratch, priceScale, amountScale);
        } catch (ProtocolException e) {
            lastFrameWasSnapshot = false;
            return invalid("", e);
        }
        lastFrameWasSnapshot = scratch.kind() == OrderBookUpdate.Kind.SNAPSHOT;
        return apply(scratch);
    }

    /** Whether the last {@link ScaledBookFrame} applied was a whole book (false when it could not be read). */
    public boolean lastMessageWasSnapshot() {
        return lastFrameWasSnapshot;
    }

    /** Replaces the book with {@code snapshot} (for example from REST), then replays buffered deltas. */
    public ApplyResult applySnapshot(OrderBook snapshot) {
        if (!pair.equals(snapshot.pair())) {
            return ApplyResult.rejected(new ProtocolException(
                    "a snapshot for " + snapshot.pair() + " reached the book of " + pair));
        }
        scratch.reset(OrderBookUpdate.Kind.SNAPSHOT, OrderBookUpdate.Mode.ABSOLUTE, snapshot.sequence(), -1,
                snapshot.timestamp());
        try {
            scaleInto(snapshot.bids(), true);
            scaleInto(snapshot.asks(), false);
        } catch (ProtocolException e) {
            return invalid("snapshot: ", e);
        }
        return loadSnapshot(scratch);
    }

    /** Drops the book and the buffer and waits for a snapshot, for example after a reconnect. */
    public void reset() {
        bids.clear();
        asks.clear();
        buffered.clear();
        lastSequence = -1;
        state = State.AWAITING_SNAPSHOT;
        version++;
    }

    /** The whole book. */
    public OrderBook view() {
        return view(Integer.MAX_VALUE);
    }

    /**
     * The book cut to at most {@code depth} levels a side, best first; empty while awaiting a snapshot.
     * The same instance is returned until the book changes.
     */
    public OrderBook view(int depth) {
        if (depth < 0) {
            throw new IllegalArgumentException("depth must not be negative: " + depth);
        }
        if (cachedView == null || cachedVersion != version || cachedDepth != depth) {
            cachedView = new OrderBook(pair, levels(bids, depth), levels(asks, depth), timestamp, lastSequence);
            cachedVersion = version;
            cachedDepth = depth;
        }
        return cachedView;
    }

    private List<PriceLevel> levels(LadderSide side, int depth) {
        int wanted = Math.min(depth, side.size());
        if (wanted > viewPrices.length) {
            viewPrices = new long[wanted];
            viewAmounts = new long[wanted];
        }
        int count = side.copyTop(wanted, viewPrices, viewAmounts);
        List<PriceLevel> levels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            levels.add(new PriceLevel(ScaledDecimals.fromScaled(viewPrices[i], priceScale),
                    ScaledDecimals.fromScaled(viewAmounts[i], amountScale)));
        }
        return levels;
    }

    private ApplyResult buffer(ScaledBookUpdate update) {
        if (buffered.size() >= maxBuffered) {
            int dropped = buffered.size();
            buffered.clear();
            return ApplyResult.needsSnapshot(ResyncReason.BUFFER_OVERFLOW,
                    "more than " + maxBuffered + " updates arrived while waiting for a snapshot; "
                            + dropped + " buffered updates dropped", null);
        }
        buffered.add(update.copy());
        return ApplyResult.BUFFERED;
    }

    private ApplyResult applyDelta(ScaledBookUpdate update) {
        ApplyResult gap = checkSequence(update.sequence(), update.previousSequence());
        if (gap != null) {
            return resync(gap);
        }
        if (update.mode() == OrderBookUpdate.Mode.ABSOLUTE) {
            // a negative size stops the update half-way; harmless, as the book is dropped for a resync
            if (!setAbsolute(update)) {
                return invalid("", negativeSize(update, "absolute size"));
            }
        } else {
            try {
                addAll(bids, update.bidLevels(), update.bidCount());
                addAll(asks, update.askLevels(), update.askCount());
            } catch (ArithmeticException e) {
                return invalid("", new ProtocolException("a level's amount overflows a 64-bit scaled value"));
            }
        }
        if (update.sequence() >= 0) {
            lastSequence = update.sequence();
        }
        Instant updateTime = update.timestamp();
        if (updateTime != timestamp) {
            timestamp = updateTime; // skipping a same-instant store skips its GC write barrier
        }
        version++;
        return crossedOrApplied();
    }

    /** The error for the first negative amount of {@code update}, or {@code null} when there is none. */
    private ProtocolException negativeSize(ScaledBookUpdate update, String what) {
        ProtocolException bid = negativeSize(update.bidLevels(), update.bidCount(), what);
        return bid != null ? bid : negativeSize(update.askLevels(), update.askCount(), what);
    }

    private ProtocolException negativeSize(long[] levels, int count, String what) {
        for (int i = 0; i < count; i++) {
            if (levels[2 * i + 1] < 0) {
                return new ProtocolException("negative " + what + " "
                        + ScaledDecimals.fromScaled(levels[2 * i + 1], amountScale).stripTrailingZeros().toPlainString()
                        + " at price "
                        + ScaledDecimals.fromScaled(levels[2 * i], priceScale).stripTrailingZeros().toPlainString());
            }
        }
        return null;
    }

    /**
     * Sets every level of an absolute update; false, stopping there, at the first negative size. The
     * usual message, one level on either side, picks its side by value rather than by a branch (bid or
     * ask is a coin toss for the CPU's branch predictor).
     */
    private boolean setAbsolute(ScaledBookUpdate update) {
        int bidCount = update.bidCount();
        if (bidCount + update.askCount() == 1) {
            boolean bid = bidCount == 1;
            LadderSide side = bid ? bids : asks;
            long[] levels = bid ? update.bidLevels() : update.askLevels();
            long amount = levels[1];
            if (amount < 0) {
                return false;
            }
            side.set(levels[0], amount);
            return true;
        }
        return setAll(bids, update.bidLevels(), bidCount) && setAll(asks, update.askLevels(), update.askCount());
    }

    /** Sets every level; false, stopping there, at the first negative size. */
    private static boolean setAll(LadderSide side, long[] levels, int count) {
        for (int i = 0; i < 2 * count; i += 2) {
            if (levels[i + 1] < 0) {
                return false;
            }
            side.set(levels[i], levels[i + 1]);
        }
        return true;
    }

    private static void addAll(LadderSide side, long[] levels, int count) {
        for (int i = 0; i < 2 * count; i += 2) {
            side.add(levels[i], levels[i + 1]);
        }
    }

    private ApplyResult checkSequence(long sequence, long previousSequence) {
        if (lastSequence < 0) {
            return null;
        }
        if (previousSequence >= 0 && previousSequence != lastSequence) {
            return ApplyResult.needsSnapshot(ResyncReason.SEQUENCE_GAP, "expected an update after sequence "
                    + lastSequence + ", got one after " + previousSequence, null);
        }
        if (sequence >= 0 && sequence <= lastSequence) {
            return ApplyResult.needsSnapshot(ResyncReason.SEQUENCE_GAP, "sequence " + sequence
                    + " does not follow " + lastSequence, null);
        }
        return null;
    }

    /** Scales {@code levels} into {@link #scratch}; throws on the first value that is not exact. */
    private void scaleInto(List<PriceLevel> levels, boolean bid) {
        for (int i = 0, n = levels.size(); i < n; i++) {
            PriceLevel level = levels.get(i);
            long price = ScaledDecimals.toScaled(level.price(), priceScale, "price");
            long amount = ScaledDecimals.toScaled(level.amount(), amountScale, "amount");
            if (bid) {
                scratch.addBid(price, amount);
            } else {
                scratch.addAsk(price, amount);
            }
        }
    }

    private ApplyResult loadSnapshot(ScaledBookUpdate snapshot) {
        ProtocolException negative = negativeSize(snapshot, "size");
        if (negative != null) {
            return invalid("snapshot: ", negative);
        }
        bids.load(snapshot.bidLevels(), snapshot.bidCount());
        asks.load(snapshot.askLevels(), snapshot.askCount());
        long sequence = snapshot.sequence();
        state = State.LIVE;
        lastSequence = sequence;
        timestamp = snapshot.timestamp();
        version++;
        ApplyResult result = crossedOrApplied();
        while (result == ApplyResult.APPLIED && !buffered.isEmpty()) {
            ScaledBookUpdate next = buffered.poll();
            if (sequence >= 0 && next.sequence() >= 0 && next.sequence() <= sequence) {
                continue; // the snapshot already contains it
            }
            result = applyDelta(next);
        }
        return result;
    }

    private ApplyResult invalid(String where, ProtocolException error) {
        return resync(ApplyResult.needsSnapshot(ResyncReason.INVALID_UPDATE, where + error.getMessage(), error));
    }

    private ApplyResult crossedOrApplied() {
        if (!bids.isEmpty() && !asks.isEmpty() && bids.bestPrice() >= asks.bestPrice()) {
            return resync(ApplyResult.needsSnapshot(ResyncReason.CROSSED_BOOK, "best bid "
                    + ScaledDecimals.fromScaled(bids.bestPrice(), priceScale).toPlainString() + " >= best ask "
                    + ScaledDecimals.fromScaled(asks.bestPrice(), priceScale).toPlainString(), null));
        }
        return ApplyResult.APPLIED;
    }

    /** Drops the book (keeping nothing stale to show) and waits for a snapshot. */
    private ApplyResult resync(ApplyResult needsSnapshot) {
        reset();
        return needsSnapshot;
    }
}
