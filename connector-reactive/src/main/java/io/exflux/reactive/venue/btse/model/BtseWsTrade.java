package io.exflux.reactive.venue.btse.model;

import io.exflux.api.model.Side;
import io.exflux.reactive.internal.codec.PackedDecimal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One public trade of {@code tradeHistoryApi:<SYMBOL>} (a frame carries an array of them; the first may be a
 * batch of recent trades). Its components: {@code side} as sent, {@code BUY} or {@code SELL} (the taker's side),
 * kept raw when it is anything else; {@code tradeId} the venue's id, numeric; {@code timestamp} from
 * {@code timestamp} in milliseconds.
 *
 * <p>An immutable value with the accessors, equality and text of a record. Price and size are held as
 * {@link PackedDecimal}s and the time as seconds and nanoseconds (a decoded trade costs 64 bytes instead of 144);
 * each accessor call makes its {@code BigDecimal} or {@code Instant}.
 */
public final class BtseWsTrade implements BtseWsMessage {

    private final String symbol;
    private final String side;
    private final long price;
    private final long size;
    private final long tradeId;
    private final long epochSecond;
    private final int nano;
    /** The price or size that does not pack, else {@code null}. */
    private final BigDecimal widePrice;
    private final BigDecimal wideSize;

    public BtseWsTrade(String symbol, String side, BigDecimal price, BigDecimal size, long tradeId,
                       Instant timestamp) {
        this(symbol, side, PackedDecimal.of(Objects.requireNonNull(price, "price")), price,
                PackedDecimal.of(Objects.requireNonNull(size, "size")), size, tradeId,
                Objects.requireNonNull(timestamp, "timestamp").getEpochSecond(), timestamp.getNano());
    }

    /** The decoder's: a value that packs is given packed, its {@code wide} ignored (else required). */
    BtseWsTrade(String symbol, String side, long price, BigDecimal widePrice, long size, BigDecimal wideSize,
                long tradeId, long epochSecond, int nano) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.side = side;
        this.price = price;
        this.size = size;
        this.widePrice = price == PackedDecimal.NONE ? Objects.requireNonNull(widePrice, "price") : null;
        this.wideSize = size == PackedDecimal.NONE ? Objects.requireNonNull(wideSize, "size") : null;
        this.tradeId = tradeId;
        this.epochSecond = epochSecond;
        this.nano = nano;
    }

    public String symbol() {
        return symbol;
    }

    public String side() {
        return side;
    }

    /** A new {@code BigDecimal} on each call, scale as sent. */
    public BigDecimal price() {
        return PackedDecimal.toBigDecimal(price, widePrice);
    }

    /** A new {@code BigDecimal} on each call, scale as sent. */
    public BigDecimal size() {
        return PackedDecimal.toBigDecimal(size, wideSize);
    }

    public long tradeId() {
        return tradeId;
    }

    /** A new {@code Instant} on each call. */
    public Instant timestamp() {
        return Instant.ofEpochSecond(epochSecond, nano);
    }

    /** The taker's side, or {@code null} when {@link #side()} is neither {@code BUY} nor {@code SELL}. */
    public Side takerSide() {
        return BtseWsSides.of(side);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof BtseWsTrade that && price == that.price && size == that.size
                && tradeId == that.tradeId && epochSecond == that.epochSecond && nano == that.nano
                && symbol.equals(that.symbol) && Objects.equals(side, that.side)
                && Objects.equals(widePrice, that.widePrice) && Objects.equals(wideSize, that.wideSize);
    }

    @Override
    public int hashCode() {
        return Objects.hash(symbol, side, price(), size(), tradeId, timestamp());
    }

    @Override
    public String toString() {
        return "BtseWsTrade[symbol=" + symbol + ", side=" + side + ", price=" + price() + ", size=" + size()
                + ", tradeId=" + tradeId + ", timestamp=" + timestamp() + "]";
    }
}
