package io.exflux.reactive.venue.v1.model;

import io.exflux.reactive.internal.codec.PackedDecimal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A socket event of a {@code book_<PAIR>} channel. {@code pair} is the payload's when it carries one, else the
 * channel's (BTC-Alpha's new-order event has none); {@code success} is {@code null} where the venue leaves it out.
 *
 * <p>Both kinds are immutable values with the accessors, equality and text of records. They keep prices and
 * amounts as {@link PackedDecimal}s and the time as seconds and nanos, and make each {@code BigDecimal} and
 * {@code Instant} when an accessor is called (a decoded event is under 100 bytes: it arrives at stream rates).
 */
public sealed interface V1BookEvent {

    /** The market. */
    String pair();

    /** The order's id ({@code oid}). */
    long oid();

    /** The event's time. */
    Instant date();

    /** The same event with the market set (from the channel, when the payload carried none). */
    V1BookEvent withPair(String pair);

    /**
     * A new order: its side, price, the amount that remained on the book after matching ({@code 0} when it filled
     * at once), and the trades it made against resting orders.
     *
     * <p>The usual event has one trade, which is kept in this object's own fields rather than as a list of one
     * {@link V1Trade} (that would double the event's bytes); {@link #trades()} makes the list on each call.
     */
    final class NewOrder implements V1BookEvent {
        private static final int PRICE = 0;
        private static final int AMOUNT = 1;
        private static final int TRADE_PRICE = 2;
        private static final int TRADE_AMOUNT = 3;

        /** {@code success}, {@code type} and the trade's type packed in a byte each (see {@code V1Packed}). */
        private final byte success;
        /** The time as seconds and nanos: its {@code Instant} is made on access (24 bytes less per event). */
        private final long seconds;
        private final int nanos;
        private final long oid;
        private final byte type;
        private final long price;
        private final long amount;
        private final String pair;
        /** The values that do not pack, at {@link #PRICE} to {@link #TRADE_AMOUNT}; {@code null} when all pack. */
        private final BigDecimal[] wide;
        /** The only trade's fields, when {@link #otherTrades} is {@code null}. */
        private final long tradeId;
        private final byte tradeType;
        private final long tradePrice;
        private final long tradeAmount;
        private final long tradeOrderId;
        /** The trades when there are not exactly one; {@code null} when there is one. */
        private final List<V1Trade> otherTrades;

        public NewOrder(Boolean success, Instant date, long oid, V1Side type, BigDecimal price, BigDecimal amount,
                        String pair, List<V1Trade> trades) {
            this(V1Packed.of(success), V1Packed.seconds(date), V1Packed.nanos(date), oid, type, V1Packed.of(price),
                    V1Packed.of(amount), pair, List.copyOf(trades), price, amount);
        }

        private NewOrder(byte success, long seconds, int nanos, long oid, V1Side type, long price, long amount,
                         String pair, List<V1Trade> trades, BigDecimal widePrice, BigDecimal wideAmount) {
            this.success = success;
            this.seconds = seconds;
            this.nanos = nanos;
            this.oid = oid;
            this.type = V1Packed.of(type);
            this.price = price;
            this.amount = amount;
            this.pair = pair;
            BigDecimal[] wideValues = wide(null, PRICE, price, widePrice);
            wideValues = wide(wideValues, AMOUNT, amount, wideAmount);
            if (trades.size() == 1) {
                V1Trade trade = trades.get(0);
                tradeId = trade.tid();
                tradeType = V1Packed.of(trade.type());
                tradePrice = trade.packedPrice();
                tradeAmount = trade.packedAmount();
                tradeOrderId = trade.orderId();
                wideValues = wide(wideValues, TRADE_PRICE, tradePrice, V1Packed.widePrice(tradePrice, trade));
                wideValues = wide(wideValues, TRADE_AMOUNT, tradeAmount, V1Packed.wideAmount(tradeAmount, trade));
                otherTrades = null;
            } else {
                tradeId = 0;
                tradeType = V1Packed.NULL;
                tradePrice = 0;
                tradeAmount = 0;
                tradeOrderId = 0;
                otherTrades = trades;
            }
            this.wide = wideValues;
        }

