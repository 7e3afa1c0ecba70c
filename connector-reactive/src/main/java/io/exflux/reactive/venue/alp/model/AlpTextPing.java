package io.exflux.reactive.venue.alp.model;

/** The text frame {@code 1}: the document's ping, answered with the text {@code 2}. */
public record AlpTextPing() implements AlpMessage {
}
