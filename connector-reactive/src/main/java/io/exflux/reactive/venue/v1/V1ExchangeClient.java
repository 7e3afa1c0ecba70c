package io.exflux.reactive.venue.v1;

import io.exflux.api.Capabilities;
import io.exflux.api.Capability;
import io.exflux.api.ExchangeClient;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.ProtocolException;
import io.exflux.api.error.UnsupportedCapabilityException;
import io.exflux.api.model.Balance;
import io.exflux.api.model.CancelResult;
import io.exflux.api.model.Candle;
import io.exflux.api.model.CandleInterval;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Deposit;
import io.exflux.api.model.Fill;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.OrderRequestRules;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.TimeInForce;
import io.exflux.api.model.Trade;
import io.exflux.api.model.Withdrawal;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.stream.ConnectionEvent;
import io.exflux.reactive.internal.book.BookFeed;
import io.exflux.reactive.internal.book.OrderBookStreamOptions;
import io.exflux.reactive.internal.book.OrderIdBookFeed;
import io.exflux.reactive.internal.book.OrderIdSeed;
import io.exflux.reactive.internal.resources.OwnedResources;
import io.exflux.reactive.internal.unified.ConnectionNotices;
import io.exflux.reactive.internal.resources.SharedResources;
import io.exflux.reactive.internal.unified.Orders;
import io.exflux.reactive.internal.unified.PairCache;
import io.exflux.reactive.internal.unified.TimePager;
import io.exflux.reactive.internal.unified.TradeGapFiller;
import io.exflux.reactive.internal.unified.UnifiedSupport;
import io.exflux.reactive.venue.v1.internal.SettledConnects;
import io.exflux.reactive.venue.v1.internal.V1Mapper;
import io.exflux.reactive.venue.v1.model.V1ChartType;
import io.exflux.reactive.venue.v1.model.V1ExchangesQuery;
import io.exflux.reactive.venue.v1.model.V1OrderRequest;
import io.exflux.reactive.venue.v1.model.V1OrderStatus;
import io.exflux.reactive.venue.v1.model.V1OrdersQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * BTC-Alpha or bitexbit through the unified API, on the native {@link #rest()} and {@link #stream()} clients.
 * {@link #capabilities()} lists exactly what works; the rest fails with {@link UnsupportedCapabilityException}.
 * Neither document has a ticker, server time, stop or market orders, client order ids or a ledger.
 *
 * <p>Orders are limit orders (good till cancelled), checked against the market list ({@code GET /v1/pairs/}, kept
 * for {@link V1Options#pairsCacheTtl()}) before anything is sent: an unknown pair, more decimals than the pair's
 * price precision or minimum size allow, a non-positive or out-of-range amount fail with
 * {@link InvalidRequestException} naming the rule. Order ids are numbers: another id fails the same way. Books are
 * seeded from the ungrouped REST book and kept per order id with the socket's new-order and cancel events,
 * re-seeded after each reconnect and resynced when the book crossed.
 */
public final class V1ExchangeClient implements ExchangeClient {

    /** The venue's default chart limit: the most candles one call brings. */
    private static final int CHARTS_PAGE = 720;
    /** How long after a connect the book is seeded once more: a subscription has taken effect well within it. */
    static final Duration RESEED_SETTLE = Duration.ofSeconds(1);
    /**
     * How far a back-fill after a reconnect reaches: the newest 2,000 trades. BTC-Alpha serves them in one page (its
     * documented default), bitexbit in pages of its documented default of 100, stepped back by {@code offset} until
     * one reaches the last trade delivered.
     */
    private static final int TRADES_BACKFILL_REACH = 2000;
    private static final int TRADES_BACKFILL_PAGE = 100;
    /** How long the book channel stays silent before one seed checks the book. */
    static final Duration QUIET_CHECK = Duration.ofSeconds(5);
    /** How long after a seed arrives a socket event may still be one the seed already holds (the socket lags). */
    static final Duration SEED_LAG = Duration.ofSeconds(2);
    /** Re-seeds of a book after a reconnect that failed are asked again, this often at most, backing off. */
    private static final int RESEED_ATTEMPTS = 8;
    private static final Duration RESEED_BACKOFF = Duration.ofSeconds(1);
    private static final Duration RESEED_MAX_BACKOFF = Duration.ofSeconds(15);
    /** Trade ids are the venue's increasing numbers. */
    private static final Comparator<Trade> BY_ID = Comparator.comparingLong(t -> Long.parseLong(t.id()));

    private static final Capabilities PUBLIC = Capabilities.of(Capability.PAIRS, Capability.ORDER_BOOK,
            Capability.TRADES, Capability.CANDLES, Capability.WATCH_ORDER_BOOK, Capability.WATCH_ORDER_BOOK_UPDATES,
            Capability.WATCH_TRADES);
    private static final Capabilities ALL = Capabilities.of(Capability.PAIRS, Capability.ORDER_BOOK,
            Capability.TRADES, Capability.CANDLES, Capability.PLACE_LIMIT_ORDER, Capability.CANCEL_ORDER,
            Capability.ORDER, Capability.OPEN_ORDERS, Capability.ORDERS, Capability.MY_TRADES, Capability.BALANCES,
            Capability.DEPOSITS, Capability.WITHDRAWALS, Capability.WATCH_ORDER_BOOK,
            Capability.WATCH_ORDER_BOOK_UPDATES, Capability.WATCH_TRADES);

    private final V1Options options;
    private final String venue;
    private final UnifiedSupport support;
    private final OwnedResources resources;
    private final V1RestClient rest;
    private final V1StreamClient stream;
    private final PairCache markets;
    private final ConnectionNotices notices = new ConnectionNotices();

    private V1ExchangeClient(V1Options options) {
        this.options = options;
        this.venue = options.dialect().venue();
        this.support = new UnifiedSupport(venue);
        // REST and socket on one set of resources: one scheduler, one clock for the whole client
        this.resources = OwnedResources.of(options);
        V1Options shared = options.mutate().resources(resources.resources()).build();
        this.rest = new V1RestClient(shared);
        this.stream = new V1StreamClient(shared);
        this.markets = new PairCache(pairs(), options.pairsCacheTtl(), resources.resources().scheduler());
    }

    /** A client with these options; nothing connects before the first call. */
    public static V1ExchangeClient create(V1Options options) {
        return new V1ExchangeClient(Objects.requireNonNull(options, "options"));
    }

    /** The native REST client: every documented endpoint. */
    public V1RestClient rest() {
        return rest;
    }

    /** The native socket client: the book channels. */
    public V1StreamClient stream() {
        return stream;
    }

    /** The options this client was made with. */
    public V1Options options() {
        return options;
    }

    @Override
    public String venue() {
        return venue;
    }

    /** Public calls and streams always; trading and account with credentials. */
    @Override
    public Capabilities capabilities() {
        return options.credentials() == null ? PUBLIC : ALL;
    }

    // ---------------------------------------------------------------- market data

    @Override
    public Flux<PairInfo> pairs() {
        return support.fit(rest.pairs(null, null).map(V1Mapper::pairInfo));
    }

    @Override
    public Mono<PairInfo> pair(CurrencyPair pair) {
        if (pair == null) {
            return support.invalid("pair is required");
        }
        return markets.get(V1Mapper.symbol(pair)).switchIfEmpty(support.notFound(venue + " has no market " + pair));
    }

    @Override
    public Mono<OrderBook> orderBook(CurrencyPair pair, int depth) {
        if (pair == null || depth <= 0) {
            return support.invalid("orderBook needs a pair and a positive depth");
        }
        return support.fit(rest.orderBook(V1Mapper.symbol(pair), depth, depth, true)
                .map(book -> V1Mapper.orderBook(pair, book, now()).depth(depth)));
    }

    /** {@code GET /v1/exchanges/} of the market, oldest first. */
    @Override
    public Flux<Trade> trades(CurrencyPair pair, int limit) {
        if (pair == null || limit <= 0) {
            return support.invalidFlux("trades needs a pair and a positive limit");
        }
        return support.fit(rest.exchanges(V1ExchangesQuery.of(V1Mapper.symbol(pair), limit)).map(V1Mapper::trade))
                .sort((a, b) -> a.timestamp().compareTo(b.timestamp()));
    }

    /**
     * Pages through {@code /charts/<pair>/<type>/chart} in windows of at most 720 candles, oldest first, one page
     * at a time as the subscriber requests. Cold.
     */
    @Override
    public Flux<Candle> candles(CurrencyPair pair, CandleInterval interval, Instant from, Instant to) {
        if (pair == null || interval == null || from == null || to == null || !from.isBefore(to)) {
            return support.invalidFlux("candles needs a pair, an interval and from < to");
        }
        V1ChartType type = V1Mapper.chartType(interval);
        if (type == null) {
            return Flux.error(() -> new UnsupportedCapabilityException(venue, Capability.CANDLES,
                    "no " + interval + " candles (1, 5, 15, 30, 60, 240 minutes and 1 day)"));
        }
        String symbol = V1Mapper.symbol(pair);
        return support.fit(TimePager.page(from, to, interval.duration(), CHARTS_PAGE,
                        window -> rest.charts(symbol, type, CHARTS_PAGE, window.since(), window.until()),
                        candle -> candle.time())
                .map(candle -> V1Mapper.candle(pair, interval, candle)));
    }

    // ---------------------------------------------------------------- trading

    /**
     * A limit order, good till cancelled, after the checks above. The answer is the order as placed, its status
     * {@code PENDING} (the venue's answer says what matched at once, not the order's state). Never sent twice: an
     * ambiguous failure is an {@code OrderOutcomeUnknownException} carrying this request.
     */
    @Override
    public Mono<Order> placeOrder(OrderRequest request) {
        if (!(request instanceof OrderRequest.Limit limit)) {
            return Mono.error(() -> new UnsupportedCapabilityException(venue, Capability.PLACE_MARKET_ORDER,
                    "the v1 platform places limit orders only"));
        }
        if (limit.postOnly() || limit.clientOrderId() != null
                || (limit.timeInForce() != null && limit.timeInForce() != TimeInForce.GTC)) {
            return support.invalid("the v1 platform has no post-only, client order id or time in force but GTC");
        }
        return markets.bySymbol().flatMap(known -> {
            List<String> violations = OrderRequestRules.violations(limit);
            if (violations.isEmpty()) {
                PairInfo info = known.get(V1Mapper.symbol(limit.pair()));
                violations = info == null ? List.of("unknown pair " + limit.pair() + ": " + venue + " has no market "
                        + V1Mapper.symbol(limit.pair())) : OrderRequestRules.violations(limit, info);
            }
            if (!violations.isEmpty()) {
                return support.invalid("invalid " + venue + " order: " + String.join("; ", violations));
            }
            V1OrderRequest native1 = new V1OrderRequest(V1Mapper.side(limit.side()), V1Mapper.symbol(limit.pair()),
                    limit.amount(), limit.price());
            return rest.placeOrder(native1, request)
                    .map(placed -> Orders.pending(Long.toString(placed.oid()), request));
        });
    }

    @Override
    public Mono<CancelResult> cancelOrder(String orderId, CurrencyPair pair) {
        Long id = orderId(orderId);
        if (id == null) {
            return support.invalid(venue + " order ids are positive numbers, not '" + orderId + "'");
        }
        return support.fit(rest.cancelOrder(id).map(done -> new CancelResult(Long.toString(done.order()), true, null)));
    }

    /** One cancel call per id, one after another (the venue cancels one order a call). */
    @Override
    public Flux<CancelResult> cancelOrders(List<String> orderIds) {
        if (orderIds == null || orderIds.isEmpty()) {
            return support.invalidFlux("cancelOrders needs at least one order id");
        }
        for (String id : orderIds) {
            if (orderId(id) == null) {
                return support.invalidFlux(venue + " order ids are positive numbers, not '" + id + "'");
            }
        }
        return Flux.fromIterable(orderIds).concatMap(id -> cancelOrder(id, null));
    }

    @Override
    public Mono<Order> order(String orderId, CurrencyPair pair) {
        Long id = orderId(orderId);
        if (id == null) {
            return support.invalid(venue + " order ids are positive numbers, not '" + orderId + "'");
        }
        return support.fit(rest.order(id).map(V1Mapper::order));
    }

    @Override
    public Flux<Order> openOrders(CurrencyPair pair) {
        return support.fit(rest.ownOrders(new V1OrdersQuery(null, pair == null ? null : V1Mapper.symbol(pair),
                V1OrderStatus.ACTIVE, null)).map(V1Mapper::order));
    }

    @Override
    public Flux<Order> orders(CurrencyPair pair) {
        return support.fit(rest.ownOrders(new V1OrdersQuery(null, pair == null ? null : V1Mapper.symbol(pair), null,
                null)).map(V1Mapper::order));
    }

    @Override
    public Flux<Fill> myTrades(CurrencyPair pair, int limit) {
        if (limit <= 0) {
            return support.invalidFlux("limit must be positive");
        }
        return support.fit(rest.ownExchanges(V1ExchangesQuery.of(pair == null ? null : V1Mapper.symbol(pair), limit))
                .map(V1Mapper::fill));
    }

    // ---------------------------------------------------------------- account

    @Override
    public Flux<Balance> balances() {
        return support.fit(rest.wallets(null).map(V1Mapper::balance));
    }

    @Override
    public Flux<Deposit> deposits() {
        return support.fit(rest.deposits().map(V1Mapper::deposit));
    }

    @Override
    public Flux<Withdrawal> withdrawals() {
        return support.fit(rest.withdraws(null, null).map(V1Mapper::withdrawal));
    }

    // ---------------------------------------------------------------- streams

    /**
     * Seeded, once its channel is subscribed, from the ungrouped REST book ({@link V1Options#bookSnapshotDepth()}
     * orders a side) and kept per order id with the socket's events ({@link OrderIdBookFeed}: a seed is fitted into
     * the events that raced it, so an event the seed already holds is not applied twice and one it lacks is not
     * lost); re-seeded after every reconnect and once more {@link #RESEED_SETTLE} later (the socket acknowledges no
     * subscription and numbers no event, so only then is the channel surely flowing); a crossed book re-seeds. Latest
     * wins; stale while the channel's socket is away. Once the channel has been silent for {@link #QUIET_CHECK}, one
     * more seed checks the book (a seed read while nothing changes races nothing). Fails with {@link InvalidRequestException} for a market the
     * venue does not list.
     */
    @Override
    public Flux<OrderBook> watchOrderBook(CurrencyPair pair, int depth) {
        if (pair == null || depth <= 0) {
            return support.invalidFlux("watchOrderBook needs a pair and a positive depth");
        }
        String symbol = V1Mapper.symbol(pair);
        return markets.get(symbol)
                .switchIfEmpty(support.invalid("unknown pair " + pair + ": " + venue + " has no market " + symbol))
                .flatMapMany(info -> Flux.defer(() -> {
                    Scheduler scheduler = resources.resources().scheduler();
                    OrderIdBookFeed feed = new OrderIdBookFeed(pair, SEED_LAG, scheduler);
                    // the first seed waits until the channel is subscribed: without sequence numbers, a change made
                    // between a seed and the subscription would never reach the book
                    AtomicBoolean seeded = new AtomicBoolean();
                    // these seeds follow changes missed (the start, a reconnect, a crossed book); the settled and
                    // quiet ones check a book that missed nothing
                    Supplier<Mono<OrderBook>> seeds = () -> seeded.getAndSet(true) ? reseed(feed, symbol, false)
                            : stream.subscribed(symbol).then(feed.seed(seed(symbol), false));
                    Flux<ConnectionEvent> events = stream.events(symbol);
                    Flux<OrderBookUpdate> settled = BookFeed.settledReseeds(info, () -> reseed(feed, symbol, true),
                            events, RESEED_SETTLE, scheduler);
                    Flux<OrderBookUpdate> changes = feed.updates(support.mapOrSkip(stream.book(symbol),
                            V1Mapper::bookOps, event -> "book event of order " + event.oid()));
                    // once the channel fell silent, one seed checks the book: nothing races a seed read then
                    Flux<OrderBook> quiet = stream.book(symbol)
                            .switchMap(event -> Mono.delay(QUIET_CHECK, scheduler))
                            .concatMap(silent -> reseed(feed, symbol, true).onErrorResume(error -> Mono.empty()));
                    return BookFeed.watch(info, seeds, Flux.merge(changes, settled, quiet), Flux.never(), events,
                            OrderBookStreamOptions.DEFAULTS.withDepth(depth));
                }))
                .contextWrite(SharedResources.of(resources.resources()).metrics()::inContext);
    }

    /**
     * A re-seed, asked again on a transient failure (a 429, a cut) or a garbled answer: until one succeeds the book
     * stays marked stale rather than silently missing what changed while the socket was away.
     */
    private Mono<OrderBook> reseed(OrderIdBookFeed feed, String symbol, boolean reliable) {
        // a GET is safe to ask again; a garbled answer (ProtocolException) says nothing about the next one. Each
        // attempt is a seed of its own, fitted into the changes since it was asked for
        return feed.seed(seed(symbol), reliable).retryWhen(Retry.backoff(RESEED_ATTEMPTS, RESEED_BACKOFF)
                .maxBackoff(RESEED_MAX_BACKOFF).filter(error -> error instanceof ProtocolException
                        || error instanceof ExchangeException e && e.isTransient())
                .scheduler(resources.resources().scheduler())
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    /** The ungrouped REST book: its orders with their ids. */
    private Mono<OrderIdSeed> seed(String symbol) {
        int depth = options.bookSnapshotDepth();
        return support.fit(rest.orderBook(symbol, depth, depth, false).map(book -> V1Mapper.seed(book, depth)));
    }

    /** The socket's events as level changes (differences). */
    @Override
    public Flux<OrderBookUpdate> watchOrderBookUpdates(CurrencyPair pair) {
        if (pair == null) {
            return support.invalidFlux("pair is required");
        }
        return support.mapOrSkip(stream.book(V1Mapper.symbol(pair)), event -> V1Mapper.bookUpdate(pair, event),
                event -> "book event of order " + event.oid());
    }

    /**
     * The trades inside the socket's new-order events (the new order is the taker), without holes across
     * reconnects: after each one, once the channel surely flows again (its first event, or {@link #RESEED_SETTLE}
     * after the connect; live trades wait meanwhile), {@code /v1/exchanges/}, read back to the last trade delivered (at most
     * {@value #TRADES_BACKFILL_REACH} trades), fills
     * what the socket missed, each trade id delivered once; where that page does not reach back, a
     * {@link ConnectionEvent.Gap} on {@link #connectionEvents()} says so. Hot socket, cold per subscriber.
     */
    @Override
    public Flux<Trade> watchTrades(CurrencyPair pair) {
        if (pair == null) {
            return support.invalidFlux("pair is required");
        }
        String symbol = V1Mapper.symbol(pair);
        Flux<Trade> live = support.mapOrSkip(stream.trades(symbol), event -> V1Mapper.trades(pair, event),
                event -> "trades of order " + event.oid()).flatMapIterable(trades -> trades);
        return Flux.defer(() -> {
            AtomicReference<Trade> newest = new AtomicReference<>();
            // the back-fill waits until the channel surely flows again: a page read before the subscription took
            // effect would miss a trade made in between, which the socket never sends either
            Flux<ConnectionEvent> settled = SettledConnects.of(stream.events(symbol), stream.book(symbol),
                    RESEED_SETTLE, resources.resources().scheduler());
            return TradeGapFiller.watch(TradeGapFiller.Settings.of("book_" + symbol, TRADES_BACKFILL_REACH), live,
                    settled, () -> recentTrades(symbol, newest.get()), BY_ID, notices::publish, this::now)
                    .doOnNext(trade -> newest.accumulateAndGet(trade,
                            (a, b) -> a == null || BY_ID.compare(b, a) > 0 ? b : a));
        });
    }

    /**
     * The newest trades, back to {@code since} (the newest delivered, null for none) or {@value #TRADES_BACKFILL_REACH}
     * trades: one page on BTC-Alpha; on bitexbit pages of {@value #TRADES_BACKFILL_PAGE} stepped back by offset until
     * one holds {@code since} or is short. New trades shift the pages while they are read: they overlap, never skip.
     */
    private Flux<Trade> recentTrades(String symbol, Trade since) {
        if (!options.dialect().hasExchangesPaging()) {
            return support.fit(rest.exchanges(V1ExchangesQuery.of(symbol, TRADES_BACKFILL_REACH)).map(V1Mapper::trade));
        }
        return Flux.range(0, TRADES_BACKFILL_REACH / TRADES_BACKFILL_PAGE)
                .concatMap(page -> support.fit(rest.exchanges(new V1ExchangesQuery(null, symbol, TRADES_BACKFILL_PAGE,
                        page * TRADES_BACKFILL_PAGE, null)).map(V1Mapper::trade)).collectList())
                .takeUntil(page -> page.size() < TRADES_BACKFILL_PAGE
                        || since != null && page.stream().anyMatch(trade -> BY_ID.compare(trade, since) <= 0))
                .flatMapIterable(page -> page);
    }

    /** The sockets' events, and the gaps a trade stream could not fill. Hot; drops on backpressure. */
    @Override
    public Flux<ConnectionEvent> connectionEvents() {
        return Flux.merge(stream.events(), notices.events());
    }

    /** Closes the sockets, then the resources this client created for itself; given resources stay open. */
    @Override
    public Mono<Void> closeGracefully() {
        return Mono.when(stream.close(), rest.disposeLater())
                .doFinally(signal -> notices.complete())
                .then(resources.close());
    }

    private static Long orderId(String text) {
        if (text == null) {
            return null;
        }
        try {
            long id = Long.parseLong(text.trim());
            return id > 0 ? id : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private Instant now() {
        return resources.now();
    }
}
