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
     * Sends the request once with the attempt's {@link WriteHooks}: waits for {@code departure} as late as it can
     * before writing, and runs {@code written} as soon as the request is on the wire. A transport that cannot tell
     * waits before it starts, and runs {@code written} when the answer or the failure arrives, which is later but
     * never too early.
     */
    default Mono<RestResponse> send(RestRequest request, WriteHooks hooks) {
        Mono<RestResponse> sent = Mono.defer(() -> send(request)).doFinally(signal -> hooks.written().run());
        return hooks.departure() == null ? sent : hooks.departure().then(sent);
    }
}
