package io.exflux.reactive.venue.alp;

import com.fasterxml.jackson.core.type.TypeReference;
import io.exflux.api.config.Credentials;
import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.OrderOutcomeUnknownException;
import io.exflux.api.error.ProtocolException;
import io.exflux.api.model.OrderRequest;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.internal.auth.HmacSigner;
import io.exflux.reactive.internal.auth.SecretRedactor;
import io.exflux.reactive.internal.http.BearerTokenStep;
import io.exflux.reactive.internal.http.RestClient;
import io.exflux.reactive.internal.http.RestOptions;
import io.exflux.reactive.internal.http.RestRequest;
import io.exflux.reactive.internal.unified.ClientOrderIds;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * ALP.COM REST v3, every endpoint of the document, venue-typed, on the shared REST pipeline. Every method is
 * cold. Public calls share the {@code public} rate limit, private calls the {@code private} one; idempotent
 * calls are retried on transient failures; placing and cancelling orders never are. Private calls carry the JWT
 * of {@link #tokens()} (the pipeline's bearer step: a 401 drops the token and the call is sent once more with a
 * fresh one, a 401 meaning the venue did not act on it); POST and DELETE carry {@code X-SIGN}, the HMAC-SHA256 of
 * the exact body bytes sent (the pipeline's sign step). Errors come from ALP's table ({@code AlpErrors}); an
 * unknown API key is an {@code AuthenticationException} whether the venue answers 401 or 404
 * (see {@code docs/venues/alp.md}).
 */
public final class AlpRestClient {

    private static final Logger LOG = LoggerFactory.getLogger(AlpRestClient.class);
    private static final String PUBLIC = AlpOptions.PUBLIC_SCOPE;
    private static final String PRIVATE = AlpOptions.PRIVATE_SCOPE;

    private final AlpOptions options;
    private final RestClient rest;
    private final HmacSigner signer;
    private final AlpTokenProvider tokens;
    private final SecretRedactor redactor;
    /** The resources this client created because the options named none; closed with it. */
    private final ClientResources ownResources;

    /**
     * A client on the options' {@code ClientResources}, or on resources of its own when the options name none
     * ({@link #dispose()} closes those).
     */
    public AlpRestClient(AlpOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        Credentials credentials = options.credentials();
        this.signer = credentials == null ? null : HmacSigner.sha256(credentials.secretBytes());
        // the token cache and the pipeline run on one clock, so resources are settled before either is built
        this.ownResources = options.resources().isPresent() ? null
                : ClientResources.builder().pool(options.http()).build();
        ClientResources resources = options.resources().orElse(ownResources);
        this.tokens = credentials == null ? null
                : new AlpTokenProvider(this::fetchToken, resources.scheduler(), options.tokenRefreshMargin());
        // knows the secret, and each token as it is fetched (a token dropped after a 401 may still be echoed)
        this.redactor = credentials == null ? SecretRedactor.fieldsOnly()
                : SecretRedactor.of(() -> List.of(credentials.secretText()));
        String base = options.restUrl().toString();
        this.rest = RestClient.builder(RestOptions.from(options, "alp",
                        base.endsWith("/") ? base.substring(0, base.length() - 1) : base).resources(resources).build())
                .errorMapper(AlpErrors.table())
                .bearerToken(tokens == null ? null : new BearerTokenStep(tokens.cache(), AlpRestClient::needsToken))
                .signer(signer == null ? null : this::sign)
                .redactor(redactor)
                .build();
    }

    /** Closes the resources this client created for itself (given resources stay open). */
    public void dispose() {
        disposeLater().subscribe(null, error -> LOG.warn("closing the ALP REST client's resources failed", error));
    }

    /** Closes the resources this client created for itself; completes when done. */
    public Mono<Void> disposeLater() {
        return rest.disposeLater().then(ownResources == null ? Mono.empty() : ownResources.shutdown());
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
        if (limitBuy != null && limitBuy < 1 || limitSell != null && limitSell < 1) {
            return invalid("orderbook limits must be positive, were " + limitBuy + " and " + limitSell);
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
        if (since != null && until != null && since.isAfter(until)) {
            return invalidFlux("charts since must not be after until");
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
        if (limit != null && limit < 1) {
            return invalidFlux("trades limit must be positive, was " + limit);
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
     * docs/venues/alp.md, drift 16): only the filters that are set are sent.
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
     * sends ISO-8601, docs/venues/alp.md, drift 17); {@code limit} at most 100; every argument may be {@code null}.
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
        if (offset != null && offset < 0) {
            return invalidFlux("activity offset must not be negative, was " + offset);
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", text(limit));
        query.put("offset", text(offset));
        return get("accounts/activity", query, true, new TypeReference<List<AlpActivity>>() { })
                .flatMapIterable(list -> list);
    }

    /**
     * {@code POST /trading/order}: the ids of the created orders. Checked before sending (fields each order type
     * needs, positive numbers). Never sent twice. When it fails ambiguously (no answer in time, a 5xx, a connection
     * lost while sending: the venue may have placed it) it fails with {@link OrderOutcomeUnknownException}, which
     * carries the request and its {@code client_order_id} and says the order may exist. Before that, a request
     * with a {@code client_order_id} is looked up among the recent orders, and the id of an order carrying it is
     * the answer; ALP's documented order object does not carry that field, so against the venue as documented the
     * lookup finds nothing and the outcome is reported unknown. Any other failure (a 400, insufficient funds, a
     * refused connection) arrives as its own typed error.
     */
    public Mono<List<Long>> placeOrder(AlpOrderRequest request) {
        return placeOrder(request, null);
    }

    /** {@link #placeOrder(AlpOrderRequest)} for the unified API: an unknown outcome carries {@code unified}. */
    Mono<List<Long>> placeOrder(AlpOrderRequest request, OrderRequest unified) {
        if (request == null) {
            return invalid("placeOrder needs an order request");
        }
        List<String> violations = AlpOrderRequests.violations(request);
        if (!violations.isEmpty()) {
            return invalid("invalid ALP order: " + String.join("; ", violations));
        }
        Mono<List<Long>> placement = Mono.defer(() -> retrieve(request("POST", "trading/order", Map.of(),
                AlpBodies.placeOrder(request), true), new TypeReference<List<Long>>() { }));
        String clientOrderId = request.clientOrderId();
        return ClientOrderIds.reconcile(placement, clientOrderId == null ? null
                        : () -> findOrderByClientOrderId(clientOrderId).map(order -> List.of(order.id())),
                failure -> unknownOutcome(failure, unified, request));
    }

    private static OrderOutcomeUnknownException unknownOutcome(Throwable failure, OrderRequest unified,
                                                               AlpOrderRequest sent) {
        String description = unified != null ? unified.toString() : sent.toString();
        ErrorContext context = failure instanceof ExchangeException typed ? typed.context() : ErrorContext.local("alp");
        return new OrderOutcomeUnknownException(ClientOrderIds.unknownOutcome("alp", description,
                sent.clientOrderId()), context, failure, unified, description, sent.clientOrderId());
    }

    /**
     * {@code DELETE /trading/order}. By ids: the venue's text for each id ({@code "CANCELLED"},
     * {@code "order not found"}). All or by pair: the venue answers 202 without a body, given back as an
     * empty map (docs/venues/alp.md, drift 20). Never retried.
     */
    public Mono<Map<String, String>> cancel(AlpCancelRequest request) {
        if (request == null) {
            return invalid("cancel needs a cancel request");
        }
        if (request instanceof AlpCancelRequest.ByIds ids && ids.orderIds().isEmpty()) {
            return invalid("cancel by ids needs at least one id");
        }
        if (request instanceof AlpCancelRequest.ByIds ids && ids.orderIds().stream().anyMatch(id -> id < 1)) {
            return invalid("ALP order ids are positive numbers: cancel by ids refuses "
                    + ids.orderIds().stream().filter(id -> id < 1).findFirst().orElseThrow());
        }
        if (request instanceof AlpCancelRequest.ByPair byPair && (byPair.pair() == null || byPair.pair().isBlank())) {
            return invalid("cancel by pair needs a pair");
        }
        return Mono.defer(() -> retrieveIfAny(request("DELETE", "trading/order", Map.of(), AlpBodies.cancel(request),
                        true), new TypeReference<Map<String, String>>() { }))
                .defaultIfEmpty(Map.of());
    }

    /**
     * The order the venue holds with this {@code client_order_id}, among the most recent ones; empty when
     * none has it (also when the venue does not echo the id). Use after an ambiguous placement failure.
     */
    public Mono<AlpOrder> findOrderByClientOrderId(String clientOrderId) {
        if (clientOrderId == null) {
            return invalid("findOrderByClientOrderId needs a client order id");
        }
        if (clientOrderId.length() > AlpOrderRequests.MAX_CLIENT_ORDER_ID_LENGTH) {
            return invalid("client_order_id takes at most " + AlpOrderRequests.MAX_CLIENT_ORDER_ID_LENGTH
                    + " characters, was " + clientOrderId.length());
        }
        return orders().filter(order -> clientOrderId.equals(order.clientOrderId())).next();
    }

    // ---------------------------------------------------------------- plumbing

    private <T> Mono<T> get(String path, Map<String, String> query, boolean authenticated, TypeReference<T> type) {
        return retrieve(request("GET", path, query, null, authenticated), type);
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

    /** Whether the request carries the JWT: every private call but the one that fetches it. */
    private static boolean needsToken(RestRequest request) {
        return PRIVATE.equals(request.rateLimitScope())
                && !(request.method().equals("POST") && request.path().equals(AlpErrors.AUTH_PATH));
    }

    private <T> Mono<T> retrieve(RestRequest request, TypeReference<T> type) {
        return tokens == null && needsToken(request) ? withoutCredentials() : rest.retrieve(request, type);
    }

    private <T> Mono<T> retrieveIfAny(RestRequest request, TypeReference<T> type) {
        return tokens == null && needsToken(request) ? withoutCredentials() : rest.retrieveIfAny(request, type);
    }

    private static <T> Mono<T> withoutCredentials() {
        return Mono.error(() -> new AuthenticationException("ALP private call without credentials: configure "
                + "AlpOptions.credentials", ErrorContext.local("alp")));
    }

    /** The per-attempt step: {@code X-SIGN} over the exact body bytes of every POST and DELETE with a body. */
    private Mono<RestRequest> sign(RestRequest request) {
        if (request.bodyLength() == 0) {
            return Mono.just(request);
        }
        return Mono.fromSupplier(() -> request.withHeader("X-SIGN", signer.signHex(request.body())));
    }

    /** {@code POST /auth}: signed like every POST (the official client does so too). */
    private Mono<String> fetchToken() {
        Credentials credentials = options.credentials();
        return Mono.defer(() -> rest.exchange(request("POST", AlpErrors.AUTH_PATH.substring(1), Map.of(),
                        AlpBodies.auth(credentials.apiKey(), credentials.secretText()), true)))
                .flatMap(response -> {
                    try {
                        String jwt = AlpJwt.fromBody(response.bodyAsString());
                        redactor.remember(jwt);
                        return jwt.isEmpty() ? Mono.error(new AuthenticationException("ALP answered an empty token",
                                new ErrorContext("alp", response.status(), null, null))) : Mono.just(jwt);
                    } catch (IllegalArgumentException e) {
                        return Mono.error(new ProtocolException("ALP token answer is not a token",
                                new ErrorContext("alp", response.status(), null, null), e));
                    }
                });
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
