package io.exflux.reactive.internal.http;

import reactor.core.publisher.Mono;

/**
 * One step of the REST pipeline (an azure-core "policy"): it may check or change the request, wait, and look at or
 * replace the answer. A step added {@linkplain RestClient.Builder#perCall per call} runs once per call before the
 * retry policy; one added {@linkplain RestClient.Builder#perAttempt per attempt} runs again for every attempt.
 * A step reports failure through the returned Mono, with an {@code io.exflux.api.error} exception.
 */
@FunctionalInterface
public interface RestStep {

    /** Processes the request, calling {@code next} (at most once per attempt) to go on down the pipeline. */
    Mono<RestResponse> process(RestRequest request, Chain next);

    /** The rest of the pipeline after a step. */
    @FunctionalInterface
    interface Chain {
        /** Sends the request on through the following steps and the transport. */
        Mono<RestResponse> proceed(RestRequest request);
    }
}
