package io.exflux.reactive.venue.v1.internal;

import io.exflux.api.error.InsufficientFundsException;
import io.exflux.api.error.NonceException;
import io.exflux.reactive.internal.http.StandardErrorMapper;

/**
 * The v1 error table on the engine's {@link StandardErrorMapper}. Bodies are {@code {"date":..,"error":".."}}
 * (BTC-Alpha's, e.g. {@code "Out of balance -9.99243661 BTC"}); bitexbit documents the statuses only: 400 the input
 * must change, 401 authentication, 403 not allowed (someone else's order), 429 rate limited (the engine pauses the
 * scope for its {@code Retry-After}), 500 and 502 unavailable. On top of the status:
 * <ul>
 *   <li>a refusal (4xx but 401, 403, 404, 429) whose message says "out of balance" or "insufficient": insufficient
 *       funds;</li>
 *   <li>a message that names the nonce: a nonce refusal.</li>
 * </ul>
 */
public final class V1Errors {

    private V1Errors() {
    }

    /** The table of one venue ({@code btc-alpha} or {@code bitexbit}, named in the errors). */
    public static StandardErrorMapper table(String venue) {
        return StandardErrorMapper.forVenue(venue)
                .codeFields("code")
                .messageFields("error", "message", "detail")
                .on(answer -> isRefusal(answer.status()) && (answer.messageContains("out of balance")
                        || answer.messageContains("insufficient")), InsufficientFundsException::new)
                .on(answer -> isRefusal(answer.status()) && answer.messageContains("nonce"), NonceException::new);
    }

    private static boolean isRefusal(int status) {
        return status >= 400 && status < 500 && status != 401 && status != 403 && status != 404 && status != 429;
    }
}
