package io.exflux.reactive.venue.v1;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.config.Credentials;
import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.OrderOutcomeUnknownException;
import io.exflux.api.error.ProtocolException;
import io.exflux.api.model.OrderRequest;
import io.exflux.reactive.internal.http.RestClient;
import io.exflux.reactive.internal.http.RestOptions;
import io.exflux.reactive.internal.http.RestRequest;
import io.exflux.reactive.internal.resources.OwnedResources;
import io.exflux.reactive.internal.unified.ClientOrderIds;
import io.exflux.reactive.venue.v1.internal.V1AnswerReaders;
import io.exflux.reactive.venue.v1.internal.V1Codec;
import io.exflux.reactive.venue.v1.internal.V1Errors;
import io.exflux.reactive.venue.v1.internal.V1NonceOrder;
import io.exflux.reactive.venue.v1.internal.V1OrderChecks;
import io.exflux.reactive.venue.v1.internal.V1Signature;
import io.exflux.reactive.venue.v1.model.V1CancelledOrder;
import io.exflux.reactive.venue.v1.model.V1Candle;
import io.exflux.reactive.venue.v1.model.V1ChartType;
import io.exflux.reactive.venue.v1.model.V1Currency;
import io.exflux.reactive.venue.v1.model.V1Deposit;
import io.exflux.reactive.venue.v1.model.V1Exchange;
import io.exflux.reactive.venue.v1.model.V1ExchangesQuery;
import io.exflux.reactive.venue.v1.model.V1Order;
import io.exflux.reactive.venue.v1.model.V1OrderBook;
import io.exflux.reactive.venue.v1.model.V1OrderRequest;
import io.exflux.reactive.venue.v1.model.V1OrderStatus;
import io.exflux.reactive.venue.v1.model.V1OrdersQuery;
import io.exflux.reactive.venue.v1.model.V1Pair;
import io.exflux.reactive.venue.v1.model.V1PlacedOrder;
import io.exflux.reactive.venue.v1.model.V1Side;
import io.exflux.reactive.venue.v1.model.V1Wallet;
import io.exflux.reactive.venue.v1.model.V1Withdraw;
import io.exflux.reactive.venue.v1.model.V1WithdrawStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * BTC-Alpha or bitexbit REST v1 (the options' {@link V1Dialect}): every endpoint of the documents with every
 * documented parameter, venue-typed, on the shared REST pipeline. Every method is cold; a {@code null} filter is
 * left out of the query.
 *
 * <p>Public calls draw from the {@code public} rate limit, private ones from the {@code private} limit of their API
 * key, or from the {@code public} limit too where the venue has one limit for every call (BTC-Alpha); a 429 pauses the scope for its {@code Retry-After}. Private calls carry {@code X-KEY}, {@code X-NONCE} and
 * {@code X-SIGN} (see {@code V1Signature}); the private calls of one key leave in nonce order (the nonce is taken,
 * signed and written in one section), so concurrent calls never reach the venue with a nonce lower than one it
 * saw, also when several clients on the same {@code ClientResources} share the key. Idempotent calls are retried
 * on transient failures; placing and cancelling orders never are, and a placement that fails ambiguously (no
 * answer in time, a 5xx, a connection lost while sending) fails with {@link OrderOutcomeUnknownException}: the v1
 * platform has no client order id to look the order up with.
 *
 * <p>Errors: bad arguments as {@link InvalidRequestException} before anything is sent, naming the rule; private calls
 * without credentials as {@link AuthenticationException}; the venue's answers through its error table
 * ({@code V1Errors}); an answer of the wrong shape as {@link ProtocolException}.
 */
public final class V1RestClient {

    private static final Logger LOG = LoggerFactory.getLogger(V1RestClient.class);
    private static final String PUBLIC = V1Options.PUBLIC_SCOPE;
    private static final String PRIVATE = V1Options.PRIVATE_SCOPE;

    private final V1Options options;
    private final V1Dialect dialect;
    private final String venue;
    private final V1Signature signature;
    private final RestClient rest;
    private final OwnedResources resources;

    /** A client on the options' {@code ClientResources}, or on its own when they name none ({@link #disposeLater}). */
    public V1RestClient(V1Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.dialect = options.dialect();
        this.venue = dialect.venue();
        Credentials credentials = options.credentials();
        this.signature = credentials == null ? null
                : new V1Signature(credentials.apiKey(), credentials.secretBytes());
        this.resources = OwnedResources.of(options);
        RestClient.Builder builder = RestClient.builder(RestOptions.from(options, venue, options.restUrl().toString())
                        .resources(resources.resources()).build())
                .errorMapper(V1Errors.table(venue));
        if (signature != null) {
            builder.nonceOrder(V1NonceOrder.of(resources.resources(), venue, signature.apiKey(),
                            V1RestClient::isPrivate))
                    .signer(request -> Mono.fromSupplier(() -> isPrivate(request)
                            ? request.withHeader("X-SIGN", signature.sign(request)) : request));
        }
        this.rest = builder.build();
    }

    /** The settings of this client. */
    public V1Options options() {
        return options;
    }

    /** Closes the resources this client created for itself (given resources stay open); completes when done. */
    public Mono<Void> disposeLater() {
        return rest.disposeLater().then(resources.close());
    }

    // ---------------------------------------------------------------- public endpoints

    /** {@code GET /v1/currencies/}. */
    public Flux<V1Currency> currencies() {
        return list(get("/v1/currencies/", Map.of()), V1Codec::currency);
    }

    /** {@code GET /v1/pairs/?currency1=&currency2=}; either filter may be {@code null}. */
    public Flux<V1Pair> pairs(String currency1, String currency2) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("currency1", currency1);
        query.put("currency2", currency2);
        return list(get("/v1/pairs/", query), V1Codec::pair);
    }

    /**
     * {@code GET /v1/orders/}: every member's orders (BTC-Alpha only; bitexbit documents no such list and this fails
     * with {@link InvalidRequestException} before sending).
     */
    public Flux<V1Order> orders(V1OrdersQuery filter) {
        if (!dialect.hasPublicOrderList()) {
            return invalidFlux(dialect.displayName() + " documents no public order list (GET /v1/orders/)");
        }
        return ordersAt("/v1/orders/", filter, false);
    }

    /**
     * The order book. BTC-Alpha: {@code GET /v1/orderbook/?pair=&limit_bids=&limit_asks=&group=}, where
     * {@code limit_bids} limits the sell orders and {@code limit_asks} the buy orders, as its table says. bitexbit:
     * {@code GET /v1/orderbook/<pair>/?limit_sell=&limit_buy=&group=}. Limits may be {@code null} (the venue's
     * default); {@code group} asks for price levels instead of orders. The answer is in sell/buy terms either way.
     */
    public Mono<V1OrderBook> orderBook(String pair, Integer limitSell, Integer limitBuy, boolean group) {
        String problem = V1OrderChecks.pairProblem(pair);
        if (problem == null) {
            problem = V1OrderChecks.positive("limitSell", limitSell);
        }
        if (problem == null) {
            problem = V1OrderChecks.positive("limitBuy", limitBuy);
        }
        if (problem != null) {
            return invalid("orderbook: " + problem);
        }
        Map<String, String> query = new LinkedHashMap<>();
        String path;
        if (options.bookRoute() == V1Dialect.BookRoute.QUERY) {
            path = "/v1/orderbook/";
            query.put("pair", pair);
            query.put("limit_bids", text(limitSell));
            query.put("limit_asks", text(limitBuy));
        } else {
            path = "/v1/orderbook/" + pair + "/";
            query.put("limit_sell", text(limitSell));
            query.put("limit_buy", text(limitBuy));
        }
        query.put("group", group ? "1" : null);
        return one(get(path, query), V1Codec::orderBook);
    }

    /** {@code GET /v1/exchanges/}: the market's trades; {@code type} is not documented here and is refused. */
    public Flux<V1Exchange> exchanges(V1ExchangesQuery filter) {
        if (filter != null && filter.type() != null) {
            return invalidFlux("exchanges: the public list has no type filter (only own exchanges do)");
        }
        return exchangesAt("/v1/exchanges/", filter, false);
    }

    /**
     * {@code GET /charts/<pair>/<type>/chart?limit=&since=&until=} (beside {@code /v1/}, not below it); times in
     * unix seconds, each may be {@code null} (the venue's default limit is 720).
     */
    public Flux<V1Candle> charts(String pair, V1ChartType type, Integer limit, Instant since, Instant until) {
        String problem = V1OrderChecks.pairProblem(pair);
        if (problem == null && type == null) {
            problem = "a chart type is required";
        }
        if (problem == null) {
            problem = V1OrderChecks.positive("limit", limit);
        }
        if (problem == null && since != null && until != null && since.isAfter(until)) {
            problem = "since must not be after until";
        }
        if (problem != null) {
            return invalidFlux("charts: " + problem);
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", text(limit));
        query.put("since", since == null ? null : Long.toString(since.getEpochSecond()));
        query.put("until", until == null ? null : Long.toString(until.getEpochSecond()));
        return list(get("/charts/" + pair + "/" + type.wireValue() + "/chart", query), V1Codec::candle);
    }

    // ---------------------------------------------------------------- private endpoints

    /** {@code GET /v1/wallets/?currency_id=}; {@code currencyId} may be {@code null}. */
    public Flux<V1Wallet> wallets(String currencyId) {
        // read without a tree: a trading loop asks for its balances again and again
        return sendPrivate(request("GET", "/v1/wallets/",
                        currencyId == null ? Map.of() : Map.of("currency_id", currencyId), privateScope()),
                request -> rest.retrieve(request, V1AnswerReaders.WALLETS,
                        tree -> read(tree, node -> V1Codec.list(node, V1Codec::wallet))))
                .flatMapIterable(wallets -> wallets);
    }

    /** {@code GET /v1/orders/own/?type=&pair=&status=&limit=}. */
    public Flux<V1Order> ownOrders(V1OrdersQuery filter) {
        return ordersAt("/v1/orders/own/", filter, true);
    }

    /**
     * {@code GET /v1/order/<id>/}. The documents show it without authentication headers; it is an own order, so it
     * is signed like every private call (see {@code docs/venues/v1.md}).
     */
    public Mono<V1Order> order(long id) {
        if (id <= 0) {
            return invalid("order: an order id is a positive number, was " + id);
        }
        return one(privateGet("/v1/order/" + id + "/", Map.of()), V1Codec::order);
    }

    /** {@code GET /v1/exchanges/own/?type=&pair=&limit=} (and {@code offset}, {@code ordering} on bitexbit). */
    public Flux<V1Exchange> ownExchanges(V1ExchangesQuery filter) {
        return exchangesAt("/v1/exchanges/own/", filter, true);
    }

    /** {@code GET /v1/deposits/}. */
    public Flux<V1Deposit> deposits() {
        return list(privateGet("/v1/deposits/", Map.of()), V1Codec::deposit);
    }

    /** {@code GET /v1/withdraws/?currency_id=&status=}; either may be {@code null}. */
    public Flux<V1Withdraw> withdraws(String currencyId, V1WithdrawStatus status) {
        if (status == V1WithdrawStatus.UNKNOWN) {
            return invalidFlux("withdraws: UNKNOWN is not a status to filter by");
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("currency_id", currencyId);
        query.put("status", status == null ? null : Integer.toString(status.code()));
        return list(privateGet("/v1/withdraws/", query), V1Codec::withdraw);
    }

    /**
     * {@code POST /v1/order/} with {@code type}, {@code pair}, {@code amount}, {@code price}. Checked before sending
     * (a known side, a pair name, positive amount and price). Never sent twice; an ambiguous failure arrives as
     * {@link OrderOutcomeUnknownException} (the order may exist: look at {@link #ownOrders}).
     */
    public Mono<V1PlacedOrder> placeOrder(V1OrderRequest request) {
        return placeOrder(request, null);
    }

    /** {@link #placeOrder(V1OrderRequest)} for the unified API: an unknown outcome carries {@code unified}. */
    Mono<V1PlacedOrder> placeOrder(V1OrderRequest request, OrderRequest unified) {
        List<String> violations = V1OrderChecks.violations(request);
        if (!violations.isEmpty()) {
            return invalid("invalid " + dialect.displayName() + " order: " + String.join("; ", violations));
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", request.type().wireValue());
        form.put("pair", request.pair());
        form.put("amount", request.amount().toPlainString());
        form.put("price", request.price().toPlainString());
        Mono<V1PlacedOrder> placement = one(post("/v1/order/", form), V1Codec::placedOrder);
        return ClientOrderIds.reconcile(placement, null, failure -> {
            String sent = unified != null ? unified.toString() : request.toString();
            ErrorContext context = failure instanceof ExchangeException typed ? typed.context()
                    : ErrorContext.local(venue);
            return new OrderOutcomeUnknownException(ClientOrderIds.unknownOutcome(venue, sent, null), context,
                    failure, unified, sent, null);
        });
    }

    /** {@code POST /v1/order-cancel/} with {@code order}: the id cancelled. Never sent twice. */
    public Mono<V1CancelledOrder> cancelOrder(long orderId) {
        if (orderId <= 0) {
            return invalid("cancel: an order id is a positive number, was " + orderId);
        }
        return one(post("/v1/order-cancel/", Map.of("order", Long.toString(orderId))), V1Codec::cancelledOrder);
    }

    // ---------------------------------------------------------------- plumbing

    private Flux<V1Order> ordersAt(String path, V1OrdersQuery filter, boolean own) {
        V1OrdersQuery f = filter == null ? V1OrdersQuery.ALL : filter;
        String problem = f.type() == V1Side.UNKNOWN ? "UNKNOWN is not a type to filter by"
                : f.status() == V1OrderStatus.UNKNOWN ? "UNKNOWN is not a status to filter by"
                : V1OrderChecks.positive("limit", f.limit());
        if (problem != null) {
            return invalidFlux("orders: " + problem);
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("type", f.type() == null ? null : f.type().wireValue());
        query.put("pair", f.pair());
        query.put("status", f.status() == null ? null : Integer.toString(f.status().code()));
        query.put("limit", text(f.limit()));
        return list(own ? privateGet(path, query) : get(path, query), V1Codec::order);
    }

    private Flux<V1Exchange> exchangesAt(String path, V1ExchangesQuery filter, boolean own) {
        V1ExchangesQuery f = filter == null ? V1ExchangesQuery.ALL : filter;
        String problem = f.type() == V1Side.UNKNOWN ? "UNKNOWN is not a type to filter by"
                : V1OrderChecks.positive("limit", f.limit());
        if (problem == null && !dialect.hasExchangesPaging() && (f.offset() != null || f.ascending() != null)) {
            problem = dialect.displayName() + " documents no offset or ordering";
        }
        if (problem == null && f.offset() != null && f.offset() < 0) {
            problem = "offset must not be negative, was " + f.offset();
        }
        if (problem != null) {
            return invalidFlux("exchanges: " + problem);
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("type", f.type() == null ? null : f.type().wireValue());
        query.put("pair", f.pair());
        query.put("limit", text(f.limit()));
        query.put("offset", text(f.offset()));
        query.put("ordering", f.ascending() == null ? null : f.ascending() ? "id" : "-id");
        return list(own ? privateGet(path, query) : get(path, query), V1Codec::exchange);
    }

    private Mono<JsonNode> get(String path, Map<String, String> query) {
        return send(request("GET", path, query, PUBLIC).build());
    }

    private Mono<JsonNode> privateGet(String path, Map<String, String> query) {
        return sendPrivate(request("GET", path, query, privateScope()), this::send);
    }

    private String privateScope() {
        return dialect.privateCallsSharePublicLimit() ? PUBLIC : PRIVATE;
    }

    /** A private POST; the parameters are serialised once, in the options' body format, and those bytes signed. */
    private Mono<JsonNode> post(String path, Map<String, String> form) {
        boolean json = options.bodyFormat() == V1BodyFormat.JSON;
        return sendPrivate(request("POST", path, Map.of(), privateScope())
                .body(V1Signature.body(form, json), json ? V1Signature.JSON : V1Signature.FORM), this::send);
    }

    private RestRequest.Builder request(String method, String path, Map<String, String> query, String scope) {
        RestRequest.Builder builder = RestRequest.builder(method, path).rateLimit(scope, 1)
                .header("Accept", "application/json");
        query.forEach((name, value) -> {
            if (value != null) {
                builder.query(name, value);
            }
        });
        return builder;
    }

    private Mono<JsonNode> send(RestRequest request) {
        return rest.retrieveTree(request);
    }

    /** A private call carries {@code X-KEY} from the start: the nonce-order and signing steps know it by that. */
    private <T> Mono<T> sendPrivate(RestRequest.Builder request, Function<RestRequest, Mono<T>> how) {
        if (signature == null) {
            RestRequest refused = request.build();
            return Mono.error(() -> new AuthenticationException(dialect.displayName() + " " + refused.method() + " "
                    + refused.path() + " is private: configure V1Options.credentials", ErrorContext.local(venue)));
        }
        return how.apply(request.header("X-KEY", signature.apiKey()).build());
    }

    private static boolean isPrivate(RestRequest request) {
        return request.header("X-KEY") != null;
    }

    private <T> Flux<T> list(Mono<JsonNode> answer, Function<JsonNode, T> element) {
        return answer.flatMapIterable(tree -> read(tree, node -> V1Codec.list(node, element)));
    }

    private <T> Mono<T> one(Mono<JsonNode> answer, Function<JsonNode, T> reader) {
        return answer.map(tree -> read(tree, reader));
    }

    /** Reads an answer; a shape that does not fit is a {@link ProtocolException} carrying the body. */
    private <T> T read(JsonNode tree, Function<JsonNode, T> reader) {
        try {
            return reader.apply(tree);
        } catch (IllegalArgumentException | ArithmeticException unfit) {
            LOG.debug("{} answer does not fit: {}", venue, unfit.getMessage());
            throw new ProtocolException(venue + " answered in a shape the document does not have: "
                    + unfit.getMessage(), new ErrorContext(venue, 200, null, null), unfit);
        }
    }

    private <T> Mono<T> invalid(String rule) {
        return Mono.error(() -> new InvalidRequestException(rule, ErrorContext.local(venue)));
    }

    private <T> Flux<T> invalidFlux(String rule) {
        return Flux.error(() -> new InvalidRequestException(rule, ErrorContext.local(venue)));
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }
}
