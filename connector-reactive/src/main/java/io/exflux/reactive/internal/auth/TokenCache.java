package io.exflux.reactive.internal.auth;

import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.ErrorContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * A venue's access token (a bearer token, a session key), fetched by the venue's own call and cached: renewed
 * before its expiry minus a margin, one renewal at a time however many calls wait (they share one in-flight
 * {@code Mono}), dropped on {@link #invalidate} (the venue refused it) so that the next call fetches a new one.
 * Lock-free and never blocking. Time comes from the scheduler, so expiry is tested in virtual time. The token is
 * as secret as a password: it is never logged and never appears in a {@code toString()}.
 *
 * <p>The venue supplies the fetch (cold; subscribed once per renewal) and how to read a token's expiry (ALP: the
 * JWT's {@code exp} claim). A token without a readable expiry is kept until invalidated.
 */
public final class TokenCache {

    /** A token without expiry is looked at again after this long by {@link #watch()} (a timer must stay finite). */
    private static final Duration MAX_WAIT = Duration.ofHours(1);

    private final String venue;
    private final Supplier<Mono<String>> fetch;
    private final Function<String, Optional<Instant>> expiry;
    private final Scheduler scheduler;
    private final Duration margin;
    private final AtomicReference<Object> state = new AtomicReference<>();
    private final Sinks.Many<String> renewals = Sinks.many().multicast().directBestEffort();

    /** A held token and when to renew it. */
    private record Held(String token, Instant renewAt) {
        /** A record's own toString would print the token. */
        @Override
        public String toString() {
            return "Held[token=****, renewAt=" + renewAt + "]";
        }
    }

    /** A fetch in flight, shared by every caller that asks meanwhile. */
    private record Pending(Mono<String> shared) {
    }

    /**
     * @param venue     the venue id, for the error of a fetch that answers nothing
     * @param fetch     fetches a new token; cold
     * @param expiry    the token's expiry, or empty when it has none that can be read
     * @param scheduler the clock of expiry decisions and the timer of proactive renewals
     * @param margin    renew this long before expiry (at most a fifth of the token's life)
     */
    public TokenCache(String venue, Supplier<Mono<String>> fetch, Function<String, Optional<Instant>> expiry,
                      Scheduler scheduler, Duration margin) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.expiry = Objects.requireNonNull(expiry, "expiry");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.margin = Objects.requireNonNull(margin, "margin");
    }

    /**
     * A valid token: the cached one, or the result of the one renewal in flight. Cold; fails with the fetch's
     * error (typed by the venue's pipeline), or {@code AuthenticationException} when the fetch answers nothing.
     */
    public Mono<String> token() {
        return Mono.defer(() -> {
            for (;;) {
                Object current = state.get();
                if (current instanceof Held held && now().isBefore(held.renewAt())) {
                    return Mono.just(held.token());
                }
                if (current instanceof Pending pending) {
                    return pending.shared();
                }
                Pending next = newPending();
                if (state.compareAndSet(current, next)) {
                    return next.shared();
                }
            }
        });
    }

    /** The token held now, or {@code null} when none is held (never fetched, dropped, or being renewed). */
    public String current() {
        Object held = state.get();
        return held instanceof Held h ? h.token() : null;
    }

    /** Drops {@code token} (the venue refused it); a token renewed meanwhile is kept. */
    public void invalidate(String token) {
        Object current = state.get();
        if (current instanceof Held held && held.token().equals(token)) {
            state.compareAndSet(current, null);
        }
    }

    /** Every token fetched from now on, as it arrives. Hot; a subscriber that cannot keep up misses tokens. */
    public Flux<String> renewals() {
        return renewals.asFlux();
    }

    /**
     * The current token, then every renewed one; while subscribed, renews on its own before expiry so that a
     * connection authenticated with it can be re-authenticated in time. Cold per subscriber.
     */
    public Flux<String> watch() {
        Flux<String> proactive = token().expand(token -> Mono.delay(untilRenewal(), scheduler).then(token()));
        return Flux.merge(proactive, renewals()).distinctUntilChanged();
    }

    /** Time left before the held token should be renewed; zero when none is held. */
    public Duration untilRenewal() {
        Object current = state.get();
        if (current instanceof Held held) {
            if (held.renewAt().equals(Instant.MAX)) {
                return MAX_WAIT;
            }
            Duration left = Duration.between(now(), held.renewAt());
            return left.isNegative() ? Duration.ZERO : left.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : left;
        }
        return Duration.ZERO;
    }

    private Pending newPending() {
        AtomicReference<Pending> self = new AtomicReference<>();
        Mono<String> shared = fetch.get()
                .map(token -> {
                    state.compareAndSet(self.get(), new Held(token, renewAt(token)));
                    renewals.tryEmitNext(token);
                    return token;
                })
                .switchIfEmpty(Mono.error(() -> new AuthenticationException(venue + " token request answered nothing",
                        ErrorContext.local(venue))))
                .doOnError(error -> state.compareAndSet(self.get(), null))
                .cache();
        Pending pending = new Pending(shared);
        self.set(pending);
        return pending;
    }

    private Instant renewAt(String token) {
        Instant now = now();
        return expiry.apply(token).map(exp -> {
            Duration life = Duration.between(now, exp);
            Duration early = life.dividedBy(5).compareTo(margin) < 0 ? life.dividedBy(5) : margin;
            return exp.minus(early.isNegative() ? Duration.ZERO : early);
        }).orElse(Instant.MAX);
    }

    private Instant now() {
        return Instant.ofEpochMilli(scheduler.now(TimeUnit.MILLISECONDS));
    }

    @Override
    public String toString() {
        Object current = state.get();
        return "TokenCache[" + venue + ", " + (current instanceof Held held ? "held until " + held.renewAt()
                : current instanceof Pending ? "renewing" : "empty") + "]";
    }
}
