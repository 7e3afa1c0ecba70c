package io.exflux.reactive.venue.alp.internal;

import io.exflux.reactive.internal.codec.ModelDoor;
import io.exflux.reactive.internal.book.ScaledBookUpdate;
import io.exflux.reactive.venue.alp.model.AlpDiff;
import io.exflux.reactive.venue.alp.model.AlpMessage;
import io.exflux.reactive.venue.alp.model.AlpTickerUpdate;
import io.exflux.reactive.venue.alp.model.AlpWsTicker;
import io.exflux.reactive.venue.alp.model.AlpWsTrade;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The decoder's door to the market-data records' packed form, which is not API: the records keep prices and
 * amounts as {@link io.exflux.reactive.internal.codec.PackedDecimal}s and make their {@code BigDecimal}s on access.
 * Users build them from {@code BigDecimal}s; the decoder builds them from packed values through this door, which
 * the model package opens when it is loaded (the way the JDK reaches package-private state across packages).
 */
public final class AlpModelAccess {

    /** The packed constructors and readers, implemented in the model package. */
    public interface Records {

        /** Amount and price packed; a {@code wide} value stands for one that is {@code PackedDecimal.NONE}. */
        AlpWsTrade trade(Instant time, long tradeId, String pair, long amount, BigDecimal wideAmount, long price,
                         BigDecimal widePrice, String direction);

        /**
         * {@code levels}: price and amount of each level, packed, the asks' first; {@code wide}: {@code null}, or the
         * values that do not pack at their index. Both arrays are the record's from now on.
         */
        AlpDiff diff(Instant time, String symbol, long[] levels, BigDecimal[] wide, int askCount);

        /**
         * A ticker update of one row: eight values (close to ask) from {@code from} in {@code values}, packed, with
         * {@code wide} ({@code null}, or the values that do not pack at their index). Both arrays are copied.
         */
        AlpTickerUpdate ticker(Instant time, String symbol, long[] values, BigDecimal[] wide, int from);

        /** One ticker row, as {@link #ticker} reads its values. */
        AlpWsTicker tickerRow(String symbol, long[] values, BigDecimal[] wide, int from);

        /** The symbol of the update's only row, or {@code null} when it has not exactly one (routed per row). */
        String onlySymbol(AlpTickerUpdate update);

        /** Writes the diff into {@code into} as {@code AlpScaledFrames.diff} describes, without a {@code BigDecimal}. */
        void diffInto(AlpDiff diff, ScaledBookUpdate into, int priceScale, int amountScale);
    }

    private static final ModelDoor<Records> DOOR = new ModelDoor<>(
            AlpMessage.class.getPackageName() + ".AlpPackedRecords", AlpModelAccess.class.getClassLoader());

    private AlpModelAccess() {
    }

    /** Called once, by the model package's implementation when it is loaded. */
    public static void install(Records implementation) {
        DOOR.install(implementation);
    }

    static Records records() {
        return DOOR.get();
    }
}
