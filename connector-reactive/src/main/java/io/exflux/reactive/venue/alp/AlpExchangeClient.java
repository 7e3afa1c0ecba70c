package io.exflux.reactive.venue.alp;

import io.exflux.api.Capabilities;
import io.exflux.api.Capability;
import io.exflux.api.ExchangeClient;
import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.ProtocolException;
import io.exflux.api.error.UnsupportedCapabilityException;
import io.exflux.api.model.Balance;
import io.exflux.api.model.CancelResult;
import io.exflux.api.model.Candle;
import io.exflux.api.model.CandleInterval;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Fill;
import io.exflux.api.model.LedgerEntry;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.Ticker;
import io.exflux.api.model.Trade;
import io.exflux.api.stream.ConnectionEvent;
import io.exflux.reactive.internal.resources.SharedResources;
import io.exflux.reactive.internal.book.BookFeed;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.internal.book.OrderBookStreamOptions;
import io.exflux.reactive.internal.unified.ConnectionNotices;
import io.exflux.reactive.internal.codec.ShortText;
import io.exflux.reactive.internal.unified.OffsetPager;
import io.exflux.reactive.internal.unified.Orders;
import io.exflux.reactive.internal.unified.PairCache;
import io.exflux.reactive.internal.unified.StateResync;
import io.exflux.reactive.internal.unified.TimePager;
import io.exflux.reactive.internal.unified.TradeGapFiller;
import io.exflux.reactive.internal.unified.UnifiedSupport;
import io.exflux.reactive.venue.alp.internal.AlpScaledFrames;
import io.exflux.reactive.venue.alp.internal.AlpMapper;
import io.exflux.reactive.venue.alp.internal.AlpOrderRequests;
import io.exflux.reactive.venue.alp.model.AlpCancelRequest;
import io.exflux.reactive.venue.alp.model.AlpCandle;
import io.exflux.reactive.venue.alp.model.AlpChartInterval;
import io.exflux.reactive.venue.alp.model.AlpOrderRequest;
import io.exflux.reactive.venue.alp.model.AlpOrderStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * ALP.COM through the unified API, on the native {@link #rest()} and {@link #stream()} clients.
 * {@link #capabilities()} lists what works; the rest fails with {@link UnsupportedCapabilityException}.
 * Orders are checked against the market's precision, size and value limits from {@code GET /pairs}
 * (cached for {@link AlpOptions#pairsCacheTtl()}) before anything is sent; every other call that names a market
 * (ticker, book, trades, candles, order lists, fills, cancel-all, book stream) fails with
 * {@code InvalidRequestException} for a market that list lacks, also before anything about it is sent, and order ids
 * that are not positive numbers never reach the venue. Books are seeded from the
 * REST order book and kept with {@code market_depth} (whole-book replacements) and {@code diff}
 * (quantity differences) through the shared order-book engine, and re-seeded after every reconnect.
 */
public final class AlpExchangeClient implements ExchangeClient {

    private static final Logger LOG = LoggerFactory.getLogger(AlpExchangeClient.class);
    private static final String VENUE = "alp";
    private static final UnifiedSupport SUPPORT = new UnifiedSupport(VENUE);
    private static final int CHARTS_PAGE = 500;
    private static final int ORDERS_LIMIT = 100;
    private static final int ACTIVITY_PAGE = 1000;
    /** Trades read back after a reconnect: ALP's {@code GET /trades} takes a limit and answers the newest. */
    static final int TRADES_BACKFILL_PAGE = 1000;
    /** ALP's trade ids grow with time: they order the trades of a market. */

    private static final Capabilities PUBLIC_CAPABILITIES = Capabilities.of(
            Capability.SERVER_TIME, Capability.PAIRS, Capability.TICKER, Capability.TICKERS, Capability.ORDER_BOOK,
            Capability.TRADES, Capability.CANDLES,
            Capability.WATCH_ORDER_BOOK, Capability.WATCH_ORDER_BOOK_UPDATES, Capability.WATCH_TRADES,
            Capability.WATCH_TICKER);
    private static final Capabilities ALL_CAPABILITIES = Capabilities.of(
            Capability.SERVER_TIME, Capability.PAIRS, Capability.TICKER, Capability.TICKERS, Capability.ORDER_BOOK,
            Capability.TRADES, Capability.CANDLES,
            Capability.PLACE_LIMIT_ORDER, Capability.PLACE_MARKET_ORDER, Capability.PLACE_MARKET_ORDER_BY_QUOTE,
            Capability.PLACE_STOP_LIMIT_ORDER, Capability.PLACE_STOP_MARKET_ORDER, Capability.POST_ONLY,
            Capability.CLIENT_ORDER_ID, Capability.CANCEL_ORDER, Capability.CANCEL_ALL_ORDERS, Capability.ORDER,
            Capability.OPEN_ORDERS, Capability.ORDERS, Capability.MY_TRADES,
            Capability.BALANCES, Capability.LEDGER,
            Capability.WATCH_ORDER_BOOK, Capability.WATCH_ORDER_BOOK_UPDATES, Capability.WATCH_TRADES,
            Capability.WATCH_TICKER, Capability.WATCH_ORDERS, Capability.WATCH_BALANCES);

    private final AlpOptions options;
    private final ClientResources resources;
    /** The resources this client created because the options named none; closed with it. */
    private final ClientResources ownResources;
    private final AlpRestClient rest;
    private final AlpStreamClient stream;
    private final PairCache markets;
    private final ConnectionNotices notices = new ConnectionNotices();
    private final int tradesBackfillPage;

    private AlpExchangeClient(AlpOptions options, int tradesBackfillPage) {
        this.tradesBackfillPage = tradesBackfillPage;
        this.options = options;
        this.ownResources = options.resources().isPresent() ? null
                : ClientResources.builder().pool(options.http()).build();
        this.resources = options.resources().orElse(ownResources);
        // REST and streams on one set of resources: one scheduler, one clock for the whole client
        AlpOptions shared = ownResources == null ? options : options.mutate().resources(ownResources).build();
        this.rest = new AlpRestClient(shared);
        this.stream = new AlpStreamClient(shared, rest.tokens());
        this.markets = new PairCache(pairs(), options.pairsCacheTtl(), resources.scheduler());
    }

    /**
     * A client with these options, on their {@code ClientResources}, or on resources of its own when they name none
     * ({@link #closeGracefully()} closes those). Nothing connects before the first call.
     */
    public static AlpExchangeClient create(AlpOptions options) {
        return create(options, TRADES_BACKFILL_PAGE);
    }

    /** With another back-fill page size: tests show what a page too small for a gap does. */
    static AlpExchangeClient create(AlpOptions options, int tradesBackfillPage) {
        return new AlpExchangeClient(Objects.requireNonNull(options, "options"), tradesBackfillPage);
    }

    /** The native REST client: every documented endpoint, venue-typed. */
    public AlpRestClient rest() {
        return rest;
    }

    /** The native stream client: every documented channel, venue-typed. */
    public AlpStreamClient stream() {
        return stream;
    }

    /** The options this client was made with. */
    public AlpOptions options() {
        return options;
    }

    @Override
    public String venue() {
        return VENUE;
    }

    /**
     * Public calls and streams always; trading, account and private streams with credentials. Not
     * served: deposits and withdrawals (not in the v3 document), fills as a stream (the {@code ta}
     * frame has no documented fields; {@code stream().accountTrades()} passes it on raw).
     */
    @Override
    public Capabilities capabilities() {
        return options.credentials() == null ? PUBLIC_CAPABILITIES : ALL_CAPABILITIES;
    }

    // ---------------------------------------------------------------- market data

    @Override
    public Mono<Instant> serverTime() {
        return rest.time().map(time -> time.serverTime());
    }

    @Override
    public Flux<PairInfo> pairs() {
        return SUPPORT.fit(rest.pairs().map(AlpMapper::pairInfo));
    }

    @Override
    public Mono<PairInfo> pair(CurrencyPair pair) {
        if (pair == null) {
            return SUPPORT.invalid("pair is required");
        }
        return markets.get(AlpSymbols.symbol(pair)).switchIfEmpty(SUPPORT.notFound("alp has no market " + pair));
    }

    @Override
    public Mono<Ticker> ticker(CurrencyPair pair) {
        if (pair == null) {
            return SUPPORT.invalid("pair is required");
        }
        return listed(pair).flatMap(symbol -> SUPPORT.fit(rest.ticker(symbol).filter(t -> symbol.equals(t.pair()))
                        .next().map(t -> AlpMapper.ticker(t, now())))
                .switchIfEmpty(SUPPORT.notFound("alp has no ticker for " + pair)));
    }

    @Override
    public Flux<Ticker> tickers() {
        return SUPPORT.fit(rest.ticker(null).map(t -> AlpMapper.ticker(t, now())));
    }

    @Override
    public Mono<OrderBook> orderBook(CurrencyPair pair, int depth) {
        if (pair == null || depth <= 0) {
            return SUPPORT.invalid("orderBook needs a pair and a positive depth");
        }
        return listed(pair).flatMap(symbol -> SUPPORT.fit(rest.orderBook(symbol, depth, depth)
                .map(book -> AlpMapper.orderBook(pair, book, now()).depth(depth))));
    }

    @Override
    public Flux<Trade> trades(CurrencyPair pair, int limit) {
        if (pair == null || limit <= 0) {
            return SUPPORT.invalidFlux("trades needs a pair and a positive limit");
        }
        return listed(pair).flatMapMany(symbol -> SUPPORT.fit(rest.trades(symbol, limit).map(AlpMapper::trade))
                .sort((a, b) -> a.timestamp().compareTo(b.timestamp())));
    }

    /**
     * Pages through {@code GET /charts} in windows that hold at most 500 candles each, so the result is
     * whole whichever end of a full page the venue keeps. Oldest first, one page at a time as the
     * subscriber requests; cold.
     */
    @Override
    public Flux<Candle> candles(CurrencyPair pair, CandleInterval interval, Instant from, Instant to) {
        if (pair == null || interval == null || from == null || to == null || !from.isBefore(to)) {
            return SUPPORT.invalidFlux("candles needs a pair, an interval and from < to");
        }
        AlpChartInterval alpInterval = chartInterval(interval);
        if (alpInterval == null) {
            return Flux.error(() -> new UnsupportedCapabilityException(VENUE, Capability.CANDLES,
                    "no " + interval + " candles (ALP has 1, 5, 15, 30, 60, 240 minutes and 1 day)"));
        }
        return listed(pair).flatMapMany(symbol -> SUPPORT.fit(TimePager.page(from, to, interval.duration(),
                        CHARTS_PAGE, window -> rest.charts(symbol, alpInterval, window.since(), window.until(),
                                CHARTS_PAGE), AlpCandle::time)
                .map(c -> AlpMapper.candle(pair, interval, c))));
    }

    static AlpChartInterval chartInterval(CandleInterval interval) {
        switch (interval) {
            case M1:
                return AlpChartInterval.M1;
            case M5:
                return AlpChartInterval.M5;
            case M15:
                return AlpChartInterval.M15;
            case M30:
                return AlpChartInterval.M30;
            case H1:
                return AlpChartInterval.H1;
            case H4:
                return AlpChartInterval.H4;
            case D1:
                return AlpChartInterval.D1;
            default:
                return null;
        }
    }

    // ---------------------------------------------------------------- trading

    /**
     * Validates against ALP's rules and the market's limits (unknown pair, decimals, size, value,
     * market buys sized in quote), then places on {@link AlpOptions#walletType()}. The answer carries
     * the venue's id and status {@code PENDING}: ALP answers with ids only; watch {@link #watchOrders()}.
     * Never sent twice: an ambiguous failure (no answer in time, a 5xx, a connection lost while sending)
     * fails with {@code OrderOutcomeUnknownException} carrying this request and its client order id (the
     * order may exist). ALP's documented orders do not echo the client order id, so it can be looked up
     * only where they do ({@link AlpRestClient#placeOrder}); otherwise the outcome is reported unknown.
     */
    @Override
    public Mono<Order> placeOrder(OrderRequest request) {
        return markets.bySymbol().flatMap(m -> {
            InvalidRequestException invalid = AlpOrderRequests.check(request, m);
            if (invalid != null) {
                return Mono.error(invalid);
            }
            AlpOrderRequest alp = AlpOrderRequests.toAlp(request).withWalletType(options.walletType());
            return rest.placeOrder(alp, request).flatMap(ids -> ids.isEmpty()
                    ? Mono.error(new ProtocolException("ALP placed the order but answered no id",
                            ErrorContext.local(VENUE)))
                    : Mono.just(placed(ids.get(0), request)));
        });
    }

    private static Order placed(long id, OrderRequest request) {
        return Orders.pending(Long.toString(id), request);
    }

    @Override
    public Mono<CancelResult> cancelOrder(String orderId, CurrencyPair pair) {
        return cancelOrders(orderId == null ? List.of() : List.of(orderId)).next();
    }

    @Override
    public Flux<CancelResult> cancelOrders(List<String> orderIds) {
        List<Long> ids = new ArrayList<>();
        for (String id : orderIds == null ? List.<String>of() : orderIds) {
            Long parsed = orderId(id);
            if (parsed == null) {
                return SUPPORT.invalidFlux(notAnOrderId(id));
            }
            ids.add(parsed);
        }
        if (ids.isEmpty()) {
            return SUPPORT.invalidFlux("cancelOrders needs at least one order id");
        }
        return SUPPORT.fit(rest.cancel(new AlpCancelRequest.ByIds(ids)).flatMapIterable(AlpMapper::cancelResults));
    }

    /** ALP's order ids are positive whole numbers: anything else is no order of ALP's. */
    private static Long orderId(String id) {
        if (id == null) {
            return null;
        }
        try {
            long parsed = Long.parseLong(id.trim());
            return parsed > 0 ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String notAnOrderId(String id) {
        return id == null ? "orderId is required" : "ALP order ids are positive numbers, not '" + ShortText.of(id) + "'";
    }

    /**
     * ALP answers 202 without a body: the cancellations show up in {@link #watchOrders()}. A market ALP does not
     * list fails with {@code InvalidRequestException} before anything is sent: no order can be open there.
     */
    @Override
    public Mono<Void> cancelAllOrders(CurrencyPair pair) {
        Mono<AlpCancelRequest> request = pair == null ? Mono.just(new AlpCancelRequest.All())
                : listed(pair).map(AlpCancelRequest.ByPair::new);
        return request.flatMap(rest::cancel).then();
    }

    /** Looks among the (up to 100) most recent orders, the only order query ALP documents. */
    @Override
    public Mono<Order> order(String orderId, CurrencyPair pair) {
        Long id = orderId(orderId);
        if (id == null) {
            return SUPPORT.invalid(notAnOrderId(orderId));
        }
        return SUPPORT.fit(rest.orders().filter(o -> o.id() == id).next()
                        .map(AlpMapper::order))
                .switchIfEmpty(SUPPORT.notFound("alp has no recent order " + orderId));
    }

    @Override
    public Flux<Order> openOrders(CurrencyPair pair) {
        return listedOrAll(pair).flatMapMany(symbol -> SUPPORT.fit(rest.orders(AlpOrdersQuery.open(symbol.orElse(null)))
                .filter(o -> symbol.isEmpty() || symbol.get().equals(o.pair()))
                .filter(o -> isOpen(o.id(), AlpOrderStatus.of(o.status()), o.status()))
                .map(AlpMapper::order)));
    }

    /**
     * Open, or a status we cannot read: the venue listed it as open, so an unknown word keeps the order in (with a
     * warning) rather than silently hiding an order that may still trade.
     */
    private static boolean isOpen(long id, AlpOrderStatus status, String raw) {
        if (status == AlpOrderStatus.UNKNOWN) {
            LOG.warn("ALP open order {} has the unknown status '{}'; listed as open", id, raw);
            return true;
        }
        return status == AlpOrderStatus.OPEN || status == AlpOrderStatus.PARTIAL_FILLED
                || status == AlpOrderStatus.PENDING;
    }

    @Override
    public Flux<Order> orders(CurrencyPair pair) {
        return listedOrAll(pair).flatMapMany(symbol -> SUPPORT.fit(rest.orders(
                        new AlpOrdersQuery(symbol.orElse(null), null, null, null, null))
                .filter(o -> symbol.isEmpty() || symbol.get().equals(o.pair()))
                .take(ORDERS_LIMIT)
                .map(AlpMapper::order)));
    }

    @Override
    public Flux<Fill> myTrades(CurrencyPair pair, int limit) {
        if (limit <= 0) {
            return SUPPORT.invalidFlux("limit must be positive");
        }
        return listedOrAll(pair).flatMapMany(symbol -> SUPPORT.fit(rest.accountTrades(symbol.orElse(null), null,
                null, null, Math.min(limit, 100)).map(AlpMapper::fill)));
    }

    // ---------------------------------------------------------------- account

    @Override
    public Flux<Balance> balances() {
        return SUPPORT.fit(rest.balances().map(AlpMapper::balance));
    }

    /**
     * {@code GET /accounts/activity}, paged with {@code offset} (1,000 entries a call) until {@code limit}
     * entries came or the venue has no more; the next page is asked for only once the subscriber
     * has requested every entry of the previous one. Amounts are the operation's change; ALP reports no resulting balance.
     */
    @Override
    public Flux<LedgerEntry> ledger(int limit) {
        if (limit <= 0) {
            return SUPPORT.invalidFlux("limit must be positive");
        }
        return SUPPORT.fit(OffsetPager.page(limit, ACTIVITY_PAGE, rest::activity).map(AlpMapper::ledger));
    }

    // ---------------------------------------------------------------- streams

    /**
     * Seeded from {@code GET /orderbook}, kept with {@code market_depth} and {@code diff}, re-seeded
     * after each reconnect of the public socket (ALP sends no book on subscribe). Latest wins.
     */
    @Override
    public Flux<OrderBook> watchOrderBook(CurrencyPair pair, int depth) {
        if (pair == null || depth <= 0) {
            return SUPPORT.invalidFlux("watchOrderBook needs a pair and a positive depth");
        }
        String symbol = AlpSymbols.symbol(pair);
        return markets.get(symbol)
                .switchIfEmpty(SUPPORT.invalid(AlpSymbols.unknown(pair)))
                .flatMapMany(info -> BookFeed.watch(info, () -> restSnapshot(pair, symbol), bookFrames(symbol),
                        stream.marketDepth(symbol),
                        stream.publicEvents(List.of(AlpTopics.marketDepth(symbol), AlpTopics.diff(symbol))),
                        OrderBookStreamOptions.DEFAULTS.withDepth(depth)))
                .contextWrite(SharedResources.of(resources).metrics()::inContext);
    }

    private Flux<OrderBookUpdate> bookUpdates(String symbol) {
        return Flux.merge(stream.marketDepth(symbol).map(AlpMapper::depth), stream.diff(symbol).map(AlpMapper::diff));
    }

    /** The book's messages for {@code watchOrderBook}: whole books as updates, diffs scaled straight into the book. */
    private Flux<Object> bookFrames(String symbol) {
        return Flux.merge(stream.marketDepth(symbol).map(AlpMapper::depth),
                stream.diff(symbol).map(AlpScaledFrames::diff));
    }

    private Mono<OrderBook> restSnapshot(CurrencyPair pair, String symbol) {
        int depth = options.bookSnapshotDepth();
        return SUPPORT.fit(rest.orderBook(symbol, depth, depth).map(book -> AlpMapper.orderBook(pair, book, now())));
    }

    @Override
    public Flux<OrderBookUpdate> watchOrderBookUpdates(CurrencyPair pair) {
        if (pair == null) {
            return SUPPORT.invalidFlux("pair is required");
        }
        return bookUpdates(AlpSymbols.symbol(pair));
    }

    /**
     * {@code trade.<PAIR>}, back-filled from {@code GET /trades} after every reconnect of the public
     * socket (once ALP acknowledged the subscription again): trades after the last one delivered, oldest
     * first, then the live ones; each trade id once. When the newest page of 1,000 trades does not reach
     * back to the last trade delivered, or cannot be read, {@link #connectionEvents()} carries a
     * {@link ConnectionEvent.Gap} with the bounds. Bounded buffer, overflow fails the subscriber with
     * {@code StreamOverflowException}.
     */
    @Override
    public Flux<Trade> watchTrades(CurrencyPair pair) {
        if (pair == null) {
            return SUPPORT.invalidFlux("pair is required");
        }
        String symbol = AlpSymbols.symbol(pair);
        Flux<Trade> live = SUPPORT.mapOrSkip(stream.trades(symbol), AlpMapper.tradesOf(symbol),
                t -> "trade " + t.tradeId());
        return TradeGapFiller.watch(TradeGapFiller.Settings.of(AlpTopics.trades(symbol), tradesBackfillPage), live,
                stream.publicEvents(List.of(AlpTopics.trades(symbol))), () -> SUPPORT.fit(rest.trades(symbol, tradesBackfillPage).map(AlpMapper::trade)),
                TradeGapFiller.BY_NUMERIC_ID, notices::publish, this::now);
    }

    /** From {@code ticker.*}, that market's rows (the per-pair topic delivered nothing in probes). Latest wins. */
    @Override
    public Flux<Ticker> watchTicker(CurrencyPair pair) {
        if (pair == null) {
            return SUPPORT.invalidFlux("pair is required");
        }
        return SUPPORT.mapOrSkip(stream.ticker(AlpSymbols.symbol(pair)), u -> AlpMapper.ticker(u.rows().get(0), u.time()),
                u -> "ticker of " + pair);
    }

    /**
     * The {@code o} channel; after every reconnect of the private socket (authenticated and
     * resubscribed again) the open orders and the 100 most recent ones are read from
     * {@code GET /accounts/order}, and each whose status or filled amount this subscriber has not seen
     * is emitted. Bounded buffer, overflow fails the subscriber.
     */
    @Override
    public Flux<Order> watchOrders() {
        Flux<Order> live = SUPPORT.mapOrSkip(stream.orders(), AlpMapper::order,
                order -> "order update " + order.orderId());
        return StateResync.orders(live, stream.privateEvents(), this::ordersNow, this::orderNow, this::now);
    }

    /**
     * One order as ALP holds it now. ALP reads no order by id and its plain list holds only the 100 most recent, so
     * it is found by id among its market's orders created by the second of the last state seen (an order's socket
     * frames carry no creation time: the first one comes as it is created), from its creation second when known;
     * empty when not found.
     */
    private Mono<Order> orderNow(Order known) {
        Instant seenAt = known.createdAt() != null ? known.createdAt() : known.updatedAt();
        if (seenAt == null || known.pair() == null) {
            return Mono.empty();
        }
        Instant from = known.createdAt() == null ? null : known.createdAt().truncatedTo(ChronoUnit.SECONDS);
        Instant until = seenAt.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        return SUPPORT.fit(rest.orders(new AlpOrdersQuery(AlpSymbols.symbol(known.pair()), null, null, from, until))
                .filter(o -> Long.toString(o.id()).equals(known.id())).next().map(AlpMapper::order));
    }

    /** Open orders first (they may be older than the recent ones), then the recent ones; each id once. */
    private Flux<Order> ordersNow() {
        return Flux.concat(openOrders(null), orders(null)).distinct(Order::id);
    }

    /**
     * The {@code w} channel; after every reconnect of the private socket the balances are read from
     * REST and each that changed since this subscriber last saw it is emitted.
     */
    @Override
    public Flux<Balance> watchBalances() {
        Flux<Balance> live = SUPPORT.mapOrSkip(stream.wallets(), AlpMapper::balance,
                wallet -> "wallet update of " + wallet.currency());
        return StateResync.balances(live, stream.privateEvents(), this::balances, this::now);
    }

    /** The sockets' connection events, and gaps the trade streams could not back-fill. */
    @Override
    public Flux<ConnectionEvent> connectionEvents() {
        return Flux.merge(stream.events(), notices.events());
    }

    /** Closes the sockets, then the resources this client created for itself; given resources stay open. */
    @Override
    public Mono<Void> closeGracefully() {
        Mono<Void> clients = Mono.when(stream.close(), rest.disposeLater()).doFinally(signal -> notices.complete());
        return ownResources == null ? clients : clients.then(ownResources.shutdown());
    }

    /** The resources this client runs on: the options' ones, or those it created. */
    public ClientResources resources() {
        return resources;
    }

    /**
     * The symbol of a market ALP lists (from the cached market list); a market it does not list fails with
     * {@code InvalidRequestException} before any request about it is sent.
     */
    private Mono<String> listed(CurrencyPair pair) {
        String symbol = AlpSymbols.symbol(pair);
        return markets.get(symbol).map(info -> symbol).switchIfEmpty(SUPPORT.invalid(AlpSymbols.unknown(pair)));
    }

    /** {@link #listed} for an optional market filter: empty for {@code null} (every market). */
    private Mono<Optional<String>> listedOrAll(CurrencyPair pair) {
        return pair == null ? Mono.just(Optional.empty()) : listed(pair).map(Optional::of);
    }

    /** The clock of the resources' scheduler (virtual in tests). */
    private Instant now() {
        return Instant.ofEpochMilli(resources.scheduler().now(TimeUnit.MILLISECONDS));
    }
}
