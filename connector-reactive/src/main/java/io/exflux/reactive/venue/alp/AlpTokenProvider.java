package io.exflux.reactive.venue.alp;

import io.exflux.reactive.internal.auth.TokenCache;
import io.exflux.reactive.venue.alp.internal.AlpJwt;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * ALP's JWT for private calls and the private websocket, from {@code POST /auth}: a thin venue-typed face of the
 * engine's token cache, kept because {@link AlpStreamClient}'s public constructor takes it. The cache renews the
 * token before its {@code exp} claim (read, not verified), shares one renewal among all waiters, drops it on a
 * 401 and never prints it.
 */
public final class AlpTokenProvider {

    private final TokenCache cache;

    /**
     * @param fetch     fetches a new token (the body of {@code POST /auth}, quotes already removed); cold
     * @param scheduler the clock of expiry decisions and the timer of proactive renewals
     * @param margin    renew this long before {@code exp} (at most a fifth of the token's life)
     */
    public AlpTokenProvider(Supplier<Mono<String>> fetch, Scheduler scheduler, Duration margin) {
        this.cache = new TokenCache("alp", Objects.requireNonNull(fetch, "fetch"), AlpJwt::expiry, scheduler, margin);
    }

    /** A valid token: the cached one, or the result of the one renewal in flight. Cold. */
    public Mono<String> token() {
        return cache.token();
    }

    /** The token held now, or {@code null} when none is held. */
    public String current() {
        return cache.current();
    }

    /** Drops {@code jwt} (the venue answered 401 with it); a token renewed meanwhile is kept. */
    public void invalidate(String jwt) {
        cache.invalidate(jwt);
    }

    /** Every token fetched from now on, as it arrives. Hot. */
    public Flux<String> renewals() {
        return cache.renewals();
    }

    /** The current token, then every renewed one, renewing on its own before expiry while subscribed. Cold. */
    public Flux<String> watch() {
        return cache.watch();
    }

    /** The cache behind this provider, for the REST pipeline's bearer step. */
    TokenCache cache() {
        return cache;
    }

    @Override
    public String toString() {
        return "AlpTokenProvider[" + cache + "]";
    }
}
