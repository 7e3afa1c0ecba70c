package io.exflux.reactive.venue.btse.model;

import java.math.BigDecimal;

/**
 * The body of {@code POST /api/v3.2/user/wallet/withdraw}.
 *
 * @param currency           the currency-network pair, for example {@code BTC-Bitcoin}
 * @param address            the destination address
 * @param tag                the tag some chains need, or {@code null} (sent empty: the document marks it required)
 * @param amount             at most 8 decimals (BTSE answers 3506 otherwise; the client refuses before sending)
 * @param includeWithdrawFee whether the fee is taken out of the amount; {@code null} leaves the venue's default
 *                           (included)
 */
public record BtseWithdrawalRequest(String currency, String address, String tag, BigDecimal amount,
                                    Boolean includeWithdrawFee) {
}
