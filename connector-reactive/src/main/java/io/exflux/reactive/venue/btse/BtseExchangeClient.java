package io.exflux.reactive.venue.btse;

import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.stream.ConnectionEvent;
import io.exflux.reactive.internal.unified.ConnectionNotices;
import io.exflux.api.Capabilities;
import io.exflux.api.Capability;
import io.exflux.api.ExchangeClient;
import io.exflux.api.error.UnsupportedCapabilityException;
import io.exflux.api.model.Balance;
import io.exflux.api.model.CancelResult;
import io.exflux.api.model.Candle;
import io.exflux.api.model.CandleInterval;
import io.exflux.api.model.Conversion;
import io.exflux.api.model.ConversionRequest;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Deposit;
import io.exflux.api.model.DepositAddress;
import io.exflux.api.model.ExchangeRate;
import io.exflux.api.model.Fill;
import io.exflux.api.model.LedgerEntry;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderAmendment;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.OrderRequestRules;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.Ticker;
import io.exflux.api.model.Trade;
import io.exflux.api.model.TradingFee;
import io.exflux.api.model.Transfer;
import io.exflux.api.model.TransferRequest;
import io.exflux.api.model.TransferStatus;
import io.exflux.api.model.Withdrawal;
import io.exflux.api.model.WithdrawalRequest;
import io.exflux.api.model.WalletRequestRules;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.internal.unified.PairCache;
import io.exflux.reactive.internal.unified.UnifiedSupport;
import io.exflux.reactive.venue.btse.internal.BtseAccountMarkets;
import io.exflux.reactive.venue.btse.internal.BtseErrors;
import io.exflux.reactive.venue.btse.internal.BtseMapper;
import io.exflux.reactive.venue.btse.internal.BtseOrderRequests;
import io.exflux.reactive.venue.btse.internal.BtseRecentOrders;
import io.exflux.reactive.venue.btse.model.BtseWalletHistoryEntry;
import io.exflux.reactive.venue.btse.model.BtseWalletHistoryQuery;
import io.exflux.reactive.venue.btse.model.BtseWalletType;
import io.exflux.reactive.venue.btse.model.BtseWithdrawalRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * BTSE spot through the unified API, on the native {@link #rest()} client. {@link #capabilities()} lists what works;
 * the rest fails with {@link UnsupportedCapabilityException}. Orders are checked against the market's increments and
 * size limits ({@code GET /market_summary}, cached for {@link BtseOptions#pairsCacheTtl()}) before anything is sent,
 * and reconciled by their client order id after an ambiguous failure. Wallet operations (withdraw, transfer,
 * convert, deposit addresses) and the amend, dead-man-switch and fee calls of the extended API are served too.
 * Every method is cold; errors are those of {@link BtseRestClient}.
 */
public final class BtseExchangeClient implements ExchangeClient {

    private static final String VENUE = BtseErrors.VENUE;
    /** Trades read to back-fill a trade stream after a reconnect. */
    static final int TRADES_BACKFILL_PAGE = 500;
    /** Fills read per market to resync {@code watchFills} after a re-login (the most BTSE's trade history serves). */
    static final int FILLS_BACKFILL_PAGE = 500;
    /** How far back the fill resync reads: BTSE's trade history serves 7 days, less an hour for clock skew. */
    static final Duration FILLS_LOOKBACK = Duration.ofDays(7).minusHours(1);
    /** Orders looked up at once after a re-login (the query scope allows 15 calls a second). */
    private static final int LOOKUPS_AT_ONCE = 4;
    private static final Logger LOG = LoggerFactory.getLogger(BtseExchangeClient.class);
    private static final UnifiedSupport SUPPORT = new UnifiedSupport(VENUE);

    private static final List<Capability> PUBLIC = List.of(
            Capability.SERVER_TIME, Capability.PAIRS, Capability.TICKER, Capability.TICKERS, Capability.ORDER_BOOK,
            Capability.TRADES, Capability.CANDLES, Capability.FETCH_CURRENCY_NETWORKS, Capability.FETCH_EXCHANGE_RATE,
            Capability.WATCH_ORDER_BOOK, Capability.WATCH_ORDER_BOOK_UPDATES, Capability.WATCH_TRADES,
            Capability.WATCH_TICKER);
    private static final List<Capability> PRIVATE = List.of(
            Capability.PLACE_LIMIT_ORDER, Capability.PLACE_MARKET_ORDER, Capability.PLACE_STOP_LIMIT_ORDER,
            Capability.PLACE_STOP_MARKET_ORDER, Capability.POST_ONLY, Capability.CLIENT_ORDER_ID,
            Capability.CANCEL_ORDER, Capability.CANCEL_ALL_ORDERS, Capability.ORDER, Capability.OPEN_ORDERS,
            Capability.MY_TRADES, Capability.BALANCES, Capability.DEPOSITS, Capability.WITHDRAWALS, Capability.LEDGER,
            Capability.EDIT_ORDER, Capability.CANCEL_ALL_AFTER, Capability.FETCH_TRADING_FEE,
            Capability.FETCH_TRADING_FEES, Capability.FETCH_DEPOSIT_ADDRESS, Capability.CREATE_DEPOSIT_ADDRESS,
            Capability.WITHDRAW, Capability.TRANSFER, Capability.CONVERT, Capability.WATCH_ORDERS,
            Capability.WATCH_FILLS);
    private static final Capabilities PUBLIC_CAPABILITIES = Capabilities.of(PUBLIC.toArray(Capability[]::new));
    private static final Capabilities ALL_CAPABILITIES = Capabilities.of(
            java.util.stream.Stream.concat(PUBLIC.stream(), PRIVATE.stream()).toArray(Capability[]::new));

    private final BtseOptions options;
    /** The resources this client created because the options named none; closed with it. */
    private final ClientResources ownResources;
    private final BtseRestClient rest;
    private final PairCache markets;
    private final ClientResources resources;
    private final BtseStreamClient stream;
    private final BtseUnifiedStreams streams;
    private final ConnectionNotices notices = new ConnectionNotices();
    /** Orders whose final state no {@code watchOrders} carried yet: looked up after a re-login. */
    private final BtseRecentOrders recentOrders = new BtseRecentOrders();
    /** Markets the account was seen trading in: where {@code watchFills} looks for fills after a re-login. */
    private final BtseAccountMarkets accountMarkets = new BtseAccountMarkets(FILLS_LOOKBACK);

    private BtseExchangeClient(BtseOptions options) {
        this.options = options;
        this.ownResources = options.resources().isPresent() ? null
                : ClientResources.builder().pool(options.http()).build();
        this.resources = options.resources().orElse(ownResources);
        BtseOptions shared = ownResources == null ? options : options.mutate().resources(ownResources).build();
        this.rest = new BtseRestClient(shared);
        this.markets = new PairCache(pairs(), options.pairsCacheTtl(), resources.scheduler());
        // REST and both websocket hosts on one set of resources: one scheduler, one clock for the whole client
        this.stream = new BtseStreamClient(shared);
        this.streams = new BtseUnifiedStreams(stream, options.bookGrouping(), notices::publish, this::now);
    }

    /**
     * A client with these options, on their {@code ClientResources}, or on resources of its own when they name none
     * ({@link #closeGracefully()} closes those). Nothing connects before the first call.
     */
    public static BtseExchangeClient create(BtseOptions options) {
        return new BtseExchangeClient(Objects.requireNonNull(options, "options"));
    }

    /** The native REST client: every documented endpoint, venue-typed. */
    public BtseRestClient rest() {
        return rest;
    }

    /** The native stream client: both websocket hosts, every documented channel, venue-typed. */
    public BtseStreamClient stream() {
        return stream;
    }

    /** The options this client was made with. */
    public BtseOptions options() {
        return options;
    }

    @Override
    public String venue() {
        return VENUE;
    }

    /**
     * Public calls always; trading, account and wallet calls with credentials. Not served: orders in every state
     * ({@code ORDERS}: BTSE lists open orders and trades, not closed orders) and market orders sized in quote.
     */
    @Override
    public Capabilities capabilities() {
        return options.credentials() == null ? PUBLIC_CAPABILITIES : ALL_CAPABILITIES;
    }

    @Override
    public Mono<Void> closeGracefully() {
        Mono<Void> clients = Mono.when(stream.close(), rest.disposeLater()).doFinally(signal -> notices.complete());
        return clients.then(ownResources == null ? Mono.empty() : ownResources.shutdown());
    }

    /** The time of the client's clock (virtual in tests). */
    private Instant now() {
        return resources.clock().instant();
    }

    // ---------------------------------------------------------------- market data

    @Override
    public Mono<Instant> serverTime() {
        return SUPPORT.fit(rest.time().map(time -> time.instant()));
    }

    /** Spot markets only (the summary also lists futures on some hosts). */
    @Override
    public Flux<PairInfo> pairs() {
        return SUPPORT.fit(rest.marketSummary(null).filter(m -> !Boolean.TRUE.equals(m.futures()))
                .map(BtseMapper::pairInfo));
    }

    @Override
    public Mono<PairInfo> pair(CurrencyPair pair) {
        if (pair == null) {
            return SUPPORT.invalid("pair is required");
        }
        return markets.get(BtseMapper.symbol(pair)).switchIfEmpty(SUPPORT.notFound("btse has no market " + pair));
    }

    @Override
    public Mono<Ticker> ticker(CurrencyPair pair) {
        if (pair == null) {
            return SUPPORT.invalid("pair is required");
        }
        String symbol = BtseMapper.symbol(pair);
        return SUPPORT.fit(rest.marketSummary(symbol).filter(m -> symbol.equals(m.symbol())).next()
                .map(m -> BtseMapper.ticker(m, now())))
                .switchIfEmpty(SUPPORT.notFound("btse has no ticker for " + pair));
    }

    @Override
    public Flux<Ticker> tickers() {
        return SUPPORT.fit(rest.marketSummary(null).filter(m -> !Boolean.TRUE.equals(m.futures()))
                .map(m -> BtseMapper.ticker(m, now())));
    }

    @Override
    public Mono<OrderBook> orderBook(CurrencyPair pair, int depth) {
        if (pair == null || depth <= 0) {
            return SUPPORT.invalid("orderBook needs a pair and a positive depth");
        }
        return SUPPORT.fit(rest.orderBookL2(BtseMapper.symbol(pair), depth)
                .map(book -> BtseMapper.orderBook(pair, book, depth)));
    }

    @Override
    public Flux<Trade> trades(CurrencyPair pair, int limit) {
        if (pair == null || limit <= 0) {
            return SUPPORT.invalidFlux("trades needs a pair and a positive limit");
        }
        return SUPPORT.fit(rest.trades(BtseMapper.symbol(pair), null, null, limit)
                .map(t -> BtseMapper.trade(pair, t)));
    }

    @Override
    public Flux<Candle> candles(CurrencyPair pair, CandleInterval interval, Instant from, Instant to) {
        if (pair == null || interval == null) {
            return SUPPORT.invalidFlux("candles needs a pair and an interval");
        }
        return SUPPORT.fit(rest.ohlcv(BtseMapper.symbol(pair), BtseMapper.resolution(interval), from, to)
                .map(c -> BtseMapper.candle(pair, interval, c)));
    }

    @Override
    public Flux<String> fetchCurrencyNetworks(String currency) {
        return rest.availableCurrencyNetworks(currency);
    }

    @Override
    public Mono<ExchangeRate> fetchExchangeRate(String from, String to) {
        return SUPPORT.fit(rest.exchangeRate(from, to).map(rate -> new ExchangeRate(from, to, rate.data(),
                rate.time())));
    }

    // ---------------------------------------------------------------- trading

    /**
     * Checked against the market's rules first (the unified ones, then BTSE's increments); a market order sized in
     * quote is refused (BTSE sizes orders in base).
     */
    @Override
    public Mono<Order> placeOrder(OrderRequest request) {
        List<String> basic = OrderRequestRules.violations(request);
        if (!basic.isEmpty()) {
            return SUPPORT.invalid("invalid order: " + String.join("; ", basic));
        }
        if (request instanceof OrderRequest.Market m && m.unit() == OrderRequest.AmountUnit.QUOTE) {
            return SUPPORT.invalid("btse sizes market orders in the base currency: a market order sized in quote "
                    + "is not supported");
        }
        return pair(request.pair()).flatMap(info -> {
            List<String> violations = OrderRequestRules.violations(request, info);
            if (!violations.isEmpty()) {
                return SUPPORT.invalid("invalid order: " + String.join("; ", violations));
            }
            // before sending: an order whose answer is lost may still fill
            accountMarkets.heardOf(request.pair(), now());
            return rest.placeOrder(BtseOrderRequests.of(request), request)
                    .flatMap(rows -> rows.isEmpty() ? Mono.error(SUPPORT.unfit(new IllegalArgumentException(
                            "the placement answered no order"))) : SUPPORT.fit(Mono.fromCallable(
                            () -> BtseMapper.order(rows.get(0), request.pair()))))
                    .doOnNext(order -> recentOrders.observed(order, now()));
        });
    }

    @Override
    public Mono<Order> editOrder(OrderAmendment amendment) {
        List<String> violations = WalletRequestRules.violations(amendment);
        if (!violations.isEmpty()) {
            return SUPPORT.invalid("invalid amendment: " + String.join("; ", violations));
        }
        return rest.amendOrder(BtseOrderRequests.of(amendment))
                .flatMap(rows -> rows.isEmpty() ? Mono.error(SUPPORT.unfit(new IllegalArgumentException(
                        "the amendment answered no order"))) : SUPPORT.fit(Mono.fromCallable(
                        () -> BtseMapper.order(rows.get(0), amendment.pair()))));
    }

    /** BTSE cancels by market: {@code pair} is required. */
    @Override
    public Mono<CancelResult> cancelOrder(String orderId, CurrencyPair pair) {
        if (orderId == null || orderId.isBlank() || pair == null) {
            return SUPPORT.invalid("cancelOrder needs an order id and its pair on btse");
        }
        return rest.cancelOrder(BtseMapper.symbol(pair), orderId, null)
                .map(rows -> new CancelResult(orderId, true, rows.isEmpty() ? null : rows.get(0).message()));
    }

    /**
     * One market's orders, or (with {@code null}) those of every market with an open order. A market BTSE does not
     * list fails with {@code InvalidRequestException} before anything is cancelled.
     */
    @Override
    public Mono<Void> cancelAllOrders(CurrencyPair pair) {
        Flux<String> symbols = pair != null ? listedMarket(pair).thenReturn(BtseMapper.symbol(pair)).flux()
                : rest.openOrders(null, null, null).map(o -> o.symbol()).distinct();
        return symbols.concatMap(symbol -> rest.cancelOrder(symbol, null, null)).then();
    }

    @Override
    public Mono<Void> cancelAllAfter(Duration timeout) {
        return rest.cancelAllAfter(timeout);
    }

    @Override
    public Mono<Order> order(String orderId, CurrencyPair pair) {
        if (orderId == null || orderId.isBlank()) {
            return SUPPORT.invalid("order needs an order id");
        }
        return rest.order(orderId, null).flatMap(row -> SUPPORT.fit(Mono.fromCallable(() -> BtseMapper.order(row,
                pair))));
    }

    @Override
    public Flux<Order> openOrders(CurrencyPair pair) {
        return SUPPORT.fit(rest.openOrders(pair == null ? null : BtseMapper.symbol(pair), null, null)
                .map(BtseMapper::order));
    }

    /** BTSE's trade history is per market: {@code pair} is required. */
    @Override
    public Flux<Fill> myTrades(CurrencyPair pair, int limit) {
        if (pair == null || limit <= 0) {
            return SUPPORT.invalidFlux("myTrades needs a pair (btse's trade history is per market) and a positive "
                    + "limit");
        }
        return SUPPORT.fit(rest.tradeHistory(new io.exflux.reactive.venue.btse.model.BtseTradeHistoryQuery(
                BtseMapper.symbol(pair), null, null, limit, null, null, null)).map(BtseMapper::fill));
    }

    @Override
    public Mono<TradingFee> fetchTradingFee(CurrencyPair pair) {
        if (pair == null) {
            return SUPPORT.invalid("fetchTradingFee needs a pair");
        }
        String symbol = BtseMapper.symbol(pair);
        return SUPPORT.fit(rest.fees(symbol).next()
                .map(f -> new TradingFee(pair, f.makerFee(), f.takerFee())))
                .switchIfEmpty(SUPPORT.notFound("btse reported no fees for " + pair));
    }

    @Override
    public Flux<TradingFee> fetchTradingFees() {
        return SUPPORT.fit(rest.fees(null).map(BtseMapper::tradingFee));
    }

    // ---------------------------------------------------------------- account and wallet

    @Override
    public Flux<Balance> balances() {
        return SUPPORT.fit(rest.wallet().map(BtseMapper::balance));
    }

    @Override
    public Flux<Deposit> deposits() {
        return SUPPORT.fit(history(BtseWalletType.DEPOSIT).map(BtseMapper::deposit));
    }

    @Override
    public Flux<Withdrawal> withdrawals() {
        return SUPPORT.fit(history(BtseWalletType.WITHDRAW).map(BtseMapper::withdrawal));
    }

    @Override
    public Flux<LedgerEntry> ledger(int limit) {
        if (limit <= 0) {
            return SUPPORT.invalidFlux("ledger needs a positive limit");
        }
        return SUPPORT.fit(rest.walletHistory(new BtseWalletHistoryQuery(null, null, null, limit, null))
                .map(BtseMapper::ledgerEntry));
    }

    private Flux<BtseWalletHistoryEntry> history(BtseWalletType type) {
        return rest.walletHistory(BtseWalletHistoryQuery.ALL).filter(e -> e.walletType() == type);
    }

    @Override
    public Mono<DepositAddress> fetchDepositAddress(String currency, String network) {
        return SUPPORT.fit(rest.depositAddress(currency, network)
                .map(a -> new DepositAddress(currency, network, a.address(), null, a.createdAt())))
                .switchIfEmpty(SUPPORT.notFound("btse has no " + currency + " address on " + network));
    }

    @Override
    public Mono<DepositAddress> createDepositAddress(String currency, String network) {
        return SUPPORT.fit(rest.createDepositAddress(currency, network)
                .map(a -> new DepositAddress(currency, network, a.address(), null, a.createdAt())))
                .switchIfEmpty(Mono.error(() -> SUPPORT.unfit(new IllegalArgumentException(
                        "the address creation answered no address"))));
    }

    /**
     * BTSE names what is withdrawn as a currency-network pair: {@code BTC} on {@code Bitcoin} is sent as
     * {@code BTC-Bitcoin}; without a network the currency alone is sent. At most 8 decimals.
     */
    @Override
    public Mono<Withdrawal> withdraw(WithdrawalRequest request) {
        List<String> violations = WalletRequestRules.violations(request);
        if (!violations.isEmpty()) {
            return SUPPORT.invalid("invalid withdrawal: " + String.join("; ", violations));
        }
        String currency = request.network() == null ? request.currency()
                : request.currency() + "-" + request.network();
        return rest.withdraw(new BtseWithdrawalRequest(currency, request.address(), request.tag(), request.amount(),
                        request.feeIncluded()))
                .flatMap(answer -> SUPPORT.fit(Mono.fromCallable(() -> new Withdrawal(answer.withdrawId(),
                        request.currency(), request.amount(), null, TransferStatus.PENDING, null, request.address(),
                        null, null))));
    }

    /** BTSE's transfer needs the recipient's user name and e-mail address. */
    @Override
    public Mono<Transfer> transfer(TransferRequest request) {
        List<String> violations = WalletRequestRules.violations(request);
        if (!violations.isEmpty()) {
            return SUPPORT.invalid("invalid transfer: " + String.join("; ", violations));
        }
        if (request.recipientEmail() == null) {
            return SUPPORT.invalid("invalid transfer: btse needs the recipient's e-mail address (recipientEmail)");
        }
        return rest.transfer(request.currency(), request.amount(), request.recipient(), request.recipientEmail(),
                        null)
                .flatMap(t -> SUPPORT.fit(Mono.fromCallable(() -> new Transfer(t.asset(), t.amount(), t.toUser(),
                        t.toUserMail()))));
    }

    @Override
    public Mono<Conversion> convert(ConversionRequest request) {
        List<String> violations = WalletRequestRules.violations(request);
        if (!violations.isEmpty()) {
            return SUPPORT.invalid("invalid conversion: " + String.join("; ", violations));
        }
        return rest.convert(request.fromCurrency(), request.toCurrency(), request.amount())
                .flatMap(c -> SUPPORT.fit(Mono.fromCallable(() -> new Conversion(c.amountCurrency(), c.amount(),
                        c.settlementCurrency(), c.settlementAmount(), c.rate()))));
    }

    // ---------------------------------------------------------------- streams

    /**
     * {@code update:<SYMBOL>_<grouping>} on the order-book host ({@link BtseOptions#bookGrouping()}): BTSE's
     * snapshot, then its deltas checked by {@code seqNum}/{@code prevSeqNum}; a gap, a crossed book or an
     * unreadable value resubscribes the topic, and the snapshot BTSE sends then replaces the book. A market BTSE
     * does not list fails with {@code InvalidRequestException} before anything is subscribed. Latest wins; the
     * last book is shown marked stale while the order-book host is away.
     */
    @Override
    public Flux<OrderBook> watchOrderBook(CurrencyPair pair, int depth) {
        if (pair == null || depth <= 0) {
            return SUPPORT.invalidFlux("watchOrderBook needs a pair and a positive depth");
        }
        return listedMarket(pair).flatMapMany(info -> streams.orderBook(info, depth));
    }

    /** The raw frames of {@code update:<SYMBOL>_<grouping>}, sequence numbers kept. Bounded buffer. */
    @Override
    public Flux<OrderBookUpdate> watchOrderBookUpdates(CurrencyPair pair) {
        if (pair == null) {
            return SUPPORT.invalidFlux("watchOrderBookUpdates needs a pair");
        }
        return streams.bookUpdates(pair, BtseMapper.symbol(pair));
    }

    /**
     * {@code tradeHistoryApi:<SYMBOL>} on the main host, back-filled after every reconnect from
     * {@code GET /api/v3.2/trades} (the newest {@value #TRADES_BACKFILL_PAGE}): trades after the last one
     * delivered, oldest first, each id once; when that page does not reach back, {@link #connectionEvents()}
     * carries a {@link ConnectionEvent.Gap}. Bounded buffer, overflow fails the subscriber.
     */
    @Override
    public Flux<Trade> watchTrades(CurrencyPair pair) {
        if (pair == null) {
            return SUPPORT.invalidFlux("watchTrades needs a pair");
        }
        String symbol = BtseMapper.symbol(pair);
        return streams.trades(pair, symbol, () -> SUPPORT.fit(rest.trades(symbol, null, null, TRADES_BACKFILL_PAGE)
                .map(t -> BtseMapper.trade(pair, t))), TRADES_BACKFILL_PAGE);
    }

    /** Best bid and ask from {@code snapshotL1:<SYMBOL>} (no last price, no volumes: L1 carries none). Latest wins. */
    @Override
    public Flux<Ticker> watchTicker(CurrencyPair pair) {
        if (pair == null) {
            return SUPPORT.invalidFlux("watchTicker needs a pair");
        }
        return streams.ticker(pair, BtseMapper.symbol(pair));
    }

    /**
     * {@code notificationApiV2} on the logged-in connection; after every reconnect (logged in and resubscribed
     * again) the open orders are read over REST, and each order this client placed or saw open that is no longer
     * among them is looked up ({@code GET /api/v3.2/order}): every one whose state this subscriber has not seen
     * is emitted, so an order that finished while the socket was away still shows its final state. Never
     * dropped: bounded buffer, overflow fails the subscriber. Fails with {@code AuthenticationException} without
     * credentials or when BTSE refuses the login.
     */
    @Override
    public Flux<Order> watchOrders() {
        return streams.orders(this::ordersNow).doOnNext(order -> {
            recentOrders.observed(order, now());
            accountMarkets.heardOf(order.pair(), now());
        });
    }

    /**
     * The open orders, then the recent ones that left that list, each looked up on its own (four at a time); a
     * lookup that fails leaves that order for the next re-login.
     */
    private Flux<Order> ordersNow() {
        return openOrders(null).collectList().flatMapMany(open -> {
            Set<String> openIds = new HashSet<>();
            open.forEach(order -> openIds.add(order.id()));
            Flux<Order> finished = Flux.fromIterable(recentOrders.unsettled(now()))
                    .filter(entry -> !openIds.contains(entry.orderId()))
                    .flatMap(entry -> order(entry.orderId(), entry.pair()).onErrorResume(error -> {
                        LOG.debug("btse order {} not looked up after re-login: {}", entry.orderId(),
                                error.toString());
                        return Mono.empty();
                    }), LOOKUPS_AT_ONCE);
            return Flux.fromIterable(open).concatWith(finished);
        });
    }

    /**
     * {@code fills} on the logged-in connection; after every reconnect (logged in and resubscribed again) the
     * account's trade history ({@code GET /api/v3.2/user/trade_history}, per market: those of the open orders, of
     * the orders this client placed and of the orders and fills it saw, four at a time) is read from the last fill
     * delivered, and every fill after it is emitted oldest first, each once, before the live ones that arrived
     * meanwhile. Where the history cannot cover the time away (a full page of {@value #FILLS_BACKFILL_PAGE}, a socket
     * away for longer than the 7 days BTSE serves, a failed read) {@link #connectionEvents()} carries a
     * {@link ConnectionEvent.Gap}. Never dropped: bounded buffer, overflow fails the subscriber. Fails with
     * {@code AuthenticationException} without credentials or when BTSE refuses the login.
     */
    @Override
    public Flux<Fill> watchFills() {
        return streams.fills(this::fillsFrom, FILLS_BACKFILL_PAGE, FILLS_LOOKBACK)
                .doOnNext(fill -> accountMarkets.heardOf(fill.pair(), now()));
    }

    /** The account's fills at or after {@code from}: one page per market it may have traded in. */
    private Flux<List<Fill>> fillsFrom(Instant from) {
        return openOrders(null).collectList().flatMapMany(open -> {
            Set<String> symbols = new LinkedHashSet<>(accountMarkets.symbols(now()));
            open.forEach(order -> symbols.add(BtseMapper.symbol(order.pair())));
            return Flux.fromIterable(symbols).flatMap(symbol -> SUPPORT.fit(rest.tradeHistory(
                    new io.exflux.reactive.venue.btse.model.BtseTradeHistoryQuery(symbol, from, null,
                            FILLS_BACKFILL_PAGE, null, null, null)).map(BtseMapper::fill)).collectList(),
                    LOOKUPS_AT_ONCE);
        });
    }

    /** Every socket's connection events, and gaps the trade back-fills could not close. */
    @Override
    public Flux<ConnectionEvent> connectionEvents() {
        return Flux.merge(stream.events(), notices.events());
    }

    /** The market's rules, from the cached market list; one BTSE does not list is an invalid request. */
    private Mono<PairInfo> listedMarket(CurrencyPair pair) {
        String symbol = BtseMapper.symbol(pair);
        return markets.get(symbol).switchIfEmpty(SUPPORT.invalid("btse lists no market " + symbol));
    }
}
