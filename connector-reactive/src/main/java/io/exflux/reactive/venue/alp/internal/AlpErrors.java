package io.exflux.reactive.venue.alp.internal;

import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.InsufficientFundsException;
import io.exflux.reactive.internal.http.StandardErrorMapper;
import java.util.Set;

/**
 * ALP's error table on the engine's {@link StandardErrorMapper}. The body is {@code {"code":..,"message":..}}
 * with a string or numeric code, sometimes {@code formErrors} (field errors of a 400, quoted in the message),
 * sometimes not JSON at all (a proxy's page); the status decides the type unless a row below says otherwise
 * (see {@code docs/venues/alp.md}):
 * <ul>
 *   <li>429, or a code saying rate limit / too many: rate limited, with the {@code Retry-After};</li>
 *   <li>code {@code UNAUTHORIZED} or {@code INVALID_SECRET}: authentication;</li>
 *   <li>404 to {@code POST /auth}: authentication. The document's table says an unknown API key is a 401, the
 *       live venue answers 404; both mean the key was refused, so both reach the user the same way;</li>
 *   <li>a code or message saying insufficient on a plain 4xx refusal (not 401, 403, 404 or 429: a 403 saying
 *       "insufficient permissions" stays a permission error): insufficient funds.</li>
 * </ul>
 */
public final class AlpErrors {

    /** The path of the token request, relative to the REST base URL. */
    public static final String AUTH_PATH = "/auth";

    private static final Set<Integer> NOT_A_REFUSAL_OF_THE_ORDER = Set.of(401, 403, 404, 429);

    private AlpErrors() {
    }

    /** The table; the REST client gives it the client's clock. */
    public static StandardErrorMapper table() {
        return StandardErrorMapper.forVenue("alp")
                .codeFields("code")
                .messageFields("message")
                .detailFields("formErrors")
                .onAnswer(answer -> answer.status() == 429 || answer.codeContains("RATE_LIMIT")
                        || answer.codeContains("TOO_MANY"), StandardErrorMapper.Answer::rateLimited)
                .onCode("UNAUTHORIZED", AuthenticationException::new)
                .onCode("INVALID_SECRET", AuthenticationException::new)
                .onStatus(404, request -> request.method().equals("POST") && request.path().equals(AUTH_PATH),
                        AuthenticationException::new)
                .on(answer -> answer.status() >= 400 && answer.status() < 500
                                && !NOT_A_REFUSAL_OF_THE_ORDER.contains(answer.status())
                                && (answer.codeContains("INSUFFICIENT") || answer.messageContains("insufficient")),
                        InsufficientFundsException::new);
    }
}
