package io.exflux.reactive.venue.btse.model;

import io.exflux.reactive.venue.btse.internal.BtseModelAccess;
import java.math.BigDecimal;

/** The model's side of {@link BtseModelAccess}: installs itself when loaded. */
final class BtsePackedRecords implements BtseModelAccess.Records {

    static {
        BtseModelAccess.install(new BtsePackedRecords());
    }

    private BtsePackedRecords() {
    }

    @Override
    public BtseWsTrade trade(String symbol, String side, long price, BigDecimal widePrice, long size,
                             BigDecimal wideSize, long tradeId, long timestampMillis) {
        return new BtseWsTrade(symbol, side, price, widePrice, size, wideSize, tradeId,
                Math.floorDiv(timestampMillis, 1000), (int) Math.floorMod(timestampMillis, 1000) * 1_000_000);
    }

    @Override
    public BtseWsBook book(String topic, String symbol, BtseWsBook.Type type, long seqNum, long prevSeqNum,
                           long timestampMillis, long[] bidDigits, byte[] bidScales, int bidEntries,
                           long[] askDigits, byte[] askScales, int askEntries) {
        if (bidEntries % 2 != 0) {
            throw new IllegalArgumentException("a bid level without its size");
        }
        return BtseWsBook.ofValues(topic, symbol, type, seqNum, prevSeqNum, timestampMillis,
                BtseLevelValues.of(bidDigits, bidScales, bidEntries, askDigits, askScales, askEntries),
                bidEntries / 2);
    }
}
