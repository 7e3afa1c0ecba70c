package io.exflux.reactive.venue.v1.model;

import io.exflux.reactive.internal.codec.PackedDecimal;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A trade inside a created order or a socket event: {@code tid}, the matched order {@code o_id} and its
 * {@code type} (the counter order's side, as the examples show), price and amount.
 *
 * <p>An immutable value with the accessors, equality and text of a record. Price and amount are held as
 * {@link PackedDecimal}s (a decoded trade costs 56 bytes instead of 120); each accessor call makes its
 * {@code BigDecimal}, scale as sent.
 */
public final class V1Trade {

    private final long tid;
    private final V1Side type;
    private final long price;
    private final long amount;
    private final long orderId;
    /** The price or amount that does not pack, else {@code null}. */
    private final BigDecimal widePrice;
    private final BigDecimal wideAmount;

    public V1Trade(long tid, V1Side type, BigDecimal price, BigDecimal amount, long orderId) {
        this(tid, type, V1Packed.of(price), price, V1Packed.of(amount), amount, orderId);
    }

    /** The decoder's: a value that packs is given packed, its {@code wide} ignored. */
    V1Trade(long tid, V1Side type, long price, BigDecimal widePrice, long amount, BigDecimal wideAmount,
            long orderId) {
        this.tid = tid;
        this.type = type;
        this.price = price;
        this.amount = amount;
        this.orderId = orderId;
        this.widePrice = price == PackedDecimal.NONE ? widePrice : null;
        this.wideAmount = amount == PackedDecimal.NONE ? wideAmount : null;
    }

    public long tid() {
        return tid;
    }

    public V1Side type() {
        return type;
    }

    /** A new {@code BigDecimal} on each call, scale as sent. */
    public BigDecimal price() {
        return PackedDecimal.toBigDecimal(price, widePrice);
    }

    /** A new {@code BigDecimal} on each call, scale as sent. */
    public BigDecimal amount() {
        return PackedDecimal.toBigDecimal(amount, wideAmount);
    }

    public long orderId() {
        return orderId;
    }

    long packedPrice() {
        return price;
    }

    long packedAmount() {
        return amount;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof V1Trade that && tid == that.tid && orderId == that.orderId
                && price == that.price && amount == that.amount && type == that.type
                && Objects.equals(widePrice, that.widePrice) && Objects.equals(wideAmount, that.wideAmount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tid, type, price(), amount(), orderId);
    }

    @Override
    public String toString() {
        return "V1Trade[tid=" + tid + ", type=" + type + ", price=" + price() + ", amount=" + amount()
                + ", orderId=" + orderId + "]";
    }
}
