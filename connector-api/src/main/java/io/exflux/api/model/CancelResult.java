package io.exflux.api.model;

import java.util.Objects;

/**
 * The venue's answer for one order of a cancel request.
 *
 * @param canceled true when the venue says it cancelled the order
 * @param message  the venue's text for this order (for example "order not found"), or {@code null}
 */
public record CancelResult(String orderId, boolean canceled, String message) {

    /** The order id is required. */
    public CancelResult {
        Objects.requireNonNull(orderId, "orderId");
    }
}
