package io.exflux.reactive.venue.v1.internal;

import io.exflux.api.model.Balance;
import io.exflux.api.model.Candle;
import io.exflux.api.model.CandleInterval;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Deposit;
import io.exflux.api.model.Fill;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.api.model.Trade;
import io.exflux.api.model.TransferStatus;
import io.exflux.api.model.Withdrawal;
import io.exflux.reactive.internal.book.BookLevels;
import io.exflux.reactive.internal.book.BookOp;
import io.exflux.reactive.internal.book.OrderIdBook;
import io.exflux.reactive.internal.book.OrderIdSeed;
import io.exflux.reactive.internal.codec.SymbolFormat;
import io.exflux.reactive.venue.v1.model.V1BookEntry;
import io.exflux.reactive.venue.v1.model.V1BookEvent;
import io.exflux.reactive.venue.v1.model.V1Candle;
import io.exflux.reactive.venue.v1.model.V1ChartType;
import io.exflux.reactive.venue.v1.model.V1Deposit;
import io.exflux.reactive.venue.v1.model.V1Exchange;
import io.exflux.reactive.venue.v1.model.V1Order;
import io.exflux.reactive.venue.v1.model.V1OrderBook;
import io.exflux.reactive.venue.v1.model.V1Pair;
import io.exflux.reactive.venue.v1.model.V1Side;
import io.exflux.reactive.venue.v1.model.V1Trade;
import io.exflux.reactive.venue.v1.model.V1Wallet;
import io.exflux.reactive.venue.v1.model.V1Withdraw;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * v1 records to unified ones. Pairs are {@code BASE_QUOTE}; bids are buy orders and asks sell orders whatever the
 * venue's keys; every time is already an {@code Instant} (unix seconds with a fraction on the wire). An order's
 * {@code amount} on the v1 platform is what remains open: the unified order carries it as the amount, with no
 * filled amount (the venue does not report one). Amount scale: the decimals of the pair's minimum order size.
 */
public final class V1Mapper {

    private static final SymbolFormat SYMBOLS = new SymbolFormat("_");

    private V1Mapper() {
    }

    /** {@code BTC_USD}. */
    public static String symbol(CurrencyPair pair) {
        return SYMBOLS.format(pair);
    }

    /** The pair of {@code BTC_USD}. */
    public static CurrencyPair pair(String symbol) {
        return SYMBOLS.parse(symbol);
    }

    public static PairInfo pairInfo(V1Pair pair) {
        BigDecimal min = pair.minimumOrderSize();
        Integer amountScale = min == null ? null : Math.max(0, min.stripTrailingZeros().scale());
        return new PairInfo(CurrencyPair.of(pair.currency1(), pair.currency2()), pair.name(), pair.pricePrecision(),
                amountScale, min, pair.maximumOrderSize(), null);
    }

    /** The book: bids from the buy orders, asks from the sell orders, equal prices added up. */
    public static OrderBook orderBook(CurrencyPair pair, V1OrderBook book, Instant now) {
        return new OrderBook(pair, BookLevels.bestFirst(book.buy(), V1BookEntry::price, V1BookEntry::amount, true),
                BookLevels.bestFirst(book.sell(), V1BookEntry::price, V1BookEntry::amount, false), now, -1);
    }

    /**
     * A socket event as a change of price levels: a new order adds what remained of it on its side and takes each
     * of its trades off the matched order's side; a cancel takes what was left of the order off its side.
     */
    public static OrderBookUpdate bookUpdate(CurrencyPair pair, V1BookEvent event) {
        List<PriceLevel> bids = new ArrayList<>();
        List<PriceLevel> asks = new ArrayList<>();
        if (event instanceof V1BookEvent.NewOrder order) {
            add(order.type(), order.price(), order.amount(), bids, asks);
            for (V1Trade trade : order.trades()) {
                add(trade.type(), trade.price(), trade.amount().negate(), bids, asks);
            }
        } else if (event instanceof V1BookEvent.Cancel cancel) {
            add(cancel.type(), cancel.price(), cancel.amount().negate(), bids, asks);
        }
        return new OrderBookUpdate(pair, OrderBookUpdate.Kind.DELTA, OrderBookUpdate.Mode.DIFFERENCE, bids, asks, -1,
                -1, event.date());
    }

    /**
     * A socket event as the changes it makes to the resting orders: a new order's trades each take their amount off
     * the matched order, then what remained of the new order rests; a cancel removes the order.
     */
    public static List<BookOp> bookOps(V1BookEvent event) {
        List<BookOp> ops = new ArrayList<>();
        if (event instanceof V1BookEvent.NewOrder order) {
            for (V1Trade trade : order.trades()) {
                ops.add(new BookOp.Fill(trade.orderId(), trade.amount()));
            }
            if (order.type() != V1Side.UNKNOWN) {
                ops.add(new BookOp.Place(order.oid(), side(order.type()), order.price(), order.amount()));
            }
        } else if (event instanceof V1BookEvent.Cancel cancel) {
            ops.add(new BookOp.Remove(cancel.oid()));
        }
        return ops;
    }

