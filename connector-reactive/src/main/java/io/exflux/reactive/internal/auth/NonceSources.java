package io.exflux.reactive.internal.auth;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link NonceSource} per API key: every client that signs with the same key must draw from the same source,
 * or their nonces interleave out of order. Share one instance between the clients of an application.
 */
public final class NonceSources {

    private final Clock clock;
    private final ConcurrentMap<String, NonceSource> byKey = new ConcurrentHashMap<>();

    /** Sources reading the given clock. */
    public NonceSources(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The source of this API key, created on first use. */
    public NonceSource forKey(String apiKey) {
        return byKey.computeIfAbsent(Objects.requireNonNull(apiKey, "apiKey"), key -> new NonceSource(clock));
    }

    @Override
    public String toString() {
        return "NonceSources[" + byKey.size() + " keys]";
    }
}
