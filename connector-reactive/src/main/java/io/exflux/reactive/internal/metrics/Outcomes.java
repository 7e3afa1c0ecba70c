package io.exflux.reactive.internal.metrics;

/** The outcome tags of a REST call: low cardinality, no message text (which may quote a venue's answer). */
final class Outcomes {

    private Outcomes() {
    }

    /** {@code success} or {@code error}. */
    static String outcome(Throwable error) {
        return error == null ? "success" : "error";
    }

    /** The error's type ({@code RateLimitedException}, ...), or {@code none}. */
    static String error(Throwable error) {
        return error == null ? "none" : error.getClass().getSimpleName();
    }
}
