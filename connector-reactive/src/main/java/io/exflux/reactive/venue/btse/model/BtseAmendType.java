package io.exflux.reactive.venue.btse.model;

/** The {@code type} of an amendment ({@code PUT /api/v3.2/order}): what {@code value} changes, or ALL of them. */
public enum BtseAmendType {
    PRICE,
    SIZE,
    TRIGGERPRICE,
    /** Price, size and trigger price at once ({@code orderPrice}, {@code orderSize}, {@code triggerPrice}). */
    ALL
}
