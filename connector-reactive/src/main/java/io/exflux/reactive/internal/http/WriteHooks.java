package io.exflux.reactive.internal.http;

import reactor.core.publisher.Mono;

/**
 * What steps ask of the transport around the moment one attempt is written (see {@link RestTransport}).
 *
 * @param departure completes when the request may leave: the rate limit's pacing of departures
 *                  ({@code RateLimitStep}), waited for once the connection is ready; {@code null} to leave at once
 * @param written   run as soon as the request is on the wire (at most once matters; it may run more): the end of a
 *                  {@link NonceOrderStep} section; never {@code null}
 */
public record WriteHooks(Mono<Void> departure, Runnable written) {

    private static final Runnable NOTHING = () -> { };

    /** Checks the parts; a missing {@code written} does nothing. */
    public WriteHooks {
        written = written == null ? NOTHING : written;
    }
}
