package io.exflux.reactive.venue.v1.model;

import io.exflux.reactive.internal.codec.PackedDecimal;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The packing of the model's values: decimals as {@link PackedDecimal}s ({@code null}, a missing value, and wide
 * values as {@link PackedDecimal#NONE}), times as seconds and nanos ({@link #NO_TIME} nanos for {@code null}), and
 * the small values an event holds (its {@code success}, its sides) as one byte each, so that an event stays under
 * 100 bytes with its time in it.
 */
final class V1Packed {

    /** The nanos of a {@code null} time. */
    static final int NO_TIME = -1;
    /** A {@code null} side or {@code success}. */
    static final byte NULL = -1;
    private static final V1Side[] SIDES = V1Side.values();

    private V1Packed() {
    }

    static long of(BigDecimal value) {
        return value == null ? PackedDecimal.NONE : PackedDecimal.of(value);
    }

    /** The value kept beside a packed one: only when it does not pack. */
    static BigDecimal wide(long packed, BigDecimal value) {
        return packed == PackedDecimal.NONE ? value : null;
    }

    /** The trade's price when it does not pack (no {@code BigDecimal} made otherwise), else {@code null}. */
    static BigDecimal widePrice(long packedPrice, V1Trade trade) {
        return packedPrice == PackedDecimal.NONE ? trade.price() : null;
    }

    /** The trade's amount when it does not pack, else {@code null}. */
    static BigDecimal wideAmount(long packedAmount, V1Trade trade) {
        return packedAmount == PackedDecimal.NONE ? trade.amount() : null;
    }

    static long seconds(Instant time) {
        return time == null ? 0 : time.getEpochSecond();
    }

    static int nanos(Instant time) {
        return time == null ? NO_TIME : time.getNano();
    }

    /** A new {@code Instant} of a packed time, or {@code null}. */
    static Instant time(long seconds, int nanos) {
        return nanos == NO_TIME ? null : Instant.ofEpochSecond(seconds, nanos);
    }

    static byte of(Boolean value) {
        return value == null ? NULL : (byte) (value ? 1 : 0);
    }

    static Boolean success(byte value) {
        return value == NULL ? null : value == 1;
    }

    static byte of(V1Side side) {
        return side == null ? NULL : (byte) side.ordinal();
    }

    static V1Side side(byte value) {
        return value == NULL ? null : SIDES[value];
    }
}
