package io.exflux.reactive.venue.alp;

import com.fasterxml.jackson.core.type.TypeReference;
import io.exflux.api.config.Credentials;
import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.ExchangeUnavailableException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.ProtocolException;
import io.exflux.api.error.RateLimitedException;
import io.exflux.reactive.auth.HmacSigner;
import io.exflux.reactive.json.Json;
import io.exflux.reactive.ratelimit.RateLimit;
import io.exflux.reactive.ratelimit.RateLimiter;
import io.exflux.reactive.ratelimit.RetryAfter;
import io.exflux.reactive.venue.alp.internal.AlpBodies;
import io.exflux.reactive.venue.alp.internal.AlpErrors;
import io.exflux.reactive.venue.alp.internal.AlpHttp;
import io.exflux.reactive.venue.alp.internal.AlpJwt;
import io.exflux.reactive.venue.alp.internal.AlpOrderRequests;
import io.exflux.reactive.venue.alp.internal.AlpResponse;
import io.exflux.reactive.venue.alp.model.AlpAccount;
import io.exflux.reactive.venue.alp.model.AlpAccountTrade;
import io.exflux.reactive.venue.alp.model.AlpActivity;
import io.exflux.reactive.venue.alp.model.AlpBalance;
import io.exflux.reactive.venue.alp.model.AlpCancelRequest;
import io.exflux.reactive.venue.alp.model.AlpCandle;
import io.exflux.reactive.venue.alp.model.AlpChartInterval;
import io.exflux.reactive.venue.alp.model.AlpCurrency;
import io.exflux.reactive.venue.alp.model.AlpFeeInfo;
import io.exflux.reactive.venue.alp.model.AlpOrder;
import io.exflux.reactive.venue.alp.model.AlpOrderBook;
import io.exflux.reactive.venue.alp.model.AlpOrderRequest;
import io.exflux.reactive.venue.alp.model.AlpPair;
import io.exflux.reactive.venue.alp.model.AlpServerTime;
import io.exflux.reactive.venue.alp.model.AlpSide;
import io.exflux.reactive.venue.alp.model.AlpTicker;
import io.exflux.reactive.venue.alp.model.AlpTrade;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

/**
 * ALP.COM REST v3, every endpoint of the document, venue-typed. Every method is cold. Public calls
 * share the {@code public} rate limit, private calls the {@code private} one; idempotent calls are
 * retried on transient failures; placing and cancelling orders never are (decision 8): after an
 * ambiguous failure of a placement that carried a {@code client_order_id}, the client looks the order
 * up by that id instead, and only fails when it is not there. Private calls carry the JWT of
 * {@link #tokens()}; POST and DELETE carry {@code X-SIGN}, the HMAC-SHA256 of the exact body bytes
 * sent. A 401 drops the token and the call is sent once more with a fresh one (a 401 means the venue
 * did not act on it).
 */
public final class AlpRestClient {

    private static final Logger LOG = LoggerFactory.getLogger(AlpRestClient.class);
    private static final String PUBLIC = "public";
    private static final String PRIVATE = "private";

    private final AlpOptions options;
    private final AlpHttp http;
    private final RateLimiter limiter;
    private final HmacSigner signer;
    private final AlpTokenProvider tokens;

    /** A client on a fresh reactor-netty {@link HttpClient}. */
    public AlpRestClient(AlpOptions options) {
        this(options, HttpClient.create());
    }

    /** A client on a caller-configured {@link HttpClient} (event loops, TLS, proxy). */
    public AlpRestClient(AlpOptions options, HttpClient httpClient) {
        this.options = Objects.requireNonNull(options, "options");
        this.http = new AlpHttp(httpClient, options.restUrl(), options.requestTimeout());
        this.limiter = new RateLimiter(limits(options), null, options.scheduler());
        Credentials credentials = options.credentials();
        this.signer = credentials == null ? null : HmacSigner.sha256(credentials.secretBytes());
        this.tokens = credentials == null ? null
                : new AlpTokenProvider(this::fetchToken, options.scheduler(), options.tokenRefreshMargin());
    }

    private static Map<String, RateLimit> limits(AlpOptions options) {
        Map<String, RateLimit> limits = new LinkedHashMap<>();
        if (options.publicRateLimit() != null) {
            limits.put(PUBLIC, options.publicRateLimit());
        }
        if (options.privateRateLimit() != null) {
            limits.put(PRIVATE, options.privateRateLimit());
        }
        return limits;
    }

    /** The settings of this client. */
    public AlpOptions options() {
        return options;
    }

    /** The JWT source of the private calls (and of the private websocket), or {@code null} without credentials. */
    public AlpTokenProvider tokens() {
        return tokens;
    }

