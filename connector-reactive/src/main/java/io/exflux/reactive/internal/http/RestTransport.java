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

    /**
     * Sends the request once and runs {@code written} (at most once matters; it may run more) as soon as the
     * request is on the wire. A transport that cannot tell runs it when the answer or the failure arrives, which
     * is later but never too early. Used by {@link NonceOrderStep} to end its section.
     */
    default Mono<RestResponse> send(RestRequest request, Runnable written) {
        return send(request).doFinally(signal -> written.run());
    }
}
