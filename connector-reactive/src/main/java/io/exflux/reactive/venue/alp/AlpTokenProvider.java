package io.exflux.reactive.venue.alp;

import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.ErrorContext;
import io.exflux.reactive.venue.alp.internal.AlpJwt;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * ALP's JWT for private calls, from {@code POST /auth}. Cached; renewed before its {@code exp} (read
 * from the payload, not verified); one renewal at a time however many calls wait (they share one
 * in-flight {@code Mono}); dropped on a 401 ({@link #invalidate}) so that the next call fetches a new
 * one. Lock-free. Time comes from the scheduler, so expiry is tested in virtual time. Never logs the token.
 */
public final class AlpTokenProvider {

    /** A token without {@code exp} is looked at again after this long (a timer must stay finite). */
    private static final Duration MAX_WAIT = Duration.ofHours(1);

    private final Supplier<Mono<String>> fetch;
    private final Scheduler scheduler;
    private final Duration margin;
    private final AtomicReference<Object> state = new AtomicReference<>();
    private final Sinks.Many<String> renewals = Sinks.many().multicast().directBestEffort();

    /** A held token and when to renew it. */
    private record Held(String jwt, Instant renewAt) {
        /** A record's own toString would print the token, which is as secret as a password. */
        @Override
        public String toString() {
            return "Held[jwt=****, renewAt=" + renewAt + "]";
        }
    }

    /** A fetch in flight, shared by every caller that asks meanwhile. */
    private record Pending(Mono<String> shared) {
    }

    /**
     * @param fetch     fetches a new token (the body of {@code POST /auth}, quotes already removed); cold
     * @param scheduler the clock of expiry decisions and the timer of proactive renewals
     * @param margin    renew this long before {@code exp} (at most a fifth of the token's life)
     */
    public AlpTokenProvider(Supplier<Mono<String>> fetch, Scheduler scheduler, Duration margin) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.margin = Objects.requireNonNull(margin, "margin");
    }

    /** A valid token: the cached one, or the result of the one renewal in flight. */
    public Mono<String> token() {
        return Mono.defer(() -> {
            for (;;) {
                Object current = state.get();
                if (current instanceof Held held && now().isBefore(held.renewAt())) {
                    return Mono.just(held.jwt());
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
        return held instanceof Held h ? h.jwt() : null;
    }

    /** Drops {@code jwt} (the venue answered 401 with it); a token renewed meanwhile is kept. */
    public void invalidate(String jwt) {
        Object current = state.get();
        if (current instanceof Held held && held.jwt().equals(jwt)) {
            state.compareAndSet(current, null);
        }
    }

    /** Every token fetched from now on, as it arrives. Hot. */
    public Flux<String> renewals() {
        return renewals.asFlux();
    }

    /**
     * The current token, then every renewed one; while subscribed, renews on its own before expiry so
     * that a socket authenticated with it can be re-authenticated in time. Cold per subscriber.
     */
    public Flux<String> watch() {
        Flux<String> proactive = token().expand(jwt -> Mono.delay(untilRenewal(), scheduler).then(token()));
        return Flux.merge(proactive, renewals()).distinctUntilChanged();
    }

    /** Time left before the held token should be renewed; zero when none is held. */
    Duration untilRenewal() {
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
                .map(jwt -> {
                    state.compareAndSet(self.get(), new Held(jwt, renewAt(jwt)));
                    renewals.tryEmitNext(jwt);
                    return jwt;
                })
                .switchIfEmpty(Mono.error(() -> new AuthenticationException("ALP token request answered nothing",
                        ErrorContext.local("alp"))))
                .doOnError(error -> state.compareAndSet(self.get(), null))
                .cache();
        Pending pending = new Pending(shared);
        self.set(pending);
        return pending;
    }

    private Instant renewAt(String jwt) {
        Instant now = now();
        return AlpJwt.expiry(jwt).map(exp -> {
            Duration life = Duration.between(now, exp);
            Duration early = life.dividedBy(5).compareTo(margin) < 0 ? life.dividedBy(5) : margin;
            return exp.minus(early.isNegative() ? Duration.ZERO : early);
        }).orElse(Instant.MAX);
    }

    private Instant now() {
        return Instant.ofEpochMilli(scheduler.now(TimeUnit.MILLISECONDS));
    }
}
