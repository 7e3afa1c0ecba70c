package io.exflux.reactive.venue.btse.model;

import java.util.Locale;

/**
 * The status of a wallet history record. The wallet document (v3.2) sends integers (1 PENDING, 2 PROCESSING,
 * 10 COMPLETED, 16 CANCELLED); BTSE's later documents send names, with EXPIRED and FAILURE added. Both read the same.
 */
public enum BtseWalletStatus {
    PENDING,
    PROCESSING,
    COMPLETED,
    CANCELLED,
    EXPIRED,
    FAILURE,
    /** A value we do not know; the record keeps the raw text. */
    UNKNOWN;

    /** Reads a code ({@code "10"}) or a name ({@code "COMPLETED"}); {@code UNKNOWN} for anything else. */
    public static BtseWalletStatus of(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        return switch (raw.trim().toUpperCase(Locale.ROOT)) {
            case "1", "PENDING" -> PENDING;
            case "2", "PROCESSING" -> PROCESSING;
            case "10", "COMPLETED" -> COMPLETED;
            case "16", "CANCELLED", "CANCELED" -> CANCELLED;
            case "EXPIRED" -> EXPIRED;
            case "FAILURE", "FAILED" -> FAILURE;
            default -> UNKNOWN;
        };
    }
}
