package io.exflux.api.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A withdrawal to send ({@code withdraw}). The record takes any values so that a client reports bad input as a
 * typed error; {@link #violations()} names what is wrong (a venue adds its own limits, such as a most number of
 * decimals).
 *
 * @param currency    the currency, for example {@code BTC}
 * @param network     the network as the venue names it ({@code fetchCurrencyNetworks}), or {@code null} for the
 *                    venue's default
 * @param amount      how much, positive
 * @param address     the destination address
 * @param tag         the memo or tag some chains need, or {@code null}
 * @param feeIncluded whether the venue takes its fee out of {@code amount} (true) or on top of it (false)
 */
public record WithdrawalRequest(
        String currency,
        String network,
        BigDecimal amount,
        String address,
        String tag,
        boolean feeIncluded) {

    /** A withdrawal without a tag, the fee taken out of the amount. */
    public static WithdrawalRequest of(String currency, String network, BigDecimal amount, String address) {
        return new WithdrawalRequest(currency, network, amount, address, null, true);
    }

    /** The same with this tag. */
    public WithdrawalRequest withTag(String value) {
        return new WithdrawalRequest(currency, network, amount, address, value, feeIncluded);
    }

    /** The same with the fee on top of the amount ({@code false}) or out of it ({@code true}). */
    public WithdrawalRequest withFeeIncluded(boolean value) {
        return new WithdrawalRequest(currency, network, amount, address, tag, value);
    }

    /** What is wrong with this request, one sentence per rule broken; empty when nothing is. */
    public List<String> violations() {
        return WalletRequestRules.violations(this);
    }
}
