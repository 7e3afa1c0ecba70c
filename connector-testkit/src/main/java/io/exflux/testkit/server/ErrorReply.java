package io.exflux.testkit.server;

/**
 * How a venue words an error answer: the status and a human message in, the venue's own body shape out
 * (ALP: {@code {"code":"BAD_REQUEST","message":...}}). {@link Params}, {@link RouteTable},
 * {@link VenueFaults} and the request size limit answer through it, so each venue's errors look like its
 * document says without those pieces knowing the venue.
 */
@FunctionalInterface
public interface ErrorReply {

    /** The answer for this status (400, 401, 404, 405, 406, 413, 429, ...) and message. */
    FakeResponse error(int status, String message);

    /** 429 with {@code Retry-After: 1}: the answer of a spent request budget and of an injected 429. */
    default FakeResponse tooManyRequests() {
        return error(429, "too many requests").withHeader("Retry-After", "1");
    }

    /** The answer refused as an exception, for code that finds the problem deep inside a handler. */
    default RequestRefused refuse(int status, String message) {
        return new RequestRefused(error(status, message));
    }
}
