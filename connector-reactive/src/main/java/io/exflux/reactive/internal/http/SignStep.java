package io.exflux.reactive.internal.http;

import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.ErrorContext;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Signs every attempt with the venue's {@link RequestSigner}, last before sending, so the signature covers the
 * exact bytes that leave (and, inside a {@link NonceOrderStep}, the nonce that attempt took). A signer that
 * produces nothing fails the call with an {@code AuthenticationException}; one that fails fails the call with
 * its error, and nothing is sent either way.
 */
public final class SignStep implements RestStep {

    private final RequestSigner signer;
    private final String venue;

    /** A step signing with {@code signer} for {@code venue} (named in its errors). */
    public SignStep(RequestSigner signer, String venue) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.venue = Objects.requireNonNull(venue, "venue");
    }

    @Override
    public Mono<RestResponse> process(RestRequest request, Chain next) {
        return signer.sign(request)
                .switchIfEmpty(Mono.error(() -> new AuthenticationException(
                        "the signer produced no request for " + request.method() + " " + request.path(),
                        ErrorContext.local(venue))))
                .flatMap(next::proceed);
    }

    @Override
    public String toString() {
        return "SignStep[" + venue + "]";
    }
}