    // ---------------------------------------------------------------- public endpoints

    /** {@code GET /time}. */
    public Mono<AlpServerTime> time() {
        return get("time", Map.of(), false, new TypeReference<AlpServerTime>() { });
    }

    /** {@code GET /currency-rates}: valuation rate by currency code. */
    public Mono<Map<String, BigDecimal>> currencyRates() {
        return get("currency-rates", Map.of(), false, new TypeReference<Map<String, BigDecimal>>() { });
    }

    /** {@code GET /currencies}. */
    public Flux<AlpCurrency> currencies() {
        return get("currencies", Map.of(), false, new TypeReference<List<AlpCurrency>>() { })
                .flatMapIterable(list -> list);
    }

    /** {@code GET /pairs}, every market. */
    public Flux<AlpPair> pairs() {
        return pairs(null, null);
    }

    /** {@code GET /pairs?currency1=&currency2=}; either filter may be {@code null}. */
    public Flux<AlpPair> pairs(String currency1, String currency2) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("currency1", currency1);
        query.put("currency2", currency2);
        return get("pairs", query, false, new TypeReference<List<AlpPair>>() { }).flatMapIterable(list -> list);
    }

    /** {@code GET /ticker}: every market, or one when {@code pair} (e.g. {@code BTC_USDT}) is not {@code null}. */
    public Flux<AlpTicker> ticker(String pair) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("pair", pair);
        return get("ticker", query, false, new TypeReference<List<AlpTicker>>() { }).flatMapIterable(list -> list);
    }

    /** {@code GET /orderbook}; the limits may be {@code null} (the venue sends at most 20 a side). */
    public Mono<AlpOrderBook> orderBook(String pair, Integer limitBuy, Integer limitSell) {
        if (pair == null || pair.isBlank()) {
            return invalid("orderbook needs a pair");
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("pair", pair);
        query.put("limit_buy", text(limitBuy));
        query.put("limit_sell", text(limitSell));
        return get("orderbook", query, false, new TypeReference<AlpOrderBook>() { });
    }

    /** {@code GET /charts}; {@code since}, {@code until}, {@code limit} may be {@code null} (limit max 500). */
    public Flux<AlpCandle> charts(String pair, AlpChartInterval interval, Instant since, Instant until, Integer limit) {
        if (pair == null || interval == null) {
            return invalidFlux("charts needs a pair and an interval");
        }
        if (limit != null && (limit < 1 || limit > 500)) {
            return invalidFlux("charts limit must be within 1..500, was " + limit);
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("pair", pair);
        query.put("interval", interval.wireValue());
        query.put("since", since == null ? null : Long.toString(since.getEpochSecond()));
        query.put("until", until == null ? null : Long.toString(until.getEpochSecond()));
        query.put("limit", text(limit));
        return get("charts", query, false, new TypeReference<List<AlpCandle>>() { }).flatMapIterable(list -> list);
    }

    /** {@code GET /trades}; {@code limit} may be {@code null}. */
    public Flux<AlpTrade> trades(String pair, Integer limit) {
        if (pair == null || pair.isBlank()) {
            return invalidFlux("trades needs a pair");
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("pair", pair);
        query.put("limit", text(limit));
        return get("trades", query, false, new TypeReference<List<AlpTrade>>() { }).flatMapIterable(list -> list);
    }

    // ---------------------------------------------------------------- private endpoints

    /** {@code GET /accounts/accounts}. */
    public Flux<AlpAccount> accounts(boolean includeSubaccounts) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("include_subaccounts", includeSubaccounts ? "true" : null);
        return get("accounts/accounts", query, true, new TypeReference<List<AlpAccount>>() { })
                .flatMapIterable(list -> list);
    }

    /** {@code GET /accounts/balances}. */
    public Flux<AlpBalance> balances() {
        return get("accounts/balances", Map.of(), true, new TypeReference<List<AlpBalance>>() { })
                .flatMapIterable(list -> list);
    }

    /** {@code GET /accounts/feeinfo}. */
    public Flux<AlpFeeInfo> feeInfo() {
        return get("accounts/feeinfo", Map.of(), true, new TypeReference<List<AlpFeeInfo>>() { })
                .flatMapIterable(list -> list);
    }

    /** {@code GET /accounts/order}: the (up to 100) most recent orders, no filter (as documented). */
    public Flux<AlpOrder> orders() {
        return orders(AlpOrdersQuery.ALL);
    }

    /**
     * {@code GET /accounts/order} with the official client's filters (the document lists none,
     * inconsistency 6.3.16): only the filters that are set are sent.
     */
    public Flux<AlpOrder> orders(AlpOrdersQuery filter) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("pair", filter.pair());
        query.put("open_only", filter.openOnly() == null ? null : filter.openOnly().toString());
        query.put("side", filter.side() == null ? null : filter.side().name());
        query.put("start_time", seconds(filter.startTime()));
        query.put("end_time", seconds(filter.endTime()));
        return get("accounts/order", query, true, new TypeReference<List<AlpOrder>>() { })
                .flatMapIterable(list -> list);
    }

    /**
     * {@code GET /accounts/trades}. Times are sent as unix seconds, as documented (the official client
     * sends ISO-8601, inconsistency 6.3.17); {@code limit} at most 100; every argument may be {@code null}.
     */
    public Flux<AlpAccountTrade> accountTrades(String pair, AlpSide side, Instant startTime, Instant endTime,
                                               Integer limit) {
        if (limit != null && (limit < 1 || limit > 100)) {
            return invalidFlux("account trades limit must be within 1..100, was " + limit);
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("pair", pair);
        query.put("side", side == null || side == AlpSide.UNKNOWN ? null : side.name());
        query.put("start_time", seconds(startTime));
        query.put("end_time", seconds(endTime));
        query.put("limit", text(limit));
        return get("accounts/trades", query, true, new TypeReference<List<AlpAccountTrade>>() { })
                .flatMapIterable(list -> list);
    }

    /** {@code GET /accounts/activity}; {@code limit} at most 1000, both may be {@code null}. */
    public Flux<AlpActivity> activity(Integer limit, Integer offset) {
        if (limit != null && (limit < 1 || limit > 1000)) {
            return invalidFlux("activity limit must be within 1..1000, was " + limit);
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", text(limit));
        query.put("offset", text(offset));
        return get("accounts/activity", query, true, new TypeReference<List<AlpActivity>>() { })
                .flatMapIterable(list -> list);
    }

    /**
     * {@code POST /trading/order}: the ids of the created orders. Checked before sending (fields each
     * order type needs, positive numbers). Never retried; when it fails ambiguously (timeout, 5xx,
     * reset) and carried a {@code client_order_id}, the order is looked up by that id and its id
     * returned if the venue has it, else the original error is reported.
     */
    public Mono<List<Long>> placeOrder(AlpOrderRequest request) {
        List<String> violations = AlpOrderRequests.violations(request);
        if (!violations.isEmpty()) {
            return invalid("invalid ALP order: " + String.join("; ", violations));
        }
        Mono<List<Long>> place = Mono.defer(() -> {
            byte[] body = AlpBodies.placeOrder(request);
            return call(HttpMethod.POST, "trading/order", Map.of(), body, true, false)
                    .flatMap(response -> decode(response, new TypeReference<List<Long>>() { }));
        });
        if (request.clientOrderId() == null) {
            return place;
        }
        return place.onErrorResume(AlpRestClient::isAmbiguous, error -> findOrderByClientOrderId(request.clientOrderId())
                .map(order -> List.of(order.id()))
                .switchIfEmpty(Mono.error(error))
                .onErrorMap(lookupError -> lookupError != error, lookupError -> {
                    error.addSuppressed(lookupError);
                    return error;
                }));
    }

    /**
     * {@code DELETE /trading/order}. By ids: the venue's text for each id ({@code "CANCELLED"},
     * {@code "order not found"}). All or by pair: the venue answers 202 without a body, given back as an
     * empty map (inconsistency 6.3.20). Never retried.
     */
    public Mono<Map<String, String>> cancel(AlpCancelRequest request) {
        if (request instanceof AlpCancelRequest.ByIds ids && ids.orderIds().isEmpty()) {
            return invalid("cancel by ids needs at least one id");
        }
        if (request instanceof AlpCancelRequest.ByPair byPair && (byPair.pair() == null || byPair.pair().isBlank())) {
            return invalid("cancel by pair needs a pair");
        }
        return Mono.defer(() -> call(HttpMethod.DELETE, "trading/order", Map.of(), AlpBodies.cancel(request), true,
                        false))
                .flatMap(response -> response.body().length == 0 || response.status() == 202
                        && response.bodyText().isBlank() ? Mono.just(Map.<String, String>of())
                        : decode(response, new TypeReference<Map<String, String>>() { }));
    }

    /**
     * The order the venue holds with this {@code client_order_id}, among the most recent ones; empty when
     * none has it (also when the venue does not echo the id). Use after an ambiguous placement failure.
     */
    public Mono<AlpOrder> findOrderByClientOrderId(String clientOrderId) {
        return orders().filter(order -> clientOrderId.equals(order.clientOrderId())).next();
    }

    // ---------------------------------------------------------------- plumbing

    private <T> Mono<T> get(String path, Map<String, String> query, boolean authenticated, TypeReference<T> type) {
        return call(HttpMethod.GET, path, query, null, authenticated, true).flatMap(response -> decode(response, type));
    }

    private Mono<AlpResponse> call(HttpMethod method, String path, Map<String, String> query, byte[] body,
                                   boolean authenticated, boolean idempotent) {
        String scope = authenticated ? PRIVATE : PUBLIC;
        String url = http.url(path, query);
        Mono<AlpResponse> attempt = authenticated
                ? authorized(scope, method, url, body)
                : once(scope, method, url, body, null);
        Mono<AlpResponse> checked = attempt.flatMap(response -> response.isSuccess() ? Mono.just(response)
                : Mono.error(error(scope, response)));
        if (!idempotent || options.maxRetries() == 0) {
            return checked;
        }
        return checked.retryWhen(Retry.backoff(options.maxRetries(), options.retryBackoff())
                .filter(error -> error instanceof ExchangeException e && e.isTransient())
                .scheduler(options.scheduler())
                .doBeforeRetry(signal -> LOG.debug("ALP {} {} retry {} after {}", method, path,
                        signal.totalRetries() + 1, signal.failure().toString()))
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private Mono<AlpResponse> authorized(String scope, HttpMethod method, String url, byte[] body) {
        if (tokens == null) {
            return Mono.error(() -> new AuthenticationException("ALP private call without credentials: configure "
                    + "AlpOptions.credentials", ErrorContext.local("alp")));
        }
        return tokens.token().flatMap(jwt -> once(scope, method, url, body, jwt).flatMap(response -> {
            if (response.status() != 401) {
                return Mono.just(response);
            }
            tokens.invalidate(jwt);
            return tokens.token().flatMap(fresh -> once(scope, method, url, body, fresh));
        }));
    }

    private Mono<AlpResponse> once(String scope, HttpMethod method, String url, byte[] body, String jwt) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (jwt != null) {
            headers.put("Authorization", "Bearer " + jwt);
        }
        if (body != null && signer != null) {
            headers.put("X-SIGN", signer.signHex(body));
        }
        return limiter.acquire(scope, 1).then(http.exchange(method, url, body, headers));
    }

    /** {@code POST /auth}: signed like every POST (the official client does so too). */
    private Mono<String> fetchToken() {
        Credentials credentials = options.credentials();
        return Mono.defer(() -> {
            byte[] body = AlpBodies.auth(credentials.apiKey(), credentials.secretText());
            String url = http.url("auth", Map.of());
            return once(PRIVATE, HttpMethod.POST, url, body, null);
        }).flatMap(response -> {
            if (!response.isSuccess()) {
                return Mono.error(error(PRIVATE, response));
            }
            try {
                String jwt = AlpJwt.fromBody(response.bodyText());
                return jwt.isEmpty() ? Mono.error(new AuthenticationException("ALP answered an empty token",
                        new ErrorContext("alp", response.status(), null, null))) : Mono.just(jwt);
            } catch (IllegalArgumentException e) {
                return Mono.error(new ProtocolException("ALP token answer is not a token",
                        new ErrorContext("alp", response.status(), null, null), e));
            }
        });
    }

    private ExchangeException error(String scope, AlpResponse response) {
        Duration retryAfter = RetryAfter.parse(response.headers().get("Retry-After"), Clock.systemUTC()).orElse(null);
        ExchangeException error = AlpErrors.map(response.status(), response.bodyText(), retryAfter);
        if (error instanceof RateLimitedException) {
            limiter.pause(scope, retryAfter != null ? retryAfter : options.retryBackoff());
        }
        return error;
    }

    private static <T> Mono<T> decode(AlpResponse response, TypeReference<T> type) {
        try {
            T value = Json.mapper().readValue(response.body(), type);
            return value == null ? Mono.error(new ProtocolException("ALP answered null",
                    new ErrorContext("alp", response.status(), null, response.bodyText()))) : Mono.just(value);
        } catch (IOException | RuntimeException e) {
            return Mono.error(new ProtocolException("unreadable ALP answer: " + e.getClass().getSimpleName(),
                    new ErrorContext("alp", response.status(), null, response.bodyText()), e));
        }
    }

    /** A failure after which the venue may or may not have acted: no answer, or a 5xx. */
    static boolean isAmbiguous(Throwable error) {
        return error instanceof ExchangeUnavailableException;
    }

    private static <T> Mono<T> invalid(String message) {
        return Mono.error(() -> new InvalidRequestException(message, ErrorContext.local("alp")));
    }

    private static <T> Flux<T> invalidFlux(String message) {
        return Flux.error(() -> new InvalidRequestException(message, ErrorContext.local("alp")));
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }

    private static String seconds(Instant time) {
        return time == null ? null : Long.toString(time.getEpochSecond());
    }
}