    /**
     * An ungrouped REST book as a seed of resting orders (an entry without an id is left out); a side with fewer
     * entries than {@code limit} is complete.
     */
    public static OrderIdSeed seed(V1OrderBook book, int limit) {
        List<OrderIdBook.RestingOrder> orders = new ArrayList<>(book.buy().size() + book.sell().size());
        for (V1BookEntry entry : book.buy()) {
            if (entry.id() != null) {
                orders.add(new OrderIdBook.RestingOrder(entry.id(), Side.BUY, entry.price(), entry.amount()));
            }
        }
        for (V1BookEntry entry : book.sell()) {
            if (entry.id() != null) {
                orders.add(new OrderIdBook.RestingOrder(entry.id(), Side.SELL, entry.price(), entry.amount()));
            }
        }
        return new OrderIdSeed(orders, book.buy().size() < limit, book.sell().size() < limit);
    }

    private static void add(V1Side side, BigDecimal price, BigDecimal amount, List<PriceLevel> bids,
                            List<PriceLevel> asks) {
        if (amount.signum() == 0 || side == V1Side.UNKNOWN) {
            return;
        }
        (side == V1Side.BUY ? bids : asks).add(new PriceLevel(price, amount));
    }

    /** The trades a new order made; the taker is the new order, so its side is the taker side. */
    public static List<Trade> trades(CurrencyPair pair, V1BookEvent.NewOrder order) {
        List<Trade> out = new ArrayList<>(order.trades().size());
        for (V1Trade trade : order.trades()) {
            out.add(new Trade(pair, Long.toString(trade.tid()), trade.price(), trade.amount(), side(order.type()),
                    order.date()));
        }
        return out;
    }

    /** A market trade; its {@code type} is read as the taker's side. */
    public static Trade trade(V1Exchange exchange) {
        return new Trade(pair(exchange.pair()), Long.toString(exchange.id()), exchange.price(), exchange.amount(),
                side(exchange.type()), exchange.timestamp());
    }

    /** One of the caller's trades; {@code type} is the caller's side. */
    public static Fill fill(V1Exchange exchange) {
        return new Fill(Long.toString(exchange.id()), null, pair(exchange.pair()), side(exchange.type()),
                exchange.price(), exchange.amount(), null, null, null, exchange.timestamp());
    }

    public static Order order(V1Order order) {
        OrderStatus status = switch (order.status()) {
            case ACTIVE -> OrderStatus.OPEN;
            case CANCELED -> OrderStatus.CANCELED;
            case DONE -> OrderStatus.FILLED;
            case UNKNOWN -> OrderStatus.UNKNOWN;
        };
        return new Order(Long.toString(order.id()), null, pair(order.pair()), side(order.type()), OrderType.LIMIT,
                status, Integer.toString(order.rawStatus()), order.price(), null, order.amount(), null, null, null,
                null, null, null);
    }

    public static Balance balance(V1Wallet wallet) {
        return new Balance(wallet.currency(), null, wallet.balance(), wallet.reserve(), null);
    }

    /** The document lists deposits that arrived: each is completed. */
    public static Deposit deposit(V1Deposit deposit) {
        return new Deposit(Long.toString(deposit.id()), deposit.currency(), deposit.amount(), TransferStatus.COMPLETED,
                null, null, null, deposit.timestamp());
    }

    /** New and verified are pending, approved completed, refused failed, canceled canceled. */
    public static Withdrawal withdrawal(V1Withdraw withdraw) {
        TransferStatus status = switch (withdraw.status()) {
            case NEW, VERIFIED -> TransferStatus.PENDING;
            case APPROVED -> TransferStatus.COMPLETED;
            case REFUSED -> TransferStatus.FAILED;
            case CANCELED -> TransferStatus.CANCELED;
            case UNKNOWN -> TransferStatus.UNKNOWN;
        };
        return new Withdrawal(Long.toString(withdraw.id()), withdraw.currency(), withdraw.amount(), null, status,
                Integer.toString(withdraw.rawStatus()), null, null, withdraw.timestamp());
    }

    public static Candle candle(CurrencyPair pair, CandleInterval interval, V1Candle candle) {
        return new Candle(pair, interval, candle.time(), candle.open(), candle.high(), candle.low(), candle.close(),
                candle.volume(), null);
    }

    /** The chart type of a unified interval, or {@code null} when the venue has none. */
    public static V1ChartType chartType(CandleInterval interval) {
        return switch (interval) {
            case M1 -> V1ChartType.M1;
            case M5 -> V1ChartType.M5;
            case M15 -> V1ChartType.M15;
            case M30 -> V1ChartType.M30;
            case H1 -> V1ChartType.H1;
            case H4 -> V1ChartType.H4;
            case D1 -> V1ChartType.D1;
            default -> null;
        };
    }

    public static Side side(V1Side side) {
        if (side == V1Side.UNKNOWN) {
            throw new IllegalArgumentException("side is neither buy nor sell");
        }
        return side == V1Side.BUY ? Side.BUY : Side.SELL;
    }

    public static V1Side side(Side side) {
        return side == Side.BUY ? V1Side.BUY : V1Side.SELL;
    }
}
