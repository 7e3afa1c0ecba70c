package io.exflux.reactive.venue.v1.internal;

import io.exflux.reactive.internal.auth.NonceSource;
import io.exflux.reactive.internal.http.NonceOrderStep;
import io.exflux.reactive.internal.http.RestRequest;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Predicate;

/**
 * The one nonce-order step of each nonce source, so that every client of one API key on one {@code ClientResources}
 * (they share the key's nonce source) also shares the section in which nonces are taken and requests written:
 * otherwise two clients of one key could reach the venue out of nonce order. Held weakly: a source that is no longer
 * used takes its step with it. Looked up when a client is built, never on an event loop.
 */
public final class V1NonceOrder {

    private static final Map<NonceSource, NonceOrderStep> STEPS = new WeakHashMap<>();

    private V1NonceOrder() {
    }

    /** The step of this source, stamping {@code X-NONCE} on the requests {@code applies} accepts. */
    public static NonceOrderStep of(NonceSource nonces, Predicate<RestRequest> applies) {
        synchronized (STEPS) {
            return STEPS.computeIfAbsent(nonces, source -> new NonceOrderStep(source,
                    (request, nonce) -> request.withHeader("X-NONCE", Long.toString(nonce)), applies));
        }
    }
}
