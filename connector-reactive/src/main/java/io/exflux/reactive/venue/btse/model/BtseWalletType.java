package io.exflux.reactive.venue.btse.model;

import java.util.Locale;

/**
 * The kind of a wallet history record. The wallet document (v3.2) types the column as an integer but describes it
 * with names (Deposit, Withdraw, Transfer_In, Transfer_Out, ReferralEarning) and shows {@code 1}; we read the
 * integers in the order the names are listed (1 Deposit ... 5 ReferralEarning, see {@code docs/venues/btse.md}).
 * BTSE's later documents send names, several more of them. Any other value is {@link #OTHER}; the record keeps the
 * raw value.
 */
public enum BtseWalletType {
    DEPOSIT,
    WITHDRAW,
    TRANSFER_IN,
    TRANSFER_OUT,
    REFERRAL_EARNING,
    CONVERT,
    /** A kind the connector does not single out (fee rebates, vouchers, strategy income...). */
    OTHER;

    /** Reads a code ({@code "1"}) or a name ({@code "Deposit"}, any case); {@code OTHER} for anything else. */
    public static BtseWalletType of(String raw) {
        if (raw == null) {
            return OTHER;
        }
        return switch (raw.trim().toUpperCase(Locale.ROOT)) {
            case "1", "DEPOSIT" -> DEPOSIT;
            case "2", "WITHDRAW" -> WITHDRAW;
            case "3", "TRANSFER_IN" -> TRANSFER_IN;
            case "4", "TRANSFER_OUT" -> TRANSFER_OUT;
            case "5", "REFERRALEARNING" -> REFERRAL_EARNING;
            case "CONVERT FIAT" -> CONVERT;
            default -> OTHER;
        };
    }
}
