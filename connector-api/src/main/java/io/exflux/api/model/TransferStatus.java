package io.exflux.api.model;

/** The state of a deposit or a withdrawal. */
public enum TransferStatus {
    PENDING,
    COMPLETED,
    FAILED,
    CANCELED,
    UNKNOWN
}
