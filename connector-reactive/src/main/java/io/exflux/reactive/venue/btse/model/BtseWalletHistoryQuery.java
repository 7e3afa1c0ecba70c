package io.exflux.reactive.venue.btse.model;

import java.time.Instant;

/**
 * The filters of {@code GET /api/v3.2/user/wallet_history}; every one may be {@code null} (not sent).
 *
 * @param currency           one currency, or all
 * @param startTime          the earliest record, sent as unix milliseconds
 * @param endTime            the latest record, sent as unix milliseconds
 * @param count              how many records at most, positive
 * @param useNewSymbolNaming futures markets in their new names ({@code BTC-PERP})
 */
public record BtseWalletHistoryQuery(String currency, Instant startTime, Instant endTime, Integer count,
                                     Boolean useNewSymbolNaming) {

    /** No filter: every currency, the venue's default window. */
    public static final BtseWalletHistoryQuery ALL = new BtseWalletHistoryQuery(null, null, null, null, null);
}
