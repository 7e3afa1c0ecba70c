package io.exflux.reactive.venue.btse.internal;

import io.exflux.reactive.internal.codec.ModelDoor;
import io.exflux.reactive.venue.btse.model.BtseWsBook;
import io.exflux.reactive.venue.btse.model.BtseWsMessage;
import io.exflux.reactive.venue.btse.model.BtseWsTrade;
import java.math.BigDecimal;

/**
 * The frame decoder's door to the hot records' packed form, which is not API: trades keep price and size as
 * {@link io.exflux.reactive.internal.codec.PackedDecimal}s, books their levels in one compact array. Users build
 * them from {@code BigDecimal}s and levels; the decoder builds them from packed values through this door, which
 * the model package opens when it is loaded (as {@code AlpModelAccess} does for ALP).
 */
public final class BtseModelAccess {

    /** The packed constructors, implemented in the model package. */
    public interface Records {

        /** A value that packs is given packed, its {@code wide} ignored; one that does not is {@code NONE} and wide. */
        BtseWsTrade trade(String symbol, String side, long price, BigDecimal widePrice, long size, BigDecimal wideSize,
                          long tradeId, long timestampMillis);

        /**
         * A book frame of the first {@code bidEntries} of the bid arrays and {@code askEntries} of the ask arrays
         * (unscaled digits and scales 0..127, price then size per level), which are copied.
         */
        BtseWsBook book(String topic, String symbol, BtseWsBook.Type type, long seqNum, long prevSeqNum,
                        long timestampMillis, long[] bidDigits, byte[] bidScales, int bidEntries, long[] askDigits,
                        byte[] askScales, int askEntries);
    }

    private static final ModelDoor<Records> DOOR = new ModelDoor<>(
            BtseWsMessage.class.getPackageName() + ".BtsePackedRecords", BtseModelAccess.class.getClassLoader());

    private BtseModelAccess() {
    }

    /** Called once, by the model package's implementation when it is loaded. */
    public static void install(Records implementation) {
        DOOR.install(implementation);
    }

    static Records records() {
        return DOOR.get();
    }
}
