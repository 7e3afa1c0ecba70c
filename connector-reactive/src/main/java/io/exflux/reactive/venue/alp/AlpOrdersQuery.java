package io.exflux.reactive.venue.alp;

import io.exflux.reactive.venue.alp.model.AlpSide;
import java.time.Instant;

/**
 * Filters of {@code GET /accounts/order} as the official client sends them; each may be {@code null}
 * (not sent). The document lists no filter: {@link #ALL} sends none.
 */
public record AlpOrdersQuery(String pair, Boolean openOnly, AlpSide side, Instant startTime, Instant endTime) {

    /** No filter: the most recent orders, as documented. */
    public static final AlpOrdersQuery ALL = new AlpOrdersQuery(null, null, null, null, null);

    /** The open orders of one market (or of all with {@code null}). */
    public static AlpOrdersQuery open(String pair) {
        return new AlpOrdersQuery(pair, true, null, null, null);
    }
}
