package io.exflux.reactive.venue.btse;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Fill;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.Ticker;
import io.exflux.api.model.Trade;
import io.exflux.api.stream.ConnectionEvent;
import io.exflux.reactive.internal.book.OrderBookStream;
import io.exflux.reactive.internal.book.OrderBookStreamOptions;
import io.exflux.reactive.internal.unified.BackFilledStream;
import io.exflux.reactive.internal.unified.StateResync;
import io.exflux.reactive.internal.unified.TradeGapFiller;
import io.exflux.reactive.internal.unified.UnifiedSupport;
import io.exflux.reactive.venue.btse.internal.BtseTradeOrder;
import io.exflux.reactive.venue.btse.internal.BtseWsMapper;
import io.exflux.reactive.venue.btse.internal.BtseWsTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The unified {@code watch*} streams of BTSE, built on {@link BtseStreamClient} and the shared gap-free pieces;
 * {@code BtseExchangeClient} serves them with its REST answers for the back-fills.
 */
final class BtseUnifiedStreams {

    private static final UnifiedSupport SUPPORT = new UnifiedSupport("btse");

    private final BtseStreamClient stream;
    private final int grouping;
    private final Consumer<ConnectionEvent> notices;
    private final Supplier<Instant> clock;

    /**
     * @param grouping the book grouping subscribed (0: none)
     * @param notices  where gap events the trade back-fill cannot close go
     * @param clock    the client's clock
     */
    BtseUnifiedStreams(BtseStreamClient stream, int grouping, Consumer<ConnectionEvent> notices,
                       Supplier<Instant> clock) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.grouping = grouping;
        this.notices = Objects.requireNonNull(notices, "notices");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The book of {@code info}'s market from {@code update:<SYMBOL>_<grouping>}: the venue's snapshot, then its
     * deltas; on a sequence gap, a crossed book or a value the book cannot hold, the topic is unsubscribed and
     * subscribed again and the fresh snapshot BTSE sends then replaces the book (nothing is read over REST). A
     * reconnect resubscribes, which brings a snapshot too; meanwhile the last book is shown marked stale.
     * Latest wins.
     */
    Flux<OrderBook> orderBook(PairInfo info, int depth) {
        String symbol = info.symbol();
        Flux<OrderBookUpdate> updates = bookUpdates(info.pair(), symbol);
        // each "snapshot fetch" asks BTSE for one in-stream: a subscriber joining a live topic needs one too
        Supplier<Mono<OrderBook>> resubscribe = () -> stream.resubscribeBook(symbol, grouping)
                .onErrorResume(error -> Mono.empty())
                .then(Mono.empty());
        return OrderBookStream.watch(info, updates, resubscribe, OrderBookStreamOptions.DEFAULTS.withDepth(depth),
                stream.bookEvents(List.of(BtseWsTopics.book(symbol, grouping))));
    }

    /** The raw book frames of a market as unified updates (sequence numbers kept). */
    Flux<OrderBookUpdate> bookUpdates(CurrencyPair pair, String symbol) {
        return SUPPORT.mapOrSkip(stream.book(symbol, grouping), book -> BtseWsMapper.bookUpdate(pair, book),
                book -> "book frame " + book.seqNum() + " of " + symbol);
    }

    /**
     * {@code tradeHistoryApi:<SYMBOL>} in order (the recent trades BTSE sends first, newest first, give only their
     * newest), back-filled after every reconnect of the socket carrying the topic from {@code newestPage} (trades
     * after the last one delivered, by time then trade number, each id once: the socket's {@code tradeId} and
     * REST's {@code serialId} are the same number); where the page cannot reach back, a
     * {@link ConnectionEvent.Gap} goes to the notices.
     */
    Flux<Trade> trades(CurrencyPair pair, String symbol, Supplier<Flux<Trade>> newestPage, int pageLimit) {
        Flux<Trade> live = BtseTradeOrder.forwardOnly(SUPPORT.mapOrSkip(stream.trades(symbol),
                trade -> BtseWsMapper.trade(pair, trade), trade -> "trade " + trade.tradeId()));
        String topic = BtseWsTopics.trades(symbol);
        return TradeGapFiller.watch(TradeGapFiller.Settings.of(topic, pageLimit), live,
                stream.mainEvents(List.of(topic)), newestPage, BtseTradeOrder.OLDEST_FIRST, notices, clock);
    }

    /** Best bid and ask from {@code snapshotL1:<SYMBOL>}. Latest wins. */
    Flux<Ticker> ticker(CurrencyPair pair, String symbol) {
        return SUPPORT.mapOrSkip(stream.l1(symbol), l1 -> BtseWsMapper.ticker(pair, l1), l1 -> "L1 of " + symbol)
                .onBackpressureLatest();
    }

    /**
     * {@code notificationApiV2}; after every reconnect (logged in and resubscribed again) {@code ordersNow} is read
     * and each order whose state this subscriber has not seen is emitted.
     */
    Flux<Order> orders(Supplier<Flux<Order>> ordersNow) {
        Flux<Order> live = SUPPORT.mapOrSkip(stream.orders(), BtseWsMapper::order,
                order -> "order notification " + order.orderId());
        return StateResync.orders(live, stream.privateEvents(), ordersNow, clock);
    }

    /**
     * {@code fills}; after every reconnect (logged in and resubscribed again) {@code historyFrom} is read from the
     * last fill delivered (pages of the account's trade history, at most {@code pageLimit} each, reaching back
     * {@code lookback} at most) and every fill after that one is emitted, oldest first, each once (a trade number
     * and order id); where the history cannot cover the time away, a {@link ConnectionEvent.Gap} goes to the notices.
     */
    Flux<Fill> fills(Function<Instant, Flux<List<Fill>>> historyFrom, int pageLimit, Duration lookback) {
        Flux<Fill> live = SUPPORT.mapOrSkip(stream.fills(), BtseWsMapper::fill, fill -> "fill " + fill.serialId());
        return BackFilledStream.watch(BackFilledStream.Settings.of(BtseWsTopics.FILLS, pageLimit, lookback),
                BackFilledStream.FILLS, live, stream.privateEvents(), historyFrom, BtseTradeOrder.FILLS_OLDEST_FIRST,
                notices, clock);
    }
}