        /**
         * The decoder's, with one trade: values that pack are given packed, the others in {@code wide} (or null);
         * the time as seconds and nanos.
         */
        NewOrder(Boolean success, long seconds, int nanos, long oid, V1Side type, long price, long amount,
                 String pair, BigDecimal[] wide, long tradeId, V1Side tradeType, long tradePrice, long tradeAmount,
                 long tradeOrderId) {
            this(V1Packed.of(success), seconds, nanos, oid, V1Packed.of(type), price, amount, pair, wide, tradeId,
                    V1Packed.of(tradeType), tradePrice, tradeAmount, tradeOrderId, null);
        }

        /** The decoder's, with any number of trades. */
        NewOrder(Boolean success, long seconds, int nanos, long oid, V1Side type, long price, BigDecimal widePrice,
                 long amount, BigDecimal wideAmount, String pair, List<V1Trade> trades) {
            this(V1Packed.of(success), seconds, nanos, oid, type, price, amount, pair, trades, widePrice, wideAmount);
        }

        /** {@code values} with {@code value} at {@code index} when {@code packed} does not hold it. */
        private static BigDecimal[] wide(BigDecimal[] values, int index, long packed, BigDecimal value) {
            if (packed != PackedDecimal.NONE || value == null) {
                return values;
            }
            BigDecimal[] result = values == null ? new BigDecimal[TRADE_AMOUNT + 1] : values;
            result[index] = value;
            return result;
        }

        private BigDecimal value(int index, long packed) {
            return PackedDecimal.toBigDecimal(packed, wide == null ? null : wide[index]);
        }

        public Boolean success() {
            return V1Packed.success(success);
        }

        /** A new {@code Instant} on each call. */
        @Override
        public Instant date() {
            return V1Packed.time(seconds, nanos);
        }

        @Override
        public long oid() {
            return oid;
        }

        public V1Side type() {
            return V1Packed.side(type);
        }

        /** A new {@code BigDecimal} on each call, scale as sent. */
        public BigDecimal price() {
            return value(PRICE, price);
        }

        /** A new {@code BigDecimal} on each call, scale as sent. */
        public BigDecimal amount() {
            return value(AMOUNT, amount);
        }

        @Override
        public String pair() {
            return pair;
        }

        /** Unmodifiable; made on each call when the event has one trade. */
        public List<V1Trade> trades() {
            if (otherTrades != null) {
                return otherTrades;
            }
            return List.of(new V1Trade(tradeId, V1Packed.side(tradeType), tradePrice, wide == null ? null : wide[TRADE_PRICE],
                    tradeAmount, wide == null ? null : wide[TRADE_AMOUNT], tradeOrderId));
        }

        @Override
        public NewOrder withPair(String value) {
            return new NewOrder(success, seconds, nanos, oid, type, price, amount, value, wide, tradeId, tradeType,
                    tradePrice, tradeAmount, tradeOrderId, otherTrades);
        }

        private NewOrder(byte success, long seconds, int nanos, long oid, byte type, long price, long amount,
                         String pair, BigDecimal[] wide, long tradeId, byte tradeType, long tradePrice,
                         long tradeAmount, long tradeOrderId, List<V1Trade> otherTrades) {
            this.success = success;
            this.seconds = seconds;
            this.nanos = nanos;
            this.oid = oid;
            this.type = type;
            this.price = price;
            this.amount = amount;
            this.pair = pair;
            this.wide = wide;
            this.tradeId = tradeId;
            this.tradeType = tradeType;
            this.tradePrice = tradePrice;
            this.tradeAmount = tradeAmount;
            this.tradeOrderId = tradeOrderId;
            this.otherTrades = otherTrades;
        }

        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof NewOrder that && oid == that.oid && price == that.price
                    && amount == that.amount && type == that.type && success == that.success
                    && seconds == that.seconds && nanos == that.nanos && Objects.equals(pair, that.pair)
                    && Objects.equals(value(PRICE, price), that.value(PRICE, that.price))
                    && Objects.equals(value(AMOUNT, amount), that.value(AMOUNT, that.amount))
                    && trades().equals(that.trades());
        }

        @Override
        public int hashCode() {
            return Objects.hash(success(), date(), oid, type(), price(), amount(), pair, trades());
        }

