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
import io.exflux.reactive.internal.book.BookFeed;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.internal.book.OrderBookStreamOptions;
import io.exflux.reactive.internal.unified.OffsetPager;
import io.exflux.reactive.internal.unified.Orders;
import io.exflux.reactive.internal.unified.PairCache;
import io.exflux.reactive.internal.unified.TimePager;
import io.exflux.reactive.internal.unified.UnifiedSupport;
import io.exflux.reactive.venue.alp.internal.AlpMapper;
import io.exflux.reactive.venue.alp.internal.AlpOrderRequests;
import io.exflux.reactive.venue.alp.model.AlpCancelRequest;
import io.exflux.reactive.venue.alp.model.AlpCandle;
import io.exflux.reactive.venue.alp.model.AlpChartInterval;
import io.exflux.reactive.venue.alp.model.AlpOrderRequest;
import io.exflux.reactive.venue.alp.model.AlpOrderStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * ALP.COM through the unified API, on the native {@link #rest()} and {@link #stream()} clients.
 * {@link #capabilities()} lists what works; the rest fails with {@link UnsupportedCapabilityException}.
 * Orders are checked against the market's precision, size and value limits from {@code GET /pairs}
 * (cached for {@link AlpOptions#pairsCacheTtl()}) before anything is sent. Books are seeded from the
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

    private AlpExchangeClient(AlpOptions options) {
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
        return new AlpExchangeClient(Objects.requireNonNull(options, "options"));
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
        String symbol = AlpSymbols.symbol(pair);
        return SUPPORT.fit(rest.ticker(symbol).filter(t -> symbol.equals(t.pair())).next()
                        .map(t -> AlpMapper.ticker(t, now())))
                .switchIfEmpty(SUPPORT.notFound("alp has no ticker for " + pair));
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
        return SUPPORT.fit(rest.orderBook(AlpSymbols.symbol(pair), depth, depth)
                .map(book -> AlpMapper.orderBook(pair, book, now()).depth(depth)));
    }

    @Override
    public Flux<Trade> trades(CurrencyPair pair, int limit) {
        if (pair == null || limit <= 0) {
            return SUPPORT.invalidFlux("trades needs a pair and a positive limit");
        }
        return SUPPORT.fit(rest.trades(AlpSymbols.symbol(pair), limit).map(AlpMapper::trade))
                .sort((a, b) -> a.timestamp().compareTo(b.timestamp()));
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
        String symbol = AlpSymbols.symbol(pair);
        return SUPPORT.fit(TimePager.page(from, to, interval.duration(), CHARTS_PAGE,
                        window -> rest.charts(symbol, alpInterval, window.since(), window.until(), CHARTS_PAGE),
                        AlpCandle::time)
                .map(c -> AlpMapper.candle(pair, interval, c)));
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
            try {
                ids.add(Long.parseLong(id.trim()));
            } catch (NumberFormatException | NullPointerException e) {
                return SUPPORT.invalidFlux("ALP order ids are numbers, not '" + id + "'");
            }
        }
        if (ids.isEmpty()) {
            return SUPPORT.invalidFlux("cancelOrders needs at least one order id");
        }
        return SUPPORT.fit(rest.cancel(new AlpCancelRequest.ByIds(ids)).flatMapIterable(AlpMapper::cancelResults));
    }

    /** ALP answers 202 without a body: the cancellations show up in {@link #watchOrders()}. */
    @Override
    public Mono<Void> cancelAllOrders(CurrencyPair pair) {
        if (pair == null) {
            return rest.cancel(new AlpCancelRequest.All()).then();
        }
        String symbol = AlpSymbols.symbol(pair);
        // an unknown pair never reaches the venue (it would answer 202 and cancel nothing)
        return markets.get(symbol)
                .switchIfEmpty(SUPPORT.invalid("unknown pair " + pair + ": ALP has no market " + symbol))
                .flatMap(info -> rest.cancel(new AlpCancelRequest.ByPair(symbol)))
                .then();
    }

    /** Looks among the (up to 100) most recent orders, the only order query ALP documents. */
    @Override
    public Mono<Order> order(String orderId, CurrencyPair pair) {
        if (orderId == null) {
            return SUPPORT.invalid("orderId is required");
        }
        return SUPPORT.fit(rest.orders().filter(o -> Long.toString(o.id()).equals(orderId.trim())).next()
                        .map(AlpMapper::order))
                .switchIfEmpty(SUPPORT.notFound("alp has no recent order " + orderId));
    }

    @Override
    public Flux<Order> openOrders(CurrencyPair pair) {
        String symbol = pair == null ? null : AlpSymbols.symbol(pair);
        return SUPPORT.fit(rest.orders(AlpOrdersQuery.open(symbol))
                .filter(o -> symbol == null || symbol.equals(o.pair()))
                .filter(o -> isOpen(o.id(), AlpOrderStatus.of(o.status()), o.status()))
                .map(AlpMapper::order));
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
        String symbol = pair == null ? null : AlpSymbols.symbol(pair);
        return SUPPORT.fit(rest.orders(new AlpOrdersQuery(symbol, null, null, null, null))
                .filter(o -> symbol == null || symbol.equals(o.pair()))
                .take(ORDERS_LIMIT)
                .map(AlpMapper::order));
    }

    @Override
    public Flux<Fill> myTrades(CurrencyPair pair, int limit) {
        if (limit <= 0) {
            return SUPPORT.invalidFlux("limit must be positive");
        }
        return SUPPORT.fit(rest.accountTrades(pair == null ? null : AlpSymbols.symbol(pair), null, null, null,
                Math.min(limit, 100)).map(AlpMapper::fill));
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
                .switchIfEmpty(SUPPORT.invalid("unknown pair " + pair + ": ALP has no market " + symbol))
                .flatMapMany(info -> BookFeed.watch(info, () -> restSnapshot(pair, symbol), bookUpdates(symbol),
                        stream.marketDepth(symbol), stream.publicEvents(),
                        OrderBookStreamOptions.DEFAULTS.withDepth(depth)));
    }

    private Flux<OrderBookUpdate> bookUpdates(String symbol) {
        return Flux.merge(stream.marketDepth(symbol).map(AlpMapper::depth), stream.diff(symbol).map(AlpMapper::diff));
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

    @Override
    public Flux<Trade> watchTrades(CurrencyPair pair) {
        if (pair == null) {
            return SUPPORT.invalidFlux("pair is required");
        }
        return SUPPORT.mapOrSkip(stream.trades(AlpSymbols.symbol(pair)), AlpMapper::trade, t -> "trade " + t.tradeId());
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

    @Override
    public Flux<Order> watchOrders() {
        return SUPPORT.mapOrSkip(stream.orders(), AlpMapper::order, order -> "order update " + order.orderId());
    }

    @Override
    public Flux<Balance> watchBalances() {
        return SUPPORT.mapOrSkip(stream.wallets(), AlpMapper::balance, wallet -> "wallet update of " + wallet.currency());
    }

    @Override
    public Flux<ConnectionEvent> connectionEvents() {
        return stream.events();
    }

    /** Closes the sockets, then the resources this client created for itself; given resources stay open. */
    @Override
    public Mono<Void> closeGracefully() {
        Mono<Void> clients = Mono.when(stream.close(), rest.disposeLater());
        return ownResources == null ? clients : clients.then(ownResources.shutdown());
    }

    /** The resources this client runs on: the options' ones, or those it created. */
    public ClientResources resources() {
        return resources;
    }

    /** The clock of the resources' scheduler (virtual in tests). */
    private Instant now() {
        return Instant.ofEpochMilli(resources.scheduler().now(TimeUnit.MILLISECONDS));
    }
}
