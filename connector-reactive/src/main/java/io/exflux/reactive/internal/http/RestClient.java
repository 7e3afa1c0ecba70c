package io.exflux.reactive.internal.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.ProtocolException;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.internal.auth.SecretRedactor;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.internal.metrics.EngineMetrics;
import io.exflux.reactive.internal.metrics.Operations;
import io.exflux.reactive.internal.ratelimit.RateLimiter;
import io.exflux.reactive.internal.resources.DeadlineTimer;
import io.exflux.reactive.internal.resources.SharedResources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.Disposable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * A venue's REST client: sends {@link RestRequest}s through the pipeline
 * <pre>
 *   validation, per-call steps            (once per call)
 *   retry policy                          (backoff with jitter, Retry-After, idempotent calls only after
 *                                          an ambiguous failure)
 *   bearer token                          (again for every attempt, from here on: a 401 drops the token and
 *                                          resends once through the following steps)
 *   rate limit, nonce order,
 *   per-attempt steps, sign               (every attempt takes a permit, a fresh nonce, a fresh signature)
 *   reactor-netty                         (pooled, timeouts, its own retry off, bounded body), within
 *                                          the attempt timeout
 * </pre>
 * and maps the final answer with the venue's {@link ErrorMapper}, after blanking secrets out of an error answer's
 * body ({@link SecretRedactor}: a venue may echo the request it refused). Every failure arrives through the returned Mono
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

    /** Context key of the flag the last step sets when a call's attempt is handed to the transport. */
    private static final Object HANDED_TO_TRANSPORT = new Object();

    /** How much of an unreadable successful answer is kept (the context shows less still). */
    private static final int UNDECODABLE_BODY_SHOWN = 4096;

    private static final JavaType TREE = Json.mapper().constructType(JsonNode.class);

    private final RestOptions options;
    private final ErrorMapper errorMapper;
    private final SecretRedactor redactor;
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
        ErrorMapper mapper = builder.errorMapper != null ? builder.errorMapper
                : StandardErrorMapper.forVenue(options.venue());
        // a table reads Retry-After dates with the client's clock (virtual in tests)
        this.errorMapper = mapper instanceof StandardErrorMapper table ? table.withClock(resources.clock()) : mapper;
        this.redactor = builder.redactor;
        this.netty = builder.transport == null ? new NettyTransport(options, resources) : null;
        this.transport = builder.transport == null ? netty : builder.transport;
        RateLimiter limiter = resources.rateLimiter(options.venue(), options.apiKey(), options.rateLimits(),
                options.defaultRateLimit());
        List<RestStep> calls = new ArrayList<>();
        calls.add(new ValidationStep(options.venue()));
        calls.addAll(builder.perCall);
        calls.add(new RetryStep(options, resources.scheduler(), resources.clock(), resources.metrics()));
        this.perCall = List.copyOf(calls);
        this.perAttempt = attemptSteps(builder, new RateLimitStep(limiter, resources.clock(), options.venue(),
                options.maxRateLimitWait(), resources.metrics()));
    }

    /** The per-attempt steps in their fixed order: bearer token, rate limit, nonce order, the venue's, sign. */
    private static List<RestStep> attemptSteps(Builder builder, RestStep rateLimit) {
        List<RestStep> attempts = new ArrayList<>();
        if (builder.bearer != null) {
            attempts.add(builder.bearer);
        }
        attempts.add(rateLimit);
        if (builder.nonceOrder != null) {
            attempts.add(builder.nonceOrder);
        }
        attempts.addAll(builder.perAttempt);
        if (builder.sign != null) {
            attempts.add(builder.sign);
        }
        return List.copyOf(attempts);
    }

    /** A builder for a client with these options. */
    public static Builder builder(RestOptions options) {
        return new Builder(options);
    }

    /**
     * Whether a call that failed with {@code error} may have been processed by the venue anyway: a 5xx, no answer in
     * time, a connection lost after sending or during the answer (a body cut short), or an answer we could not read
     * (garbled, too large, undecodable: the venue got the request and answered something). A request that provably
     * never left (connection refused, no pooled connection) and every readable answer of the venue but a 5xx are not.
     * Non-idempotent calls are never retried after such a failure; placing an order reports it as an unknown
     * outcome.
     */
    public static boolean mayHaveBeenProcessed(Throwable error) {
        if (error instanceof ProtocolException unreadable) {
            return !isMarkedNeverSent(unreadable);
        }
        if (!(error instanceof io.exflux.api.error.ExchangeUnavailableException unavailable)) {
            return false;
        }
        if (isMarkedNeverSent(unavailable)) {
            return false;
        }
        Throwable cause = unavailable.getCause();
        return cause == null || TransportFailure.of(cause) != TransportFailure.NOT_SENT;
    }

    private static boolean isMarkedNeverSent(Throwable error) {
        for (Throwable suppressed : error.getSuppressed()) {
            if (suppressed instanceof NeverSent) {
                return true;
            }
        }
        return false;
    }

    /**
     * Marks (as a suppressed exception) a failure that came before any attempt of the call reached the transport,
     * such as a token that could not be fetched: the venue cannot have processed that call.
     */
    private static final class NeverSent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NeverSent(RestRequest request) {
            super("no attempt of " + request.method() + " " + request.path() + " reached the network", null, false,
                    false);
        }
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
        EngineMetrics metrics = resources.metrics();
        // the operation's name is worked out only for a registry that records it
        return metrics == EngineMetrics.NONE ? send(request)
                : metrics.restCall(options.venue(), Operations.of(request.method(), request.path()), send(request));
    }

    private Mono<RestResponse> send(RestRequest request) {
        return Mono.defer(() -> {
            AtomicBoolean handedToTransport = new AtomicBoolean();
            return step(0, request)
                    .contextWrite(Context.of(HANDED_TO_TRANSPORT, handedToTransport))
                    .onErrorMap(error -> {
                        Throwable typed = error instanceof ExchangeException ? error
                                : TransportFailure.of(error).toException(error, request, options.venue(),
                                        options.baseUrl());
                        // failed before any attempt reached the wire (a token fetch, a signer, the limiter); a
                        // token fetch's error is shared by every call that waited for it, so mark it once
                        if (!handedToTransport.get() && !isMarkedNeverSent(typed)) {
                            typed.addSuppressed(new NeverSent(request));
                        }
                        return typed;
                    });
        })
                .handle((response, sink) -> {
                    Optional<ExchangeException> error;
                    try {
                        // the mapper quotes the body in messages and contexts: what it sees holds no secret
                        error = errorMapper.toError(request, response.isSuccess() ? response : redacted(response));
                    } catch (RuntimeException mapperFailure) {
                        error = Optional.of(new ProtocolException("could not interpret the answer "
                                + response.status() + " to " + request.method() + " " + request.path(),
                                new ErrorContext(options.venue(), response.status(), null, null), mapperFailure));
                    }
                    if (error.isPresent()) {
                        sink.error(error.get());
                    } else {
                        sink.next(response);
                    }
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

    /**
     * Sends the request and decodes a successful answer's body into a generic type; an answer without a body
     * (a 202 or 204, say) completes empty.
     */
    public <T> Mono<T> retrieveIfAny(RestRequest request, TypeReference<T> type) {
        if (type == null) {
            return missingType();
        }
        JavaType javaType = Json.mapper().constructType(type);
        return exchange(request).flatMap(response -> response.bodyAsString().isBlank() ? Mono.<T>empty()
                : decode(request, response, javaType));
    }

    /** Sends the request and reads a successful answer's body as a JSON tree. */
    public Mono<JsonNode> retrieveTree(RestRequest request) {
        return retrieve(request, JsonNode.class);
    }

    /**
     * Sends the request and reads a successful answer's body with {@code streaming}, straight from its bytes (no
     * tree: a tree costs a map per object and a node per value); where that declines, the body is read as a JSON
     * tree, as {@link #retrieveTree} reads it, and handed to {@code tree}. Every value and every error is thus the
     * tree route's: {@code streaming} only has to decline what it does not read exactly as {@code tree} does.
     * {@code tree}'s exceptions fail the call as they are.
     */
    public <T> Mono<T> retrieve(RestRequest request, AnswerReader<T> streaming, Function<JsonNode, T> tree) {
        if (streaming == null || tree == null) {
            return missingType();
        }
        return exchange(request).handle((response, sink) -> {
            T value = streaming.readBody(response.bodyUnsafe());
            if (value == null) {
                value = tree.apply(decodeNow(request, response, TREE)); // throws: the call fails with that
            }
            if (value == null) {
                sink.error(new NullPointerException("the tree reader gave nothing for " + request.method() + " "
                        + request.path()));
            } else {
                sink.next(value);
            }
        });
    }

    private <T> Mono<T> retrieve(RestRequest request, JavaType type) {
        return exchange(request).flatMap(response -> decode(request, response, type));
    }

    private <T> Mono<T> decode(RestRequest request, RestResponse response, JavaType type) {
        try {
            return Mono.just(decodeNow(request, response, type));
        } catch (ProtocolException undecodable) {
            return Mono.error(undecodable);
        }
    }

    /** The body decoded with {@link Json#mapper()}; a {@link ProtocolException} when it does not decode. */
    private <T> T decodeNow(RestRequest request, RestResponse response, JavaType type) {
        try {
            T value = Json.mapper().readValue(response.bodyUnsafe(), type);
            if (value == null) {
                throw undecodable(request, response, type, null);
            }
            return value;
        } catch (IOException malformed) {
            throw undecodable(request, response, type, malformed);
        }
    }

    /** The answer with every secret of its body blanked out (a venue may echo the request it refused). */
    private RestResponse redacted(RestResponse response) {
        String body = response.bodyAsString();
        String shown = redactor.redact(body);
        return shown.equals(body) ? response
                : new RestResponse(response.status(), response.headers(), shown.getBytes(StandardCharsets.UTF_8));
    }

    private static String start(String body) {
        return body.length() <= UNDECODABLE_BODY_SHOWN ? body : body.substring(0, UNDECODABLE_BODY_SHOWN);
    }

    private ProtocolException undecodable(RestRequest request, RestResponse response, JavaType type,
                                          Throwable cause) {
        // the context keeps the start of the body only: blank the secrets of that start, not of megabytes
        String body = redactor.redact(start(response.bodyAsString()));
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
            return Mono.deferContextual(context -> {
                AtomicBoolean handed = context.getOrDefault(HANDED_TO_TRANSPORT, null);
                if (handed != null) {
                    handed.set(true);
                }
                Runnable written = context.getOrDefault(NonceOrderStep.WRITTEN, null);
                Mono<Void> departure = context.getOrDefault(RateLimitStep.DEPARTURE, null);
                Mono<RestResponse> sent = written == null && departure == null ? transport.send(request)
                        : transport.send(request, new WriteHooks(departure, written));
                // one deadline for the whole attempt: the transport's response timeout restarts on every byte
                return withinAttemptTimeout(sent);
            });
        }
        // a step that throws instead of returning an error Mono still fails only this call
        return Mono.defer(() -> step.process(request, next -> step(index + 1, next)));
    }

    /**
     * The attempt, failed with a {@link TimeoutException} once the attempt timeout has passed (which cancels it and
     * releases its connection). The deadline is armed on the resources' {@link DeadlineTimer}: armed and disarmed
     * for every attempt, it must not wake a scheduler thread each time (in real time it goes on a timer wheel and
     * fires up to a tick late; in virtual time it is exact). Not {@code Mono.timeout}: that one names its source
     * for the message on every subscription, which costs more than the rest of this.
     */
    private Mono<RestResponse> withinAttemptTimeout(Mono<RestResponse> attempt) {
        Duration timeout = options.attemptTimeout();
        DeadlineTimer timer = resources.deadlineTimer();
        Mono<RestResponse> deadline = Mono.create(sink -> sink.onDispose(timer.schedule(() -> sink.error(
                new TimeoutException("no answer within the attempt timeout of " + timeout)), timeout)));
        return Mono.firstWithSignal(attempt, deadline);
    }

    /** Builds a {@link RestClient}. */
    public static final class Builder {

        private final RestOptions options;
        private ErrorMapper errorMapper;
        private BearerTokenStep bearer;
        private NonceOrderStep nonceOrder;
        private SignStep sign;
        private final List<RestStep> perCall = new ArrayList<>();
        private final List<RestStep> perAttempt = new ArrayList<>();
        private RestTransport transport;
        private SecretRedactor redactor = SecretRedactor.fieldsOnly();

        private Builder(RestOptions options) {
            this.options = Objects.requireNonNull(options, "options");
        }

        /**
         * The venue's error mapping (default: {@link StandardErrorMapper} for the options' venue). A
         * {@code StandardErrorMapper} is given the client's clock, so {@code Retry-After} dates are read with it.
         */
        public Builder errorMapper(ErrorMapper errorMapper) {
            this.errorMapper = Objects.requireNonNull(errorMapper, "errorMapper");
            return this;
        }

        /**
         * Adds the bearer token to the requests the step applies to, first in every attempt (before the rate
         * limit, so a call waiting for its token holds no permit); {@code null} for none.
         */
        public Builder bearerToken(BearerTokenStep step) {
            this.bearer = step;
            return this;
        }

        /** Sends the private calls of one key in nonce order, right after the rate limit; {@code null} for none. */
        public Builder nonceOrder(NonceOrderStep step) {
            this.nonceOrder = step;
            return this;
        }

        /** Signs every attempt, last before sending; {@code null} for none (public endpoints only). */
        public Builder sign(SignStep step) {
            this.sign = step;
            return this;
        }

        /** Shorthand for {@link #sign(SignStep)} with a step around this signer; {@code null} for none. */
        public Builder signer(RequestSigner signer) {
            this.sign = signer == null ? null : new SignStep(signer, options.venue());
            return this;
        }

        /** Adds a step that runs once per call, after validation and before the retry policy. */
        public Builder perCall(RestStep step) {
            perCall.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /** Adds a step that runs for every attempt, after the rate limit and nonce order and before signing. */
        public Builder perAttempt(RestStep step) {
            perAttempt.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /**
         * Blanks the client's secrets (the API secret, the token held now) out of every answer body kept in an error;
         * by default only fields named like secrets are blanked ({@link SecretRedactor#fieldsOnly()}).
         */
        public Builder redactor(SecretRedactor redactor) {
            this.redactor = Objects.requireNonNull(redactor, "redactor");
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
