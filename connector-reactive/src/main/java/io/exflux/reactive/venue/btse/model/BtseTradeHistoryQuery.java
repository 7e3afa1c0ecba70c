package io.exflux.reactive.venue.btse.model;

import java.time.Instant;

/**
 * The filters of {@code GET /api/v3.2/user/trade_history}. {@code symbol} is required; the others may be
 * {@code null}. BTSE serves a window of at most 7 days (the client refuses a longer one before sending).
 *
 * @param isMatchSymbol whether {@code symbol} must match exactly (rather than as a prefix)
 */
public record BtseTradeHistoryQuery(String symbol, Instant startTime, Instant endTime, Integer count,
                                    String clOrderID, String orderID, Boolean isMatchSymbol) {

    /** The recent trades of one market. */
    public static BtseTradeHistoryQuery of(String symbol) {
        return new BtseTradeHistoryQuery(symbol, null, null, null, null, null, null);
    }
}
