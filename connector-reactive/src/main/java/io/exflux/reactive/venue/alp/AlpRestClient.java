package io.exflux.reactive.venue.alp;

import com.fasterxml.jackson.core.type.TypeReference;
import io.exflux.api.config.Credentials;
import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.ExchangeUnavailableException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.ProtocolException;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.internal.auth.HmacSigner;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.internal.ratelimit.RetryAfter;
import io.exflux.reactive.internal.http.RestClient;
import io.exflux.reactive.internal.http.RestOptions;
import io.exflux.reactive.internal.http.RestRequest;
import io.exflux.reactive.internal.http.RestResponse;
import io.exflux.reactive.venue.alp.internal.AlpBodies;
import io.exflux.reactive.venue.alp.internal.AlpErrors;
import io.exflux.reactive.venue.alp.internal.AlpJwt;
import io.exflux.reactive.venue.alp.internal.AlpOrderRequests;
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
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * ALP.COM REST v3, every endpoint of the document, venue-typed, on the shared REST pipeline
 * ({@code io.exflux.reactive.transport.http}). Every method is cold. Public calls
 * share the {@code public} rate limit, private calls the {@code private} one; idempotent calls are
 * retried on transient failures; placing and cancelling orders never are (decision 8): after an
 * ambiguous failure of a placement that carried a {@code client_order_id}, the client looks the order
 * up by that id instead, and only fails when it is not there. Private calls carry the JWT of
 * {@link #tokens()}; POST and DELETE carry {@code X-SIGN}, the HMAC-SHA256 of the exact body bytes
 * sent. A 401 drops the token and the call is sent once more with a fresh one (a 401 means the venue
 * did not act on it).
 */
public final class AlpRestClient {

    private static final String PUBLIC = AlpOptions.PUBLIC_SCOPE;
    private static final String PRIVATE = AlpOptions.PRIVATE_SCOPE;

    private final AlpOptions options;
    private final RestClient rest;
    private final HmacSigner signer;
    private final AlpTokenProvider tokens;

    /**
     * A client on the options' {@code ClientResources}, or on resources of its own when the options name none
     * ({@link #dispose()} closes those).
     */
    public AlpRestClient(AlpOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        Credentials credentials = options.credentials();
        this.signer = credentials == null ? null : HmacSigner.sha256(credentials.secretBytes());
        String base = options.restUrl().toString();
        this.rest = RestClient.builder(RestOptions.from(options, "alp",
                        base.endsWith("/") ? base.substring(0, base.length() - 1) : base).build())
                .errorMapper(AlpRestClient::mapError)
                .signer(this::sign)
                .build();
        this.tokens = credentials == null ? null
                : new AlpTokenProvider(this::fetchToken, rest.resources().scheduler(), options.tokenRefreshMargin());
    }

    /** Closes the resources this client created for itself (given resources stay open). */
    public void dispose() {
        rest.dispose();
    }

    /** Closes the resources this client created for itself; completes when done. */
    public Mono<Void> disposeLater() {
        return rest.disposeLater();
    }

    /** The resources this client runs on: the options' ones, or those it created. */
    ClientResources resources() {
        return rest.resources();
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
        if (filter == null) {
            return invalidFlux("orders needs a query (AlpOrdersQuery.ALL for no filter)");
        }
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
        if (request == null) {
            return invalid("placeOrder needs an order request");
        }
        List<String> violations = AlpOrderRequests.violations(request);
        if (!violations.isEmpty()) {
            return invalid("invalid ALP order: " + String.join("; ", violations));
        }
        Mono<List<Long>> place = Mono.defer(() -> {
            byte[] body = AlpBodies.placeOrder(request);
            return call(request("POST", "trading/order", Map.of(), body, true))
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
        if (request == null) {
            return invalid("cancel needs a cancel request");
        }
        if (request instanceof AlpCancelRequest.ByIds ids && ids.orderIds().isEmpty()) {
            return invalid("cancel by ids needs at least one id");
        }
        if (request instanceof AlpCancelRequest.ByPair byPair && (byPair.pair() == null || byPair.pair().isBlank())) {
            return invalid("cancel by pair needs a pair");
        }
        return Mono.defer(() -> call(request("DELETE", "trading/order", Map.of(), AlpBodies.cancel(request), true)))
                .flatMap(response -> response.bodyAsString().isBlank() ? Mono.just(Map.<String, String>of())
                        : decode(response, new TypeReference<Map<String, String>>() { }));
    }

    /**
     * The order the venue holds with this {@code client_order_id}, among the most recent ones; empty when
     * none has it (also when the venue does not echo the id). Use after an ambiguous placement failure.
     */
    public Mono<AlpOrder> findOrderByClientOrderId(String clientOrderId) {
        if (clientOrderId == null) {
            return invalid("findOrderByClientOrderId needs a client order id");
        }
        return orders().filter(order -> clientOrderId.equals(order.clientOrderId())).next();
    }

    // ---------------------------------------------------------------- plumbing

    private <T> Mono<T> get(String path, Map<String, String> query, boolean authenticated, TypeReference<T> type) {
        return call(request("GET", path, query, null, authenticated)).flatMap(response -> decode(response, type));
    }

    private RestRequest request(String method, String path, Map<String, String> query, byte[] body,
                                boolean authenticated) {
        RestRequest.Builder builder = RestRequest.builder(method, "/" + path)
                .rateLimit(authenticated ? PRIVATE : PUBLIC, 1)
                .header("Accept", "application/json");
        query.forEach((name, value) -> {
            if (value != null) {
                builder.query(name, value);
            }
        });
        if (body != null) {
            builder.body(body, "application/json");
        }
        return builder.build();
    }

    /** Sends through the shared pipeline; private calls with the JWT, resent once with a fresh one after a 401. */
    private Mono<RestResponse> call(RestRequest request) {
        if (!PRIVATE.equals(request.rateLimitScope()) || request.path().equals("/auth")) {
            return rest.exchange(request);
        }
        if (tokens == null) {
            return Mono.error(() -> new AuthenticationException("ALP private call without credentials: configure "
                    + "AlpOptions.credentials", ErrorContext.local("alp")));
        }
        return tokens.token().flatMap(jwt -> rest.exchange(request.withHeader("Authorization", "Bearer " + jwt))
                .onErrorResume(AlpRestClient::isUnauthorized, error -> {
                    tokens.invalidate(jwt);
                    return tokens.token().flatMap(fresh -> rest.exchange(
                            request.withHeader("Authorization", "Bearer " + fresh)));
                }));
    }

    private static boolean isUnauthorized(Throwable error) {
        return error instanceof AuthenticationException e && e.httpStatus() == 401;
    }

    /** The per-attempt step: {@code X-SIGN} over the exact body bytes of every POST and DELETE with a body. */
    private Mono<RestRequest> sign(RestRequest request) {
        if (signer == null || request.bodyLength() == 0) {
            return Mono.just(request);
        }
        return Mono.just(request.withHeader("X-SIGN", signer.signHex(request.body())));
    }

    /** {@code POST /auth}: signed like every POST (the official client does so too). */
    private Mono<String> fetchToken() {
        Credentials credentials = options.credentials();
        return Mono.defer(() -> call(request("POST", "auth", Map.of(),
                        AlpBodies.auth(credentials.apiKey(), credentials.secretText()), true)))
                .flatMap(response -> {
                    try {
                        String jwt = AlpJwt.fromBody(response.bodyAsString());
                        return jwt.isEmpty() ? Mono.error(new AuthenticationException("ALP answered an empty token",
                                new ErrorContext("alp", response.status(), null, null))) : Mono.just(jwt);
                    } catch (IllegalArgumentException e) {
                        return Mono.error(new ProtocolException("ALP token answer is not a token",
                                new ErrorContext("alp", response.status(), null, null), e));
                    }
                });
    }

    private static Optional<ExchangeException> mapError(RestRequest request, RestResponse response) {
        if (response.isSuccess()) {
            return Optional.empty();
        }
        Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), Clock.systemUTC()).orElse(null);
        return Optional.of(AlpErrors.map(response.status(), response.bodyAsString(), retryAfter));
    }

    private static <T> Mono<T> decode(RestResponse response, TypeReference<T> type) {
        try {
            T value = Json.mapper().readValue(response.body(), type);
            return value == null ? Mono.error(new ProtocolException("ALP answered null",
                    new ErrorContext("alp", response.status(), null, response.bodyAsString()))) : Mono.just(value);
        } catch (IOException | RuntimeException e) {
            return Mono.error(new ProtocolException("unreadable ALP answer: " + e.getClass().getSimpleName(),
                    new ErrorContext("alp", response.status(), null, response.bodyAsString()), e));
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
