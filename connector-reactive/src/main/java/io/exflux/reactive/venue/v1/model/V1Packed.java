package io.exflux.reactive.venue.v1.model;

import io.exflux.reactive.internal.codec.PackedDecimal;
import java.math.BigDecimal;

/** The packing of the model's decimals: {@code null} (a missing value) and wide values as {@link PackedDecimal#NONE}. */
final class V1Packed {

    private V1Packed() {
    }

    static long of(BigDecimal value) {
        return value == null ? PackedDecimal.NONE : PackedDecimal.of(value);
    }

    /** The value kept beside a packed one: only when it does not pack. */
    static BigDecimal wide(long packed, BigDecimal value) {
        return packed == PackedDecimal.NONE ? value : null;
    }
}
