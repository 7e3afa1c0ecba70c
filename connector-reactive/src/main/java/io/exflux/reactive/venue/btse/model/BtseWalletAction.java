package io.exflux.reactive.venue.btse.model;

/** The {@code action} of {@code GET /api/v3.2/availableCurrencies}: which wallet operation the list is for. */
public enum BtseWalletAction {
    CONVERT,
    WITHDRAW,
    /** A transfer to another user. */
    SEND
}
