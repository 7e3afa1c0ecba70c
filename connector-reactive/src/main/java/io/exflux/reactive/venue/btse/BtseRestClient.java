package io.exflux.reactive.venue.btse;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.config.Credentials;
import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.NotFoundException;
import io.exflux.api.error.OrderOutcomeUnknownException;
import io.exflux.api.error.ProtocolException;
import io.exflux.api.model.OrderRequest;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.internal.auth.NonceSource;
import io.exflux.reactive.internal.auth.SecretRedactor;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.internal.http.RestClient;
import io.exflux.reactive.internal.http.RestOptions;
import io.exflux.reactive.internal.http.RestRequest;
import io.exflux.reactive.internal.resources.SharedResources;
import io.exflux.reactive.internal.unified.ClientOrderIds;
import io.exflux.reactive.internal.unified.SymbolCache;
import io.exflux.reactive.venue.btse.internal.BtseBodies;
import io.exflux.reactive.venue.btse.internal.BtseErrors;
import io.exflux.reactive.venue.btse.internal.BtseOrderChecks;
import io.exflux.reactive.venue.btse.internal.BtseSignature;
import io.exflux.reactive.venue.btse.model.BtseAmendRequest;
import io.exflux.reactive.venue.btse.model.BtseBalance;
import io.exflux.reactive.venue.btse.model.BtseCandle;
import io.exflux.reactive.venue.btse.model.BtseConversion;
import io.exflux.reactive.venue.btse.model.BtseDepositAddress;
import io.exflux.reactive.venue.btse.model.BtseExchangeRate;
import io.exflux.reactive.venue.btse.model.BtseFees;
import io.exflux.reactive.venue.btse.model.BtseMarketSummary;
import io.exflux.reactive.venue.btse.model.BtseOpenOrder;
import io.exflux.reactive.venue.btse.model.BtseOrderBook;
import io.exflux.reactive.venue.btse.model.BtseOrderRequest;
import io.exflux.reactive.venue.btse.model.BtseOrderResult;
import io.exflux.reactive.venue.btse.model.BtsePrice;
import io.exflux.reactive.venue.btse.model.BtseResolution;
import io.exflux.reactive.venue.btse.model.BtseServerTime;
import io.exflux.reactive.venue.btse.model.BtseTrade;
import io.exflux.reactive.venue.btse.model.BtseTradeHistoryQuery;
import io.exflux.reactive.venue.btse.model.BtseTransfer;
import io.exflux.reactive.venue.btse.model.BtseUserTrade;
import io.exflux.reactive.venue.btse.model.BtseWalletAction;
import io.exflux.reactive.venue.btse.model.BtseWalletHistoryEntry;
import io.exflux.reactive.venue.btse.model.BtseWalletHistoryQuery;
import io.exflux.reactive.venue.btse.model.BtseWithdrawal;
import io.exflux.reactive.venue.btse.model.BtseWithdrawalRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * BTSE spot REST v3.2, every endpoint of the wallet document and of the spot market-data and order API,
 * venue-typed, on the shared REST pipeline. Every method is cold: nothing is sent until subscription.
 *
 * <p>Authentication: private calls carry {@code btse-api}, {@code btse-nonce} and {@code btse-sign} (or the renamed
 * {@code request-*} headers, {@link BtseOptions#headerNaming()}): HMAC-SHA384 over the path below the REST base
 * (without {@code /spot} and without the query), the nonce and the exact body bytes sent. Nonces come from the
 * resources' source for the API key, so clients of one key never reuse one.
 *
 * <p>Rate limits: market data and account queries draw from {@link BtseOptions#QUERY_SCOPE}, order calls from
 * {@link BtseOptions#ORDERS_SCOPE}, wallet calls from {@link BtseOptions#WALLET_SCOPE}; a 429 is waited out for its
 * {@code Retry-After} by the pipeline (idempotent calls) or arrives as {@code RateLimitedException}.
 *
 * <p>Errors: order endpoints answer HTTP 200 with a numeric {@code status}; every failing code becomes its typed
 * error (8 {@code InsufficientFundsException}, 16 {@code NotFoundException}, 15 {@code InvalidRequestException}...,
 * see {@code BtseOrderStatusCode}). Bad input fails with {@code InvalidRequestException} naming the rule before
 * anything is sent. Queries are retried on transient failures; placing, amending and cancelling orders,
 * withdrawals, transfers and conversions never are. A placement whose outcome is unknown is looked up by its
 * {@code clOrderID} (open orders, then the trade history); found, it is the answer, else the call fails with
 * {@code OrderOutcomeUnknownException}.
 */
public final class BtseRestClient {

    private static final Logger LOG = LoggerFactory.getLogger(BtseRestClient.class);
    private static final String VENUE = BtseErrors.VENUE;
    private static final String API = "/api/v3.2/";
    private static final String QUERY = BtseOptions.QUERY_SCOPE;
    private static final String ORDERS = BtseOptions.ORDERS_SCOPE;
    private static final String WALLET = BtseOptions.WALLET_SCOPE;
    /** BTSE accepts at most this many decimals in a withdrawal amount (code 3506 otherwise). */
    public static final int MAX_WITHDRAWAL_DECIMALS = 8;
    /** The widest window of {@code GET /trades}. */
    public static final Duration MAX_TRADES_WINDOW = Duration.ofDays(30);
    /** The widest window of {@code GET /user/trade_history}. */
    public static final Duration MAX_TRADE_HISTORY_WINDOW = Duration.ofDays(7);
    /** The highest {@code group} of {@code GET /orderbook}. */
    public static final int MAX_BOOK_GROUP = 8;

    private final BtseOptions options;
    private final RestClient rest;
    private final BtseSignature signature;
    private final NonceSource nonces;
    private final SymbolCache<BtseMarketSummary> markets;
    /** The resources this client created because the options named none; closed with it. */
    private final ClientResources ownResources;

    /**
     * A client on the options' {@code ClientResources}, or on resources of its own when the options name none
     * ({@link #dispose()} closes those).
     */
    public BtseRestClient(BtseOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        Credentials credentials = options.credentials();
        this.ownResources = options.resources().isPresent() ? null
                : ClientResources.builder().pool(options.http()).build();
        ClientResources resources = options.resources().orElse(ownResources);
        this.signature = credentials == null ? null
                : new BtseSignature(credentials.apiKey(), credentials.secretBytes(), options.headerNaming());
        this.nonces = credentials == null ? null
                : SharedResources.of(resources).nonceSource(VENUE, credentials.apiKey());
        SecretRedactor redactor = credentials == null ? SecretRedactor.fieldsOnly()
                : SecretRedactor.of(() -> List.of(credentials.secretText()));
        String base = options.restUrl().toString();
        this.rest = RestClient.builder(RestOptions.from(options, VENUE,
                        base.endsWith("/") ? base.substring(0, base.length() - 1) : base).resources(resources).build())
                .errorMapper(BtseErrors.table())
                .signer(signature == null ? null : this::sign)
                .redactor(redactor)
                .build();
        this.markets = new SymbolCache<>(marketSummary(null), BtseMarketSummary::symbol, options.pairsCacheTtl(),
                resources.scheduler());
    }

    /** Closes the resources this client created for itself (given resources stay open). */
    public void dispose() {
        disposeLater().subscribe(null, error -> LOG.warn("closing the BTSE REST client's resources failed", error));
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
    public BtseOptions options() {
        return options;
    }

    // ---------------------------------------------------------------- market data

    /** {@code GET /api/v3.2/time}. */
    public Mono<BtseServerTime> time() {
        return retrieve(get("time", QUERY, Map.of()), new TypeReference<BtseServerTime>() { });
    }

    /** {@code GET /api/v3.2/market_summary}: every market, or one when {@code symbol} is not {@code null}. */
    public Flux<BtseMarketSummary> marketSummary(String symbol) {
        return list(get("market_summary", QUERY, query("symbol", symbol)), BtseMarketSummary.class);
    }

    /** One market's summary from the cached list ({@link BtseOptions#pairsCacheTtl()}); empty when unknown. */
    public Mono<BtseMarketSummary> market(String symbol) {
        return markets.get(symbol);
    }

    /**
     * {@code GET /api/v3.2/ohlcv}: candles of one market; {@code start} and {@code end} (sent as unix milliseconds)
     * may be {@code null} (BTSE answers its last 300).
     */
    public Flux<BtseCandle> ohlcv(String symbol, BtseResolution resolution, Instant start, Instant end) {
        if (blank(symbol) || resolution == null) {
            return invalidFlux("ohlcv needs a symbol and a resolution");
        }
        if (start != null && end != null && start.isAfter(end)) {
            return invalidFlux("ohlcv start must not be after end");
        }
        Map<String, String> query = query("symbol", symbol);
        query.put("resolution", Integer.toString(resolution.minutes()));
        query.put("start", millis(start));
        query.put("end", millis(end));
        return list(get("ohlcv", QUERY, query), BtseCandle.class);
    }

    /**
     * {@code GET /api/v3.2/price}: one market, or every market when {@code symbol} is {@code null} (the document
     * marks the parameter required but says that without it all markets are returned: we allow both).
     */
    public Flux<BtsePrice> price(String symbol) {
        return list(get("price", QUERY, query("symbol", symbol)), BtsePrice.class);
    }

    /**
     * {@code GET /api/v3.2/orderbook}: {@code group} 0 to 8 (price grouping), the limits positive; each of the three
     * may be {@code null}.
     */
    public Mono<BtseOrderBook> orderBook(String symbol, Integer group, Integer limitBids, Integer limitAsks) {
        if (blank(symbol)) {
            return invalid("orderbook needs a symbol");
        }
        if (group != null && (group < 0 || group > MAX_BOOK_GROUP)) {
            return invalid("orderbook group must lie within 0..8, was " + group);
        }
        if (limitBids != null && limitBids < 1 || limitAsks != null && limitAsks < 1) {
            return invalid("orderbook limits must be positive, were " + limitBids + " and " + limitAsks);
        }
        Map<String, String> query = query("symbol", symbol);
        query.put("group", text(group));
        query.put("limit_bids", text(limitBids));
        query.put("limit_asks", text(limitAsks));
        return retrieve(get("orderbook", QUERY, query), new TypeReference<BtseOrderBook>() { });
    }

    /** {@code GET /api/v3.2/orderbook/L2}: {@code depth} levels a side, positive, or {@code null}. */
    public Mono<BtseOrderBook> orderBookL2(String symbol, Integer depth) {
        if (blank(symbol)) {
            return invalid("orderbook/L2 needs a symbol");
        }
        if (depth != null && depth < 1) {
            return invalid("orderbook/L2 depth must be positive, was " + depth);
        }
        Map<String, String> query = query("symbol", symbol);
        query.put("depth", text(depth));
        return retrieve(get("orderbook/L2", QUERY, query), new TypeReference<BtseOrderBook>() { });
    }

    /**
     * {@code GET /api/v3.2/trades}: public trades of one market within a window of at most 30 days (BTSE's default
     * is the last 3 days); every argument but the symbol may be {@code null}.
     */
    public Flux<BtseTrade> trades(String symbol, Instant startTime, Instant endTime, Integer count) {
        if (blank(symbol)) {
            return invalidFlux("trades needs a symbol");
        }
        String window = windowViolation("trades", startTime, endTime, MAX_TRADES_WINDOW);
        if (window != null) {
            return invalidFlux(window);
        }
        if (count != null && count < 1) {
            return invalidFlux("trades count must be positive, was " + count);
        }
        Map<String, String> query = query("symbol", symbol);
        query.put("startTime", millis(startTime));
        query.put("endTime", millis(endTime));
        query.put("count", text(count));
        return list(get("trades", QUERY, query), BtseTrade.class);
    }

    /** {@code GET /api/v3.2/availableCurrencyNetworks}: a currency's networks ({@code Bitcoin}, {@code Liquid}). */
    public Flux<String> availableCurrencyNetworks(String currency) {
        if (blank(currency)) {
            return invalidFlux("availableCurrencyNetworks needs a currency");
        }
        return list(get("availableCurrencyNetworks", WALLET, query("currency", currency)), String.class);
    }

    /** {@code GET /api/v3.2/exchangeRate}: the wrapped rate between two assets. */
    public Mono<BtseExchangeRate> exchangeRate(String srcCurrency, String targetCurrency) {
        if (blank(srcCurrency) || blank(targetCurrency)) {
            return invalid("exchangeRate needs srcCurrency and targetCurrency");
        }
        Map<String, String> query = query("srcCurrency", srcCurrency);
        query.put("targetCurrency", targetCurrency);
        return retrieve(get("exchangeRate", WALLET, query), new TypeReference<BtseExchangeRate>() { });
    }

    /** {@code GET /api/v3.2/availableCurrencies}: the currencies of a wallet action (signed when credentials exist). */
    public Flux<String> availableCurrencies(BtseWalletAction action) {
        if (action == null) {
            return invalidFlux("availableCurrencies needs an action (CONVERT, WITHDRAW or SEND)");
        }
        return list(get("availableCurrencies", WALLET, query("action", action.name())), String.class);
    }

    // ---------------------------------------------------------------- wallet

    /** {@code GET /api/v3.2/user/wallet}: the spot wallet's balances. */
    public Flux<BtseBalance> wallet() {
        return list(get("user/wallet", WALLET, Map.of()), BtseBalance.class);
    }

    /** {@code GET /api/v3.2/user/wallet_history} with these filters ({@link BtseWalletHistoryQuery#ALL} for none). */
    public Flux<BtseWalletHistoryEntry> walletHistory(BtseWalletHistoryQuery filter) {
        if (filter == null) {
            return invalidFlux("walletHistory needs a query (BtseWalletHistoryQuery.ALL for no filter)");
        }
        if (filter.count() != null && filter.count() < 1) {
            return invalidFlux("wallet history count must be positive, was " + filter.count());
        }
        if (filter.startTime() != null && filter.endTime() != null && filter.startTime().isAfter(filter.endTime())) {
            return invalidFlux("wallet history startTime must not be after endTime");
        }
        Map<String, String> query = query("currency", filter.currency());
        query.put("startTime", millis(filter.startTime()));
        query.put("endTime", millis(filter.endTime()));
        query.put("count", text(filter.count()));
        query.put("useNewSymbolNaming", filter.useNewSymbolNaming() == null ? null
                : filter.useNewSymbolNaming().toString());
        return list(get("user/wallet_history", WALLET, query), BtseWalletHistoryEntry.class);
    }

    /** {@code GET /api/v3.2/user/wallet/address}: the parameters go in the query (the document shows a GET body). */
    public Mono<BtseDepositAddress> depositAddress(String currency, String network) {
        if (blank(currency) || blank(network)) {
            return invalid("the wallet address needs a currency and a network");
        }
        Map<String, String> query = query("currency", currency);
        query.put("network", network);
        return list(get("user/wallet/address", WALLET, query), BtseDepositAddress.class).next();
    }

    /**
     * {@code POST /api/v3.2/user/wallet/address}: a new address, or, when the last one has not been used, BTSE's
     * 400 answer carrying that existing address, which is the answer too. Never retried.
     */
    public Mono<BtseDepositAddress> createDepositAddress(String currency, String network) {
        if (blank(currency) || blank(network)) {
            return invalid("a wallet address needs a currency and a network");
        }
        return list(post("user/wallet/address", WALLET, BtseBodies.depositAddress(currency, network)),
                BtseDepositAddress.class).next()
                .onErrorResume(InvalidRequestException.class, refused -> existingAddress(refused)
                        .map(Mono::just).orElseGet(() -> Mono.error(refused)));
    }

    /** The unused address a 400 of the address creation carries, if it carries one. */
    private static Optional<BtseDepositAddress> existingAddress(ExchangeException refused) {
        String body = refused.context() == null ? null : refused.context().rawBody();
        if (body == null || refused.context().httpStatus() != 400) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.mapper().readTree(body);
            JsonNode row = node != null && node.isArray() && node.size() > 0 ? node.get(0) : node;
            if (row == null || !row.isObject() || row.path("address").asText("").isBlank()) {
                return Optional.empty();
            }
            return Optional.of(Json.mapper().treeToValue(row, BtseDepositAddress.class));
        } catch (IOException notAnAddress) {
            return Optional.empty();
        }
    }

    /**
     * {@code POST /api/v3.2/user/wallet/withdraw}. An amount with more than 8 decimals is refused before sending
     * (BTSE would answer 3506). Never retried: after an ambiguous failure look for the withdrawal in
     * {@link #walletHistory} before sending another.
     */
    public Mono<BtseWithdrawal> withdraw(BtseWithdrawalRequest request) {
        if (request == null) {
            return invalid("withdraw needs a request");
        }
        List<String> violations = new ArrayList<>();
        if (blank(request.currency())) {
            violations.add("currency (a currency-network pair such as BTC-Bitcoin) is required");
        }
        if (blank(request.address())) {
            violations.add("address is required");
        }
        if (request.amount() == null || request.amount().signum() <= 0) {
            violations.add("amount must be positive, was "
                    + (request.amount() == null ? null : request.amount().toPlainString()));
        } else if (decimals(request.amount()) > MAX_WITHDRAWAL_DECIMALS) {
            violations.add("amount " + request.amount().toPlainString() + " has " + decimals(request.amount())
                    + " decimals, BTSE withdraws at most " + MAX_WITHDRAWAL_DECIMALS);
        }
        if (!violations.isEmpty()) {
            return invalid("invalid BTSE withdrawal: " + String.join("; ", violations));
        }
        return retrieve(post("user/wallet/withdraw", WALLET, BtseBodies.withdraw(request)),
                new TypeReference<BtseWithdrawal>() { });
    }

    /** {@code POST /api/v3.2/user/wallet/convert}: {@code fromAsset} into {@code toAsset}; never retried. */
    public Mono<BtseConversion> convert(String fromAsset, String toAsset, BigDecimal amount) {
        if (blank(fromAsset) || blank(toAsset)) {
            return invalid("convert needs fromAsset and toAsset");
        }
        if (amount == null || amount.signum() <= 0) {
            return invalid("convert amount must be positive, was " + (amount == null ? null : amount.toPlainString()));
        }
        return retrieve(post("user/wallet/convert", WALLET, BtseBodies.convert(fromAsset, toAsset, amount)),
                new TypeReference<BtseConversion>() { });
    }

    /**
     * {@code POST /api/v3.2/user/wallet/transfer}: {@code amount} of {@code asset} to another BTSE user, named by
     * user name and e-mail (both required). Never retried.
     */
    public Mono<BtseTransfer> transfer(String asset, BigDecimal amount, String toUser, String toUserMail,
                                       Boolean useNewSymbolNaming) {
        if (blank(asset) || blank(toUser) || blank(toUserMail)) {
            return invalid("transfer needs asset, toUser and toUserMail");
        }
        if (amount == null || amount.signum() <= 0) {
            return invalid("transfer amount must be positive, was " + (amount == null ? null : amount.toPlainString()));
        }
        return retrieve(post("user/wallet/transfer", WALLET,
                BtseBodies.transfer(asset, amount, toUser, toUserMail, useNewSymbolNaming)),
                new TypeReference<BtseTransfer>() { });
    }

    // ---------------------------------------------------------------- orders

    /**
     * {@code POST /api/v3.2/order}: one row per order placed (an OCO places two). Checked before sending: the fields
     * each type needs, and the market's price and size increments and size limits ({@link #market}). Never sent
     * twice; a status code meaning failure arrives as its typed error. When the placement fails ambiguously (no
     * answer in time, a 5xx, a lost connection, BTSE's TIMEOUT status) a request with a {@code clOrderID} is looked
     * up among the open orders and the trade history, and a found order is the answer; otherwise the call fails with
     * {@link OrderOutcomeUnknownException}.
     */
    public Mono<List<BtseOrderResult>> placeOrder(BtseOrderRequest request) {
        return placeOrder(request, null);
    }

    /** {@link #placeOrder(BtseOrderRequest)} for the unified API: an unknown outcome carries {@code unified}. */
    Mono<List<BtseOrderResult>> placeOrder(BtseOrderRequest request, OrderRequest unified) {
        List<String> basic = BtseOrderChecks.violations(request);
        if (!basic.isEmpty()) {
            return invalid("invalid BTSE order: " + String.join("; ", basic));
        }
        return market(request.symbol())
                .switchIfEmpty(Mono.error(() -> new InvalidRequestException("BTSE has no market " + request.symbol(),
                        ErrorContext.local(VENUE))))
                .flatMap(market -> {
                    List<String> violations = BtseOrderChecks.violations(request, market);
                    if (!violations.isEmpty()) {
                        return invalid("invalid BTSE order: " + String.join("; ", violations));
                    }
                    Mono<List<BtseOrderResult>> placement = Mono.defer(() -> orderResults(
                            post("order", ORDERS, BtseBodies.order(request))));
                    String clOrderID = request.clOrderID();
                    return ClientOrderIds.reconcile(placement, clOrderID == null ? null
                                    : () -> findOrder(request.symbol(), clOrderID).map(List::of),
                            failure -> unknownOutcome(failure, unified, request));
                });
    }

    private static OrderOutcomeUnknownException unknownOutcome(Throwable failure, OrderRequest unified,
                                                               BtseOrderRequest sent) {
        String description = unified != null ? unified.toString() : sent.toString();
        ErrorContext context = failure instanceof ExchangeException typed ? typed.context() : ErrorContext.local(VENUE);
        return new OrderOutcomeUnknownException(ClientOrderIds.unknownOutcome(VENUE, description, sent.clOrderID()),
                context, failure, unified, description, sent.clOrderID());
    }

    /**
     * The order BTSE holds with this {@code clOrderID} on this market: an open one, else one with a fill in the
     * trade history (reported fully filled, or partially when the fills fall short of the size); empty when none.
     */
    public Mono<BtseOrderResult> findOrder(String symbol, String clOrderID) {
        if (blank(symbol) || blank(clOrderID)) {
            return invalid("findOrder needs a symbol and a clOrderID");
        }
        Mono<BtseOrderResult> open = openOrders(symbol, null, clOrderID)
                .filter(order -> clOrderID.equals(order.clOrderID())).next()
                .map(BtseRestClient::asResult);
        Mono<BtseOrderResult> traded = tradeHistory(new BtseTradeHistoryQuery(symbol, null, null, null, clOrderID,
                null, null))
                .filter(trade -> clOrderID.equals(trade.clOrderID())).next()
                .map(BtseRestClient::asResult);
        return open.switchIfEmpty(traded);
    }

    private static BtseOrderResult asResult(BtseOpenOrder o) {
        boolean partly = o.filledSize() != null && o.filledSize().signum() > 0;
        return new BtseOrderResult(partly ? 5 : 2, o.symbol(), o.orderType(), o.price(), o.side(), o.size(),
                o.orderID(), o.timestamp(), o.triggerPrice(), o.triggerStopPrice(), o.triggerOrder(), null,
                o.averageFillPrice(), o.filledSize(), o.clOrderID(), null, o.pegPriceDeviation(), null, o.size(),
                o.size() == null || o.filledSize() == null ? null : o.size().subtract(o.filledSize()), o.timeInForce());
    }

    private static BtseOrderResult asResult(BtseUserTrade t) {
        boolean full = t.size() == null || t.filledSize() == null || t.filledSize().compareTo(t.size()) >= 0;
        return new BtseOrderResult(full ? 4 : 5, t.symbol(), t.orderType(), t.price(), t.side(), t.size(),
                t.orderId(), t.timestamp(), t.triggerPrice(), null, null, null, t.averageFillPrice(), t.filledSize(),
                t.clOrderID(), null, null, null, t.size(), null, null);
    }

    /**
     * {@code PUT /api/v3.2/order}: changes an open order's price, size or trigger price (or ALL of them), checked
     * against the market's increments first. Never retried.
     */
    public Mono<List<BtseOrderResult>> amendOrder(BtseAmendRequest request) {
        List<String> basic = BtseOrderChecks.violations(request, null);
        if (!basic.isEmpty()) {
            return invalid("invalid BTSE amendment: " + String.join("; ", basic));
        }
        return market(request.symbol())
                .switchIfEmpty(Mono.error(() -> new InvalidRequestException("BTSE has no market " + request.symbol(),
                        ErrorContext.local(VENUE))))
                .flatMap(market -> {
                    List<String> violations = BtseOrderChecks.violations(request, market);
                    return violations.isEmpty()
                            ? orderResults(request("PUT", "order", ORDERS, Map.of(), BtseBodies.amend(request)))
                            : invalid("invalid BTSE amendment: " + String.join("; ", violations));
                });
    }

    /**
     * {@code DELETE /api/v3.2/order}: cancels the order named by {@code orderID} or {@code clOrderID}, or, when both
     * are {@code null}, every order of the market. One row per cancelled order (status 6). Never retried.
     */
    public Mono<List<BtseOrderResult>> cancelOrder(String symbol, String orderID, String clOrderID) {
        if (blank(symbol)) {
            return invalid("cancelling needs a symbol");
        }
        if (orderID != null && clOrderID != null) {
            return invalid("cancel names an order by orderID or by clOrderID, not both");
        }
        if (orderID != null && orderID.isBlank() || clOrderID != null && clOrderID.isBlank()) {
            return invalid("cancel needs a non-blank order id");
        }
        Map<String, String> query = query("symbol", symbol);
        query.put("orderID", orderID);
        query.put("clOrderID", clOrderID);
        return orderResults(request("DELETE", "order", ORDERS, query, null));
    }

    /**
     * {@code POST /api/v3.2/order/cancelAllAfter}: the dead-man switch. Every open order is cancelled when
     * {@code timeout} passes without another call; {@link Duration#ZERO} switches it off. Completes when BTSE has
     * taken it. Never retried.
     */
    public Mono<Void> cancelAllAfter(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            return invalid("cancelAllAfter needs a timeout that is not negative, was " + timeout);
        }
        long millis;
        try {
            millis = timeout.toMillis();
        } catch (ArithmeticException tooLong) {
            return invalid("cancelAllAfter timeout is too long: " + timeout);
        }
        return signature == null ? withoutCredentials() : rest.retrieveIfAny(post("order/cancelAllAfter", ORDERS,
                BtseBodies.cancelAllAfter(millis)), new TypeReference<JsonNode>() { }).then();
    }

    /**
     * {@code GET /api/v3.2/order}: one order by {@code orderID} or {@code clOrderID} (open, or cancelled within the
     * last 30 minutes). An unknown order is a {@code NotFoundException} (status 16).
     */
    public Mono<BtseOrderResult> order(String orderID, String clOrderID) {
        if ((orderID == null) == (clOrderID == null)) {
            return invalid("order needs exactly one of orderID and clOrderID");
        }
        Map<String, String> query = query("orderID", orderID);
        query.put("clOrderID", clOrderID);
        return orderResults(get("order", QUERY, query))
                .flatMap(rows -> rows.isEmpty() ? Mono.error(new NotFoundException("BTSE has no order "
                        + (orderID != null ? orderID : "with clOrderID " + clOrderID), ErrorContext.local(VENUE)))
                        : Mono.just(rows.get(0)));
    }

    /** {@code GET /api/v3.2/user/open_orders}; every filter may be {@code null}. */
    public Flux<BtseOpenOrder> openOrders(String symbol, String orderID, String clOrderID) {
        Map<String, String> query = query("symbol", symbol);
        query.put("orderID", orderID);
        query.put("clOrderID", clOrderID);
        return list(get("user/open_orders", QUERY, query), BtseOpenOrder.class);
    }

    /**
     * {@code GET /api/v3.2/user/trade_history}: the account's executions on one market, within a window of at most
     * 7 days. The answer may be one object (as the 2023 document shows) or an array; both are read.
     */
    public Flux<BtseUserTrade> tradeHistory(BtseTradeHistoryQuery filter) {
        if (filter == null || blank(filter.symbol())) {
            return invalidFlux("trade history needs a symbol");
        }
        String window = windowViolation("trade history", filter.startTime(), filter.endTime(),
                MAX_TRADE_HISTORY_WINDOW);
        if (window != null) {
            return invalidFlux(window);
        }
        if (filter.count() != null && filter.count() < 1) {
            return invalidFlux("trade history count must be positive, was " + filter.count());
        }
        Map<String, String> query = query("symbol", filter.symbol());
        query.put("startTime", millis(filter.startTime()));
        query.put("endTime", millis(filter.endTime()));
        query.put("count", text(filter.count()));
        query.put("clOrderID", filter.clOrderID());
        query.put("orderID", filter.orderID());
        query.put("isMatchSymbol", filter.isMatchSymbol() == null ? null : filter.isMatchSymbol().toString());
        return list(get("user/trade_history", QUERY, query), BtseUserTrade.class);
    }

    /** {@code GET /api/v3.2/user/fees}: the account's rates, of one market or (with {@code null}) of all. */
    public Flux<BtseFees> fees(String symbol) {
        return list(get("user/fees", QUERY, query("symbol", symbol)), BtseFees.class);
    }

    // ---------------------------------------------------------------- plumbing

    private static RestRequest get(String path, String scope, Map<String, String> query) {
        return request("GET", path, scope, query, null);
    }

    private static RestRequest post(String path, String scope, byte[] body) {
        return request("POST", path, scope, Map.of(), body);
    }

    private static RestRequest request(String method, String path, String scope, Map<String, String> query,
                                       byte[] body) {
        RestRequest.Builder builder = RestRequest.builder(method, API + path)
                .rateLimit(scope, 1)
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

    /** Whether BTSE wants the call signed: the user and order endpoints. */
    private static boolean isPrivate(RestRequest request) {
        return request.path().startsWith(API + "user/") || request.path().equals(API + "order")
                || request.path().startsWith(API + "order/");
    }

    /** The per-attempt step: a fresh nonce and signature for every private call (and wallet lists, with a key). */
    private Mono<RestRequest> sign(RestRequest request) {
        boolean wanted = isPrivate(request) || request.path().equals(API + "availableCurrencies");
        return Mono.fromSupplier(() -> wanted ? signature.authenticate(request, nonces.next()) : request);
    }

    private <T> Mono<T> retrieve(RestRequest request, TypeReference<T> type) {
        return signature == null && isPrivate(request) ? withoutCredentials() : rest.retrieve(request, type);
    }

    /** An answer that is a JSON array of records, or one record alone (read as a list of one). */
    private <T> Flux<T> list(RestRequest request, Class<T> type) {
        if (signature == null && isPrivate(request)) {
            return withoutCredentials().flux().cast(type);
        }
        JavaType javaType = Json.mapper().constructType(type);
        return rest.retrieveTree(request).flatMapMany(tree -> {
            try {
                List<T> out = new ArrayList<>();
                if (tree.isArray()) {
                    for (JsonNode element : tree) {
                        out.add(Json.mapper().treeToValue(element, javaType));
                    }
                } else if (!tree.isNull()) {
                    out.add(Json.mapper().treeToValue(tree, javaType));
                }
                return Flux.fromIterable(out);
            } catch (IOException | IllegalArgumentException unreadable) {
                return Flux.error(new ProtocolException("could not read the answer to " + request.method() + " "
                        + request.path() + " as " + type.getSimpleName(),
                        new ErrorContext(VENUE, 200, null, null), unreadable));
            }
        });
    }

    private Mono<List<BtseOrderResult>> orderResults(RestRequest request) {
        return list(request, BtseOrderResult.class).collectList();
    }

    private static <T> Mono<T> withoutCredentials() {
        return Mono.error(() -> new AuthenticationException("BTSE private call without credentials: configure "
                + "BtseOptions.credentials", ErrorContext.local(VENUE)));
    }

    private static <T> Mono<T> invalid(String message) {
        return Mono.error(() -> new InvalidRequestException(message, ErrorContext.local(VENUE)));
    }

    private static <T> Flux<T> invalidFlux(String message) {
        return Flux.error(() -> new InvalidRequestException(message, ErrorContext.local(VENUE)));
    }

    private static String windowViolation(String call, Instant start, Instant end, Duration widest) {
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                return call + " startTime must not be after endTime";
            }
            if (Duration.between(start, end).compareTo(widest) > 0) {
                return call + " window must be at most " + widest.toDays() + " days, was "
                        + Duration.between(start, end);
            }
        }
        return null;
    }

    private static Map<String, String> query(String name, String value) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put(name, value);
        return query;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }

    private static String millis(Instant time) {
        return time == null ? null : Long.toString(time.toEpochMilli());
    }
}
