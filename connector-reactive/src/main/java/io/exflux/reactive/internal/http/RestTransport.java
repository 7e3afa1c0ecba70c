package io.exflux.reactive.internal.http;

import reactor.core.publisher.Mono;

/**
 * The end of the pipeline: puts one request on the wire and reads the whole answer. Any status is an answer;
 * the Mono fails only when no answer came (connect failure, reset, timeout), with the transport's own exception.
 */
@FunctionalInterface
public interface RestTransport {

    /** Sends the request once. */
    Mono<RestResponse> send(RestRequest request);
}
