package io.exflux.reactive.venue.alp.model;

import io.exflux.reactive.internal.codec.PackedDecimal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code ["t", time, tradeId, pair, amount, price, direction]}. Amount comes before price here, unlike
 * the REST trade (docs/venues/alp.md, drift 11); {@code direction} is {@code buy}/{@code sell} in lower case.
 *
 * <p>An immutable value with the accessors, equality and text of a record. Amount and price are held compactly
 * (a decoded trade costs about 56 bytes instead of 120) and each accessor call makes its {@code BigDecimal}.
 */
public final class AlpWsTrade implements AlpMessage {

    private final Instant time;
    private final long tradeId;
    private final String pair;
    private final long amount;
    private final long price;
    /** The amount or price that does not pack, else {@code null}. */
    private final BigDecimal wideAmount;
    private final BigDecimal widePrice;
    private final String direction;

    public AlpWsTrade(Instant time, long tradeId, String pair, BigDecimal amount, BigDecimal price, String direction) {
        this(time, tradeId, pair, packed(amount), amount, packed(price), price, direction);
    }

    /** The decoder's: a value that packs is given packed, with {@code wide} ignored. */
    AlpWsTrade(Instant time, long tradeId, String pair, long amount, BigDecimal wideAmount, long price,
               BigDecimal widePrice, String direction) {
        this.time = time;
        this.tradeId = tradeId;
        this.pair = pair;
        this.amount = amount;
        this.price = price;
        this.wideAmount = amount == PackedDecimal.NONE ? wideAmount : null;
        this.widePrice = price == PackedDecimal.NONE ? widePrice : null;
        this.direction = direction;
    }

    static long packed(BigDecimal value) {
        return value == null ? PackedDecimal.NONE : PackedDecimal.of(value);
    }

    public Instant time() {
        return time;
    }

    public long tradeId() {
        return tradeId;
    }

    public String pair() {
        return pair;
    }

    /** A new {@code BigDecimal} on each call, scale as sent. */
    public BigDecimal amount() {
        return PackedDecimal.toBigDecimal(amount, wideAmount);
    }

    /** A new {@code BigDecimal} on each call, scale as sent. */
    public BigDecimal price() {
        return PackedDecimal.toBigDecimal(price, widePrice);
    }

    public String direction() {
        return direction;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AlpWsTrade that && tradeId == that.tradeId && amount == that.amount
                && price == that.price && Objects.equals(time, that.time) && Objects.equals(pair, that.pair)
                && Objects.equals(wideAmount, that.wideAmount) && Objects.equals(widePrice, that.widePrice)
                && Objects.equals(direction, that.direction);
    }

    @Override
    public int hashCode() {
        return Objects.hash(time, tradeId, pair, amount(), price(), direction);
    }

    @Override
    public String toString() {
        return "AlpWsTrade[time=" + time + ", tradeId=" + tradeId + ", pair=" + pair + ", amount=" + amount()
                + ", price=" + price() + ", direction=" + direction + "]";
    }
}
