package io.exflux.reactive.venue.v1.internal;

import io.exflux.reactive.ClientResources;
import io.exflux.reactive.internal.http.NonceOrderStep;
import io.exflux.reactive.internal.http.RestRequest;
import io.exflux.reactive.internal.resources.SharedResources;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Predicate;

/**
 * The one nonce-order step of each venue and API key on one {@code ClientResources}, so that every client of a key
 * (they share the key's nonce source) also shares the section in which nonces are taken and requests written:
 * otherwise two clients of one key could reach the venue out of nonce order. Held weakly by the resources (a step
 * refers to its nonce source, never to the resources), so closed and forgotten resources take their steps with them.
 * Looked up when a client is built, never on an event loop.
 */
public final class V1NonceOrder {

    private static final Map<ClientResources, Map<String, NonceOrderStep>> STEPS = new WeakHashMap<>();

    private V1NonceOrder() {
    }

    /** The step of this venue and key on these resources, stamping {@code X-NONCE} on what {@code applies} accepts. */
    public static NonceOrderStep of(ClientResources resources, String venue, String apiKey,
                                    Predicate<RestRequest> applies) {
        synchronized (STEPS) {
            return STEPS.computeIfAbsent(resources, r -> new HashMap<>()).computeIfAbsent(venue + '\n' + apiKey,
                    key -> new NonceOrderStep(SharedResources.of(resources).nonceSource(venue, apiKey),
                            (request, nonce) -> request.withHeader("X-NONCE", Long.toString(nonce)), applies));
        }
    }
}
