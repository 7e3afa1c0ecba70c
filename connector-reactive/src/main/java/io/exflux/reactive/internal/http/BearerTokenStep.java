package io.exflux.reactive.internal.http;

import io.exflux.reactive.internal.auth.TokenCache;
import java.util.Objects;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;

/**
 * Adds {@code Authorization: Bearer <token>} to the requests it applies to (azure-core's bearer-token policy).
 * When the venue answers 401 the token is dropped from the cache and the request is sent once more with a fresh
 * one: a 401 means the venue did not act on the request, so even an order may be resent. A second 401 is the
 * answer (the error mapper makes it an {@code AuthenticationException}).
 *
 * <p>It runs first in every attempt, before the rate limit: a call that must first fetch a token (itself a call
 * through the same pipeline, which this step skips) holds no permit meanwhile, and the resend after a 401 takes
 * its own permit and its own signature.
 */
public final class BearerTokenStep implements RestStep {

    private final TokenCache tokens;
    private final Predicate<RestRequest> applies;

    /**
     * @param tokens  the token source
     * @param applies which requests carry the token: private calls, never the call that fetches the token
     */
    public BearerTokenStep(TokenCache tokens, Predicate<RestRequest> applies) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.applies = Objects.requireNonNull(applies, "applies");
    }

    @Override
    public Mono<RestResponse> process(RestRequest request, Chain next) {
        if (!applies.test(request)) {
            return next.proceed(request);
        }
        return tokens.token().flatMap(token -> next.proceed(withToken(request, token))
                .flatMap(response -> response.status() != 401 ? Mono.just(response) : Mono.defer(() -> {
                    tokens.invalidate(token);
                    return tokens.token().flatMap(fresh -> next.proceed(withToken(request, fresh)));
                })));
    }

    private static RestRequest withToken(RestRequest request, String token) {
        return request.withHeader("Authorization", "Bearer " + token);
    }

    @Override
    public String toString() {
        return "BearerTokenStep[" + tokens + "]";
    }
}