        @Override
        public String toString() {
            return "NewOrder[success=" + success() + ", date=" + date() + ", oid=" + oid + ", type=" + type()
                    + ", price=" + price() + ", amount=" + amount() + ", pair=" + pair + ", trades=" + trades() + "]";
        }
    }

    /**
     * An order cancelled by its owner: {@code oid} is the order that left the book, {@code amount} what it left
     * there; {@code cancelOrderId} is bitexbit's extra id (of the cancel request, see {@code docs/venues/v1.md}),
     * {@code null} on BTC-Alpha.
     */
    final class Cancel implements V1BookEvent {
        /** {@code success} and {@code type} packed in a byte each (see {@code V1Packed}). */
        private final byte success;
        /** The time as seconds and nanos: its {@code Instant} is made on access. */
        private final long seconds;
        private final int nanos;
        private final long oid;
        /** Unboxed: a {@code Long} per event would cost 16 bytes; {@link #hasCancelOrderId} says whether it came. */
        private final long cancelOrderId;
        private final boolean hasCancelOrderId;
        private final byte type;
        private final long price;
        private final long amount;
        /** The price or amount that does not pack, else {@code null}. */
        private final BigDecimal widePrice;
        private final BigDecimal wideAmount;
        private final String pair;

        public Cancel(Boolean success, Instant date, long oid, Long cancelOrderId, V1Side type, BigDecimal price,
                      BigDecimal amount, String pair) {
            this(success, V1Packed.seconds(date), V1Packed.nanos(date), oid, cancelOrderId != null,
                    cancelOrderId == null ? 0 : cancelOrderId, type, V1Packed.of(price), price, V1Packed.of(amount),
                    amount, pair);
        }

        /** The decoder's: a value that packs is given packed, its {@code wide} ignored; the time as seconds and nanos. */
        Cancel(Boolean success, long seconds, int nanos, long oid, boolean hasCancelOrderId, long cancelOrderId,
               V1Side type, long price, BigDecimal widePrice, long amount, BigDecimal wideAmount, String pair) {
            this.success = V1Packed.of(success);
            this.seconds = seconds;
            this.nanos = nanos;
            this.oid = oid;
            this.hasCancelOrderId = hasCancelOrderId;
            this.cancelOrderId = hasCancelOrderId ? cancelOrderId : 0;
            this.type = V1Packed.of(type);
            this.price = price;
            this.amount = amount;
            this.widePrice = V1Packed.wide(price, widePrice);
            this.wideAmount = V1Packed.wide(amount, wideAmount);
            this.pair = pair;
        }

        public Boolean success() {
            return V1Packed.success(success);
        }

        /** A new {@code Instant} on each call. */
        @Override
        public Instant date() {
            return V1Packed.time(seconds, nanos);
        }

        @Override
        public long oid() {
            return oid;
        }

        public Long cancelOrderId() {
            return hasCancelOrderId ? cancelOrderId : null;
        }

        public V1Side type() {
            return V1Packed.side(type);
        }

        /** A new {@code BigDecimal} on each call, scale as sent. */
        public BigDecimal price() {
            return PackedDecimal.toBigDecimal(price, widePrice);
        }

        /** A new {@code BigDecimal} on each call, scale as sent. */
        public BigDecimal amount() {
            return PackedDecimal.toBigDecimal(amount, wideAmount);
        }

        @Override
        public String pair() {
            return pair;
        }

        @Override
        public Cancel withPair(String value) {
            return new Cancel(success(), seconds, nanos, oid, hasCancelOrderId, cancelOrderId, type(), price,
                    widePrice, amount, wideAmount, value);
        }

        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof Cancel that && oid == that.oid
                    && hasCancelOrderId == that.hasCancelOrderId && cancelOrderId == that.cancelOrderId
                    && price == that.price && amount == that.amount && type == that.type
                    && success == that.success && seconds == that.seconds && nanos == that.nanos
                    && Objects.equals(widePrice, that.widePrice) && Objects.equals(wideAmount, that.wideAmount)
                    && Objects.equals(pair, that.pair);
        }

        @Override
        public int hashCode() {
            return Objects.hash(success(), date(), oid, cancelOrderId(), type(), price(), amount(), pair);
        }

        @Override
        public String toString() {
            return "Cancel[success=" + success() + ", date=" + date() + ", oid=" + oid + ", cancelOrderId="
                    + cancelOrderId() + ", type=" + type() + ", price=" + price() + ", amount=" + amount() + ", pair="
                    + pair + "]";
        }
    }
}
