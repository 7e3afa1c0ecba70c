package io.exflux.reactive;

import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.config.HttpOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * What the clients of an application share: event loops, the REST connection pool, the scheduler (and the clock
 * read from it), the rate limits and nonce sequences of each API key, the reconnect {@link Backoff}, and a hook that
 * configures every {@link HttpClient} (proxy, TLS, wiretap).
 *
 * <p>Two clients of one venue on one API key that share a {@code ClientResources} share that key's rate limits and
 * nonce sequence, so together they never send faster than the venue allows; public rate limits are shared by every
 * client of the venue. Pass one instance to every venue's options ({@code XxxOptions.builder().resources(...)}); a
 * client given none creates its own and shuts it down when it closes.
 *
 * <pre>{@code
 * ClientResources resources = ClientResources.create();
 * AlpExchangeClient a = AlpExchangeClient.create(AlpOptions.builder().resources(resources).credentials(key).build());
 * AlpExchangeClient b = AlpExchangeClient.create(AlpOptions.builder().resources(resources).credentials(key).build());
 * ...
 * Mono.when(a.closeGracefully(), b.closeGracefully()).then(resources.shutdown()).subscribe();
 * }</pre>
 *
 * Every timer of the clients (backoff, rate limits, heartbeats, token expiry, grace periods) runs on
 * {@link #scheduler()}, and every timestamp they take is {@link #clock()}: a {@code VirtualTimeScheduler} drives them
 * all in tests.
 */
public interface ClientResources {

    /** The default reconnect backoff: full jitter over 100 ms doubling up to 30 s. */
    Backoff DEFAULT_RECONNECT_BACKOFF = Backoff.fullJitter(Duration.ofMillis(100), Duration.ofSeconds(30));

    /** Resources with every default: own event loops and pool (closed by {@link #shutdown()}), parallel scheduler. */
    static ClientResources create() {
        return builder().build();
    }

    /** A builder holding every default. */
    static Builder builder() {
        return new Builder();
    }

    /** The event loops of every REST and websocket connection. */
    LoopResources loopResources();

    /** The pool of REST connections (websockets hold their own connection for their life, on the same loops). */
    ConnectionProvider connectionProvider();

    /** The scheduler of every timer. */
    Scheduler scheduler();

    /** The clock of every timestamp: {@code scheduler().now(...)}, so virtual time moves it too. */
    Clock clock();

    /** The reconnect backoff of every websocket whose stream options name none. */
    Backoff reconnectBackoff();

    /** Applied to every {@link HttpClient} the clients create, REST and websocket alike. */
    UnaryOperator<HttpClient> httpClientCustomizer();

    /**
     * Closes what these resources created (event loops, connection pool); a provider or loops the builder was given
     * belong to the caller and stay open. Completes once closed; later calls return the same result.
     */
    Mono<Void> shutdown();

    /** Whether {@link #shutdown()} was called. */
    boolean isShutdown();

    /** Builds {@link ClientResources}. */
    final class Builder {
        LoopResources loopResources;
        ConnectionProvider connectionProvider;
        Scheduler scheduler = Schedulers.parallel();
        Backoff reconnectBackoff = DEFAULT_RECONNECT_BACKOFF;
        UnaryOperator<HttpClient> httpClientCustomizer = UnaryOperator.identity();
        HttpOptions pool = HttpOptions.defaults();
        MeterRegistry meterRegistry;
        ObservationRegistry observationRegistry;

        private Builder() {
        }

        /** Event loops of the caller's; they stay open after {@link ClientResources#shutdown()}. */
        public Builder loopResources(LoopResources value) {
            loopResources = Objects.requireNonNull(value, "loopResources");
            return this;
        }

        /** A connection pool of the caller's; it stays open after {@link ClientResources#shutdown()}. */
        public Builder connectionProvider(ConnectionProvider value) {
            connectionProvider = Objects.requireNonNull(value, "connectionProvider");
            return this;
        }

        /** The settings of the pool these resources create when given none: its size, wait and idle time. */
        public Builder pool(HttpOptions value) {
            pool = Objects.requireNonNull(value, "pool");
            return this;
        }

        /** The scheduler of every timer (default {@code Schedulers.parallel()}; a virtual-time one in tests). */
        public Builder scheduler(Scheduler value) {
            scheduler = Objects.requireNonNull(value, "scheduler");
            return this;
        }

        /** The reconnect backoff of every websocket ({@link ClientResources#DEFAULT_RECONNECT_BACKOFF}). */
        public Builder reconnectBackoff(Backoff value) {
            reconnectBackoff = Objects.requireNonNull(value, "reconnectBackoff");
            return this;
        }

        /** Configures every {@link HttpClient}: a proxy, TLS settings, a wiretap. */
        public Builder httpClientCustomizer(UnaryOperator<HttpClient> value) {
            httpClientCustomizer = Objects.requireNonNull(value, "httpClientCustomizer");
            return this;
        }

        /**
         * Records the clients' meters in this registry: REST call timers, retries, 429s, rate-limit waits,
         * reconnects, malformed frames, overflows, book resyncs, live sockets and topics, messages per topic (names
         * in {@code docs/guide/metrics.md}). Without one nothing is recorded and no Micrometer class is loaded;
         * micrometer-core is an optional dependency the application brings.
         */
        public Builder meterRegistry(MeterRegistry value) {
            meterRegistry = Objects.requireNonNull(value, "meterRegistry");
            return this;
        }

        /**
         * Observes every REST call ({@code exflux.rest.call}) in this registry, as a child of the observation the
         * caller's Reactor {@code Context} holds (as put there by Micrometer's context propagation or
         * {@code tap(Micrometer.observation(...))}), so traces cross the client. micrometer-observation is an
         * optional dependency the application brings.
         */
        public Builder observationRegistry(ObservationRegistry value) {
            observationRegistry = Objects.requireNonNull(value, "observationRegistry");
            return this;
        }

        /** The resources. */
        public ClientResources build() {
            return new DefaultClientResources(this);
        }
    }
}
