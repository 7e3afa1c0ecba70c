package io.exflux.reactive.venue.alp.internal;

import io.exflux.api.model.OrderBookUpdate;
import io.exflux.reactive.internal.book.ScaledBookUpdate;
import io.exflux.reactive.internal.book.ScaledDecimals;
import io.exflux.reactive.internal.codec.PackedDecimal;
import io.exflux.reactive.internal.codec.PlainJsonCursor;
import io.exflux.reactive.venue.alp.model.AlpDiff;
import io.exflux.reactive.venue.alp.model.AlpMessage;
import io.exflux.reactive.venue.alp.model.AlpWsTrade;
import io.netty.buffer.ByteBuf;
import java.time.Instant;
import java.util.Arrays;

/**
 * ALP's two busiest frames, {@code t} and {@code d}, read straight from their bytes when they have exactly the
 * documented shape spelled plainly ({@link PlainJsonCursor}: whitespace between tokens is fine; escapes, exponents,
 * elements past the documented ones, times that are not whole seconds, values that do not pack are not). Anything
 * else, malformed frames included, is "not read here" and the caller reads the frame with the streaming parser
 * ({@link AlpHotFrames}), which gives the same records for these frames and every error as before. Only a frame read
 * to its end produces anything: a frame is never half read here.
 *
 * <p>One reader per thread, a frame at a time; nothing reaches a sink during a read, so a read never nests.
 */
public final class AlpPlainFrames {

    private static final ThreadLocal<AlpPlainFrames> PER_THREAD = ThreadLocal.withInitial(AlpPlainFrames::new);
    private static final AlpModelAccess.Records RECORDS = AlpModelAccess.records();

    /** Characters looked at for the frame's type: a plain frame with more whitespace before it is rare. */
    private static final int PEEKED = 16;
    /** {@code ["t"} and {@code ["d"} as a big-endian int: the start of nearly every trade and diff frame. */
    private static final int HEAD_BYTES = 4;
    private static final int TRADE_HEAD = '[' << 24 | '"' << 16 | 't' << 8 | '"';
    private static final int DIFF_HEAD = '[' << 24 | '"' << 16 | 'd' << 8 | '"';
    private static final int START = 0;
    private static final int ARRAY = 1;
    private static final int QUOTE = 2;
    private static final int TYPE = 3;
    private static final int YES = 4;
    private static final int NO = 5;

    private final PlainJsonCursor cursor = new PlainJsonCursor();
    /** The diff being read: its time, symbol, packed values (in the cursor's scratch) and how many are asks'. */
    private Instant time;
    private String symbol;
    private int count;
    private int askValues;

    private AlpPlainFrames() {
    }

    /** The frame's {@link AlpWsTrade} or {@link AlpDiff}, or {@code null} when it is not one spelled plainly. */
    public static AlpMessage read(String frame) {
        if (!startsAsTradeOrDiff(frame)) {
            return null;
        }
        AlpPlainFrames reader = PER_THREAD.get();
        return reader.cursor.on(frame) ? reader.readAndRelease() : null;
    }

    /** {@link #read(String)} of a frame given as its UTF-8 bytes (only read during the call). */
    public static AlpMessage read(ByteBuf frame) {
        if (!startsAsTradeOrDiff(frame)) {
            return null;
        }
        AlpPlainFrames reader = PER_THREAD.get();
        return reader.cursor.on(frame) ? reader.readAndRelease() : null;
    }

    /**
     * A plainly spelled {@code d} frame of {@code symbol} into {@code into}, as {@link AlpFrameDecoder#diffInto} reads
     * it; {@code into} is only written when the whole frame was read and every value fits the scales.
     *
     * @return false, {@code into} untouched, when the frame is anything else (the caller reads it the full way)
     */
    static boolean diffInto(ByteBuf frame, String symbol, ScaledBookUpdate into, int priceScale, int amountScale) {
        if (!startsAsTradeOrDiff(frame)) {
            return false;
        }
        AlpPlainFrames reader = PER_THREAD.get();
        return reader.cursor.on(frame) && reader.diffIntoAndRelease(symbol, into, priceScale, amountScale);
    }

    /** {@link #diffInto(ByteBuf, String, ScaledBookUpdate, int, int)} of a frame given as text. */
    static boolean diffInto(String frame, String symbol, ScaledBookUpdate into, int priceScale, int amountScale) {
        if (!startsAsTradeOrDiff(frame)) {
            return false;
        }
        AlpPlainFrames reader = PER_THREAD.get();
        return reader.cursor.on(frame) && reader.diffIntoAndRelease(symbol, into, priceScale, amountScale);
    }

    /**
     * Whether the frame may start as {@code ["t"} or {@code ["d"} (whitespace allowed), looked at before a direct
     * buffer's frame is copied: the other frames (a ticker, a 20-level depth) go to the parser without a copy for
     * nothing. A heap buffer is read in place, so there is nothing to spare: the reader itself stops at the type.
     */
    private static boolean startsAsTradeOrDiff(ByteBuf frame) {
        if (frame.hasArray()) {
            return true;
        }
        if (frame.readableBytes() >= HEAD_BYTES) { // the usual spelling, in one read of the buffer
            int head = frame.getInt(frame.readerIndex());
            if (head == TRADE_HEAD || head == DIFF_HEAD) {
                return true;
            }
        }
        int state = START;
        for (int i = frame.readerIndex(), to = Math.min(frame.writerIndex(), i + PEEKED); i < to && state < YES; i++) {
            state = next(state, frame.getByte(i));
        }
        return state == YES;
    }

