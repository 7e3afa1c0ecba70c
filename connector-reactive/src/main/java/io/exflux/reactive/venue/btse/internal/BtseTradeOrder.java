package io.exflux.reactive.venue.btse.internal;

import io.exflux.api.model.Fill;
import io.exflux.api.model.Trade;
import java.util.Comparator;
import reactor.core.publisher.Flux;

/**
 * The order of BTSE's public trades: by time, then by trade number (the socket's {@code tradeId}, REST's
 * {@code serialId}: one number, see {@code docs/venues/btse.md}). Numbers are compared as numbers, not as text, so
 * that trade 1000 follows trade 999 within one millisecond. The account's fills go the same way, then by order id
 * (a trade between two orders of the account is a fill of each).
 */
public final class BtseTradeOrder {

    /** Oldest first. */
    public static final Comparator<Trade> OLDEST_FIRST = Comparator.comparing(Trade::timestamp)
            .thenComparingLong(trade -> number(trade.id()));

    /** The account's fills, oldest first. */
    public static final Comparator<Fill> FILLS_OLDEST_FIRST = Comparator.comparing(Fill::timestamp)
            .thenComparingLong(fill -> number(fill.id()))
            .thenComparing(Fill::orderId, Comparator.nullsFirst(Comparator.naturalOrder()));

    private BtseTradeOrder() {
    }

    /**
     * The live trades without those older than one already passed: BTSE starts a subscription (and every
     * resubscription after a reconnect) with a batch of recent trades, newest first, and what is older than the
     * newest trade delivered is either delivered already or for the REST back-fill to bring, in order. Cold, one
     * memory per subscriber; backpressure as {@code live}'s (a dropped trade is replaced by a request).
     */
    public static Flux<Trade> forwardOnly(Flux<Trade> live) {
        return Flux.defer(() -> {
            Trade[] newest = new Trade[1];
            return live.filter(trade -> {
                if (newest[0] != null && OLDEST_FIRST.compare(trade, newest[0]) < 0) {
                    return false;
                }
                newest[0] = trade;
                return true;
            });
        });
    }

    /** The trade number; an id that is not a number sorts first (BTSE's ids always are). */
    private static long number(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }
}
