package io.exflux.api.error;

/**
 * Where an error came from: the venue, the HTTP status, the venue's own error code and the start of
 * the raw body. The body is cut to {@link #MAX_BODY} characters so that a huge page never reaches a log.
 *
 * @param venue      the venue id, for example {@code alp}
 * @param httpStatus the HTTP status, or {@code 0} when the error did not come from an HTTP answer
 * @param venueCode  the venue's error code, or {@code null}
 * @param rawBody    the start of the answer's body, or {@code null}
 */
public record ErrorContext(String venue, int httpStatus, String venueCode, String rawBody) {

    /** The most characters of a raw body kept. */
    public static final int MAX_BODY = 512;

    /** Keeps at most {@link #MAX_BODY} characters of the body. */
    public ErrorContext {
        if (rawBody != null && rawBody.length() > MAX_BODY) {
            rawBody = rawBody.substring(0, MAX_BODY) + "...(" + rawBody.length() + " chars)";
        }
    }

    /** A context for errors found before anything was sent. */
    public static ErrorContext local(String venue) {
        return new ErrorContext(venue, 0, null, null);
    }
}
