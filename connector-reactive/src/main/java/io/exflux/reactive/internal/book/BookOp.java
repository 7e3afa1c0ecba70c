package io.exflux.reactive.internal.book;

import io.exflux.api.model.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One change of one resting order, for venues whose book events name their orders (see {@link OrderIdBook}). Each is
 * idempotent against a book that already holds its effect: placing an order the book has, filling or removing one it
 * lacks, changes nothing.
 */
public sealed interface BookOp {

    /** The order changed. */
    long id();

    /** A new resting order (what remained of it after matching). */
    record Place(long id, Side side, BigDecimal price, BigDecimal amount) implements BookOp {
        public Place {
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** A trade took {@code amount} off a resting order; what reaches zero leaves the book. */
    record Fill(long id, BigDecimal amount) implements BookOp {
        public Fill {
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** A resting order left the book (cancelled). */
    record Remove(long id) implements BookOp {
    }
}