    private static boolean startsAsTradeOrDiff(String frame) {
        int state = START;
        for (int i = 0, to = Math.min(frame.length(), PEEKED); i < to && state < YES; i++) {
            state = next(state, frame.charAt(i));
        }
        return state == YES;
    }

    /** The next state of the look at a frame's start: before {@code [}, before {@code "}, on the type, after it. */
    private static int next(int state, int ch) {
        if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
            return state == START || state == ARRAY ? state : NO;
        }
        return switch (state) {
            case START -> ch == '[' ? ARRAY : NO;
            case ARRAY -> ch == '"' ? QUOTE : NO;
            case QUOTE -> ch == 't' || ch == 'd' ? TYPE : NO;
            default -> ch == '"' ? YES : NO;
        };
    }

    private AlpMessage readAndRelease() {
        try {
            PlainJsonCursor c = cursor;
            if (!c.token('[')) {
                return null;
            }
            if (c.stringIs("t")) {
                return trade(c);
            }
            if (c.stringIs("d") && diff(c)) {
                return RECORDS.diff(time, symbol, Arrays.copyOf(c.longs(count), count), null, askValues / 2);
            }
            return null;
        } finally {
            symbol = null;
            cursor.release();
        }
    }

    private boolean diffIntoAndRelease(String wanted, ScaledBookUpdate into, int priceScale, int amountScale) {
        try {
            PlainJsonCursor c = cursor;
            if (!c.token('[') || !c.stringIs("d") || !diff(c) || !wanted.equals(symbol)) {
                return false; // another symbol's diff too: the full reader says whether the rest of it is well formed
            }
            long[] values = c.longs(count);
            for (int i = 0; i < count; i += 2) { // scaled in place: the frame is read whole, the scratch is ours
                values[i] = scaled(values[i], priceScale);
                values[i + 1] = scaled(values[i + 1], amountScale);
                if (values[i] == ScaledDecimals.NOT_EXACT || values[i + 1] == ScaledDecimals.NOT_EXACT) {
                    return false; // more decimals than the book's scale: the full reader names the value
                }
            }
            into.reset(OrderBookUpdate.Kind.DELTA, OrderBookUpdate.Mode.DIFFERENCE, -1, -1, time);
            for (int i = 0; i < askValues; i += 2) {
                into.addAsk(values[i], values[i + 1]);
            }
            for (int i = askValues; i < count; i += 2) {
                into.addBid(values[i], values[i + 1]);
            }
            return true;
        } finally {
            symbol = null;
            cursor.release();
        }
    }

    /** The packed value in units of {@code 10^-scale}, or {@code ScaledDecimals.NOT_EXACT} when it does not fit. */
    private static long scaled(long packed, int scale) {
        return ScaledDecimals.exactlyScaled(PackedDecimal.unscaled(packed), PackedDecimal.scale(packed), scale);
    }

    /** {@code , time, id, pair, amount, price, direction]} after the type. */
    private static AlpWsTrade trade(PlainJsonCursor c) {
        if (!c.token(',')) {
            return null;
        }
        Instant time = c.epochSeconds();
        if (time == null || !c.token(',')) {
            return null;
        }
        long id = c.wholeNumber();
        if (id < 0 || !c.token(',')) {
            return null;
        }
        String pair = c.text();
        if (pair == null || !c.token(',')) {
            return null;
        }
        long amount = c.number();
        if (amount == PackedDecimal.NONE || !c.token(',')) {
            return null;
        }
        long price = c.number();
        if (price == PackedDecimal.NONE || !c.token(',')) {
            return null;
        }
        String direction = c.text();
        if (direction == null || !c.token(']') || !c.atEnd()) {
            return null;
        }
        return RECORDS.trade(time, id, pair, amount, null, price, null, direction);
    }

    /**
     * {@code , time, symbol, [asks, bids]]} after the type, each side {@code null} or {@code [[price, amount], ...]}:
     * into this reader's fields and the cursor's scratch. False when the frame is not that, read to its end.
     */
    private boolean diff(PlainJsonCursor c) {
        if (!c.token(',') || (time = c.epochSeconds()) == null || !c.token(',') || (symbol = c.text()) == null
                || !c.token(',') || !c.token('[')) {
            return false;
        }
        count = 0;
        if (!side(c) || !c.token(',')) {
            return false;
        }
        askValues = count;
        return side(c) && c.token(']') && c.token(']') && c.atEnd();
    }

    /** One side, {@code null} or {@code [[price, amount], ...]}, its values packed after the {@link #count} read. */
    private boolean side(PlainJsonCursor c) {
        if (c.nullValue()) {
            return true;
        }
        if (!c.token('[')) {
            return false;
        }
        if (c.token(']')) {
            return true;
        }
        do {
            long[] values = c.longs(count + 2);
            if (!c.token('[') || (values[count] = c.number()) == PackedDecimal.NONE || !c.token(',')
                    || (values[count + 1] = c.number()) == PackedDecimal.NONE || !c.token(']')) {
                return false;
            }
            count += 2;
        } while (c.token(','));
        return c.token(']');
    }
}
