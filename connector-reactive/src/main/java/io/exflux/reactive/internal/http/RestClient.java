package io.exflux.reactive.internal.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.ProtocolException;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.internal.ratelimit.RateLimiter;
import io.exflux.reactive.internal.resources.SharedResources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reactor.core.Disposable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A venue's REST client: sends {@link RestRequest}s through the pipeline
 * <pre>
 *   validation, per-call steps            (once per call)
 *   retry policy                          (backoff with jitter, Retry-After, idempotent calls only after
 *                                          an ambiguous failure)
 *   rate limit, per-attempt steps, signer (again for every attempt: fresh nonce, fresh signature)
 *   reactor-netty                          (pooled, timeouts, its own retry off)
 * </pre>
 * and maps the final answer with the venue's {@link ErrorMapper}. Every failure arrives through the returned Mono
 * as an {@code io.exflux.api.error} exception: bad requests as {@code InvalidRequestException} before anything is
 * sent, no answer in time as {@code RequestTimeoutException}, and so on.
 *
 * <pre>{@code
 * RestClient rest = RestClient.builder(options)
 *         .errorMapper(StandardErrorMapper.forVenue("alp"))
 *         .signer(request -> Mono.just(request.withHeader("X-SIGN", signer.signHex(request.body()))))
 *         .build();
 * Mono<List<AlpTicker>> tickers = rest.retrieve(RestRequest.get("/api/v3/ticker").query("pair", "BTC_USDT").build(),
 *         new TypeReference<>() { });
 * }</pre>
 *
 * The client runs on the options' {@link ClientResources} (pool, loops, scheduler, rate limiters shared by API key),
 * or on resources it creates for itself when given none; disposing it closes only those.
 */
public final class RestClient implements Disposable {

    private static final Logger LOG = LoggerFactory.getLogger(RestClient.class);

    private final RestOptions options;
    private final ErrorMapper errorMapper;
    private final List<RestStep> perCall;
    private final List<RestStep> perAttempt;
    private final RestTransport transport;
    private final NettyTransport netty;
    private final SharedResources resources;
    /** The resources this client created because it was given none; closed with it. */
    private final ClientResources ownResources;
    private volatile boolean disposed;

    private RestClient(Builder builder) {
        this.options = builder.options;
        this.ownResources = options.resources() == null
                ? ClientResources.builder().pool(options.http()).build() : null;
        this.resources = SharedResources.of(ownResources != null ? ownResources : options.resources());
        this.errorMapper = builder.errorMapper != null ? builder.errorMapper
                : StandardErrorMapper.forVenue(options.venue()).withClock(resources.clock());
        this.netty = builder.transport == null ? new NettyTransport(options, resources) : null;
        this.transport = builder.transport == null ? netty : builder.transport;
        RateLimiter limiter = resources.rateLimiter(options.venue(), options.apiKey(), options.rateLimits(),
                options.defaultRateLimit());
        List<RestStep> calls = new ArrayList<>();
        calls.add(new ValidationStep(options.venue()));
        calls.addAll(builder.perCall);
        calls.add(new RetryStep(options, resources.scheduler(), resources.clock()));
        this.perCall = List.copyOf(calls);
        List<RestStep> attempts = new ArrayList<>();
        attempts.add(new RateLimitStep(limiter, resources.clock()));
        attempts.addAll(builder.perAttempt);
        if (builder.signer != null) {
            RequestSigner signer = builder.signer;
            attempts.add((request, next) -> signer.sign(request)
                    .switchIfEmpty(Mono.error(() -> new AuthenticationException(
                            "the signer produced no request for " + request.method() + " " + request.path(),
                            ErrorContext.local(options.venue()))))
                    .flatMap(next::proceed));
        }
        this.perAttempt = List.copyOf(attempts);
    }

    /** A builder for a client with these options. */
    public static Builder builder(RestOptions options) {
        return new Builder(options);
    }

    /** The options. */
    public RestOptions options() {
        return options;
    }

    /**
     * Sends the request; emits the successful answer, or fails with the typed error of a failed one. Nothing
     * happens until subscribed; cancelling releases the connection.
     */
    public Mono<RestResponse> exchange(RestRequest request) {
        if (request == null) {
            return Mono.error(new io.exflux.api.error.InvalidRequestException("request is missing",
                    ErrorContext.local(options.venue())));
        }
        return step(0, request)
                .onErrorMap(error -> !(error instanceof ExchangeException),
                        error -> TransportFailure.of(error).toException(error, request, options.venue(),
                                options.baseUrl()))
                .flatMap(response -> {
                    Optional<ExchangeException> error;
                    try {
                        error = errorMapper.toError(request, response);
                    } catch (RuntimeException mapperFailure) {
                        error = Optional.of(new ProtocolException("could not interpret the answer "
                                + response.status() + " to " + request.method() + " " + request.path(),
                                new ErrorContext(options.venue(), response.status(), null, null), mapperFailure));
                    }
                    return error.isPresent() ? Mono.error(error.get()) : Mono.just(response);
                });
    }

