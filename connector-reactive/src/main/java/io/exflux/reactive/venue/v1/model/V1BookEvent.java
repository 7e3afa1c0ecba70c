package io.exflux.reactive.venue.v1.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A socket event of a {@code book_<PAIR>} channel. {@code pair} is the payload's when it carries one, else the
 * channel's (BTC-Alpha's new-order event has none); {@code success} is {@code null} where the venue leaves it out.
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
     */
    record NewOrder(Boolean success, Instant date, long oid, V1Side type, BigDecimal price, BigDecimal amount,
                    String pair, List<V1Trade> trades) implements V1BookEvent {
        public NewOrder {
            trades = List.copyOf(trades);
        }

        @Override
        public NewOrder withPair(String value) {
            return new NewOrder(success, date, oid, type, price, amount, value, trades);
        }
    }

    /**
     * An order cancelled by its owner: {@code oid} is the order that left the book, {@code amount} what it left
     * there; {@code cancelOrderId} is bitexbit's extra id (of the cancel request, see {@code docs/venues/v1.md}),
     * {@code null} on BTC-Alpha.
     */
    record Cancel(Boolean success, Instant date, long oid, Long cancelOrderId, V1Side type, BigDecimal price,
                  BigDecimal amount, String pair) implements V1BookEvent {
        @Override
        public Cancel withPair(String value) {
            return new Cancel(success, date, oid, cancelOrderId, type, price, amount, value);
        }
    }
}
