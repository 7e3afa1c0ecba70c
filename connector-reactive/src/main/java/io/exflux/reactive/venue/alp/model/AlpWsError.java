package io.exflux.reactive.venue.alp.model;

import java.time.Instant;

/**
 * {@code ["error", time, message]} (document) or {@code ["error", time, message, operation]} (live,
 * e.g. {@code "Invalid topic: diff.NOPE_USDT","subscribe"}). {@code operation} is {@code null} when
 * absent; {@link #topic()} is the topic the message names, or {@code null}.
 */
public record AlpWsError(Instant time, String message, String operation) implements AlpMessage {

    private static final String INVALID_TOPIC = "invalid topic:";

    /** The topic this error is about when its text names one ({@code "Invalid topic: X"}), else {@code null}. */
    public String topic() {
        if (message == null) {
            return null;
        }
        int at = message.toLowerCase(java.util.Locale.ROOT).indexOf(INVALID_TOPIC);
        if (at < 0) {
            return null;
        }
        String rest = message.substring(at + INVALID_TOPIC.length()).trim();
        return rest.isEmpty() ? null : rest;
    }
}