    /** Sends the request and decodes a successful answer's body with {@link Json#mapper()}. */
    public <T> Mono<T> retrieve(RestRequest request, Class<T> type) {
        return type == null ? missingType() : retrieve(request, Json.mapper().constructType(type));
    }

    /** Sends the request and decodes a successful answer's body into a generic type. */
    public <T> Mono<T> retrieve(RestRequest request, TypeReference<T> type) {
        return type == null ? missingType() : retrieve(request, Json.mapper().constructType(type));
    }

    private <T> Mono<T> missingType() {
        return Mono.error(() -> new io.exflux.api.error.InvalidRequestException("the type to decode the answer into "
                + "is missing", ErrorContext.local(options.venue())));
    }

    /** Sends the request and reads a successful answer's body as a JSON tree. */
    public Mono<JsonNode> retrieveTree(RestRequest request) {
        return retrieve(request, JsonNode.class);
    }

    private <T> Mono<T> retrieve(RestRequest request, JavaType type) {
        return exchange(request).handle((response, sink) -> {
            try {
                T value = Json.mapper().readValue(response.bodyUnsafe(), type);
                if (value == null) {
                    sink.error(undecodable(request, response, type, null));
                } else {
                    sink.next(value);
                }
            } catch (IOException malformed) {
                sink.error(undecodable(request, response, type, malformed));
            }
        });
    }

    private ProtocolException undecodable(RestRequest request, RestResponse response, JavaType type,
                                          Throwable cause) {
        String body = response.bodyAsString();
        return new ProtocolException("could not read the answer to " + request.method() + " " + request.path()
                + " as " + type.getRawClass().getSimpleName(),
                new ErrorContext(options.venue(), response.status(), null, body.isEmpty() ? null : body), cause);
    }

    /** Connections to this client's host in use by a request right now (0 for a custom transport or a caller's pool). */
    public int activeConnections() {
        return netty == null ? 0 : netty.acquiredConnections();
    }

    /** Connections to this client's host the pool holds, in use or idle (0 for a custom transport or a caller's pool). */
    public int pooledConnections() {
        return netty == null ? 0 : netty.allocatedConnections();
    }

    /** The resources this client runs on: the given ones, or those it created. */
    public ClientResources resources() {
        return resources;
    }

    /**
     * Closes the resources this client created for itself (its pool and loops), without waiting; given resources
     * belong to the caller and stay open. A failure to close is logged (no caller is left to tell).
     */
    @Override
    public void dispose() {
        disposeLater().subscribe(null, error -> LOG.warn("closing the {} client's resources failed",
                options.venue(), error));
    }

    /** As {@link #dispose()}; completes when the created resources are closed. */
    public Mono<Void> disposeLater() {
        disposed = true;
        return ownResources == null ? Mono.empty() : ownResources.shutdown();
    }

    @Override
    public boolean isDisposed() {
        return disposed;
    }

    @Override
    public String toString() {
        return "RestClient[" + options.venue() + " " + options.baseUrl() + "]";
    }

    private Mono<RestResponse> step(int index, RestRequest request) {
        int callSteps = perCall.size();
        RestStep step = index < callSteps ? perCall.get(index)
                : index - callSteps < perAttempt.size() ? perAttempt.get(index - callSteps) : null;
        if (step == null) {
            return Mono.defer(() -> transport.send(request));
        }
        // a step that throws instead of returning an error Mono still fails only this call
        return Mono.defer(() -> step.process(request, next -> step(index + 1, next)));
    }

    /** Builds a {@link RestClient}. */
    public static final class Builder {

        private final RestOptions options;
        private ErrorMapper errorMapper;
        private RequestSigner signer;
        private final List<RestStep> perCall = new ArrayList<>();
        private final List<RestStep> perAttempt = new ArrayList<>();
        private RestTransport transport;

        private Builder(RestOptions options) {
            this.options = Objects.requireNonNull(options, "options");
        }

        /** The venue's error mapping (default: {@link StandardErrorMapper} for the options' venue, on the resources' clock). */
        public Builder errorMapper(ErrorMapper errorMapper) {
            this.errorMapper = Objects.requireNonNull(errorMapper, "errorMapper");
            return this;
        }

        /** Authenticates every attempt, last before sending; leave unset for public endpoints. */
        public Builder signer(RequestSigner signer) {
            this.signer = signer;
            return this;
        }

        /** Adds a step that runs once per call, after validation and before the retry policy. */
        public Builder perCall(RestStep step) {
            perCall.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /** Adds a step that runs for every attempt, after the rate limit and before the signer. */
        public Builder perAttempt(RestStep step) {
            perAttempt.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /** Replaces the reactor-netty transport (tests, or a venue with special needs). */
        public Builder transport(RestTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** The client. */
        public RestClient build() {
            return new RestClient(this);
        }
    }
}
