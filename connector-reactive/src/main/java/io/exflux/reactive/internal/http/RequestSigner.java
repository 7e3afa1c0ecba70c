package io.exflux.reactive.internal.http;

import reactor.core.publisher.Mono;

/**
 * Authenticates a request: the venue's SPI. Called once per attempt, right before sending, so every attempt carries
 * a fresh nonce and a signature over the exact bytes that are sent. Typically adds headers with
 * {@link RestRequest#withHeader}; asynchronous so that a token provider (ALP's JWT) can fetch or refresh first.
 */
@FunctionalInterface
public interface RequestSigner {

    /** The request with its authentication added. */
    Mono<RestRequest> sign(RestRequest request);
}
