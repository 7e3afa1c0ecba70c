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

    /** The trade's price when it does not pack (no {@code BigDecimal} made otherwise), else {@code null}. */
    static BigDecimal widePrice(long packedPrice, V1Trade trade) {
        return packedPrice == PackedDecimal.NONE ? trade.price() : null;
    }

    /** The trade's amount when it does not pack, else {@code null}. */
    static BigDecimal wideAmount(long packedAmount, V1Trade trade) {
        return packedAmount == PackedDecimal.NONE ? trade.amount() : null;
    }
}
