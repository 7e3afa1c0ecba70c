package io.exflux.reactive.internal.unified;

import io.exflux.api.error.OrderOutcomeUnknownException;
import io.exflux.reactive.internal.http.RestClient;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Settles an order placement that failed ambiguously (the venue may have placed it), the same way for every venue:
 * the placement is never sent again; where the venue returns client order ids, the order is looked up by the
 * request's id and, when found, is the placement's result; otherwise the caller gets an
 * {@link OrderOutcomeUnknownException} that carries the request and says the order may exist. A failure that
 * proves the order was not placed (a 400, a refused connection) reaches the caller as it is.
 */
public final class ClientOrderIds {

    private ClientOrderIds() {
    }

    /**
     * The placement, settled after an ambiguous failure.
     *
     * @param placement     the placement call; cold, subscribed once
     * @param lookup        the order the venue holds with the request's client order id (empty when none has it),
     *                      or {@code null} when the request has no client order id or the venue does not return
     *                      them: then an ambiguous failure is reported as unknown without asking
     * @param unknown       makes the unknown-outcome error from the ambiguous failure
     * @param <T>           what a placement gives
     * @return a cold Mono of the placement's result or the found order; fails with the placement's own error, or
     *         with {@code OrderOutcomeUnknownException} (a failed lookup is suppressed in it)
     */
    public static <T> Mono<T> reconcile(Mono<T> placement, Supplier<Mono<T>> lookup,
                                        Function<Throwable, OrderOutcomeUnknownException> unknown) {
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(unknown, "unknown");
        return placement.onErrorResume(RestClient::mayHaveBeenProcessed, failure -> {
            if (lookup == null) {
                return Mono.error(unknown.apply(failure));
            }
            return Mono.defer(lookup)
                    .switchIfEmpty(Mono.error(() -> unknown.apply(failure)))
                    .onErrorMap(error -> !(error instanceof OrderOutcomeUnknownException), lookupFailure -> {
                        OrderOutcomeUnknownException error = unknown.apply(failure);
                        error.addSuppressed(lookupFailure);
                        return error;
                    });
        });
    }

    /** The message of an unknown outcome: what was sent, and that the order may exist. Holds no credential. */
    public static String unknownOutcome(String venue, String sentRequest, String clientOrderId) {
        return venue + ": the outcome of placing " + sentRequest + " is unknown; the order may exist. "
                + (clientOrderId == null ? "It carried no client order id; check the open orders and fills"
                : "Look for client order id " + clientOrderId + " among the open orders and fills")
                + " before placing it again.";
    }
}
