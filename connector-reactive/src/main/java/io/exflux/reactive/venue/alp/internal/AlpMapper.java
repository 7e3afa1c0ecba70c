package io.exflux.reactive.venue.alp.internal;

import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.ProtocolException;
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
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.api.model.Ticker;
import io.exflux.api.model.TimeInForce;
import io.exflux.api.model.Trade;
import io.exflux.reactive.internal.book.BookLevels;
import io.exflux.reactive.venue.alp.AlpSymbols;
import io.exflux.reactive.venue.alp.model.AlpAccountTrade;
import io.exflux.reactive.venue.alp.model.AlpActivity;
import io.exflux.reactive.venue.alp.model.AlpBalance;
import io.exflux.reactive.venue.alp.model.AlpBookEntry;
import io.exflux.reactive.venue.alp.model.AlpCandle;
import io.exflux.reactive.venue.alp.model.AlpDepth;
import io.exflux.reactive.venue.alp.model.AlpDiff;
import io.exflux.reactive.venue.alp.model.AlpLevel;
import io.exflux.reactive.venue.alp.model.AlpOrder;
import io.exflux.reactive.venue.alp.model.AlpOrderBook;
import io.exflux.reactive.venue.alp.model.AlpOrderStatus;
import io.exflux.reactive.venue.alp.model.AlpOrderType;
import io.exflux.reactive.venue.alp.model.AlpPair;
import io.exflux.reactive.venue.alp.model.AlpSide;
import io.exflux.reactive.venue.alp.model.AlpTicker;
import io.exflux.reactive.venue.alp.model.AlpTrade;
import io.exflux.reactive.venue.alp.model.AlpWalletType;
import io.exflux.reactive.venue.alp.model.AlpWsOrder;
import io.exflux.reactive.venue.alp.model.AlpWsTicker;
import io.exflux.reactive.venue.alp.model.AlpWsTrade;
import io.exflux.reactive.venue.alp.model.AlpWsWallet;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Locale;
import java.util.Map;

/**
 * ALP records to the unified {@code io.exflux.api.model} types. Every venue spelling is mapped here
 * and nowhere else: BID/ASK, BUY/SELL, buy/sell to {@link Side}; both spellings of cancelled and of the
 * margin wallets; per-cent changes to fractions. Values the unified types cannot hold (an unknown side)
 * are a {@link ProtocolException} for that record only.
 */
public final class AlpMapper {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private AlpMapper() {
    }

    public static PairInfo pairInfo(AlpPair pair) {
        CurrencyPair unified = pair.currency1() != null && pair.currency2() != null
                ? CurrencyPair.of(pair.currency1(), pair.currency2()) : AlpSymbols.pair(pair.name());
        BigDecimal max = pair.maximumOrderSize() != null && pair.maximumOrderSize().signum() > 0
                ? pair.maximumOrderSize() : null;
        return new PairInfo(unified, pair.name(), pair.pricePrecision(), pair.amountPrecision(),
                pair.minimumOrderSize(), max, pair.minimumOrderValue());
    }

    /**
     * REST ticker. {@code diff_percent} is read as per cent (0.02 = 0.02 %): the document's own numbers
     * (diff 10 on an open of 44990) agree with that reading (docs/venues/alp.md, drift 23).
     */
    public static Ticker ticker(AlpTicker t, Instant fallbackTime) {
        return new Ticker(AlpSymbols.pair(t.pair()), t.last(), t.buy(), t.sell(), t.high(), t.low(), t.open(),
                t.vol(), null, percentToFraction(t.diffPercent()),
                t.timestamp() != null ? t.timestamp() : fallbackTime);
    }

    /** Websocket ticker row; {@code change} is "Change Percent", read as per cent like the REST field. */
    public static Ticker ticker(AlpWsTicker t, Instant time) {
        return new Ticker(AlpSymbols.pair(t.symbol()), t.close(), t.bid(), t.ask(), t.high(), t.low(), null,
                t.baseVolume(), t.quoteVolume(), percentToFraction(t.changePercent()), time);
    }

    static BigDecimal percentToFraction(BigDecimal percent) {
        return percent == null ? null : percent.divide(HUNDRED, MathContext.DECIMAL64);
    }

    /** REST book: {@code buy} are bids, {@code sell} asks; sorted best first, empty levels left out. */
    public static OrderBook orderBook(CurrencyPair pair, AlpOrderBook book, Instant time) {
        return new OrderBook(pair, BookLevels.bestFirst(book.buy(), AlpBookEntry::price, AlpBookEntry::amount, true),
                BookLevels.bestFirst(book.sell(), AlpBookEntry::price, AlpBookEntry::amount, false), time, -1);
    }

    /** A {@code p} frame as a whole-book snapshot that replaces the previous one. */
    public static OrderBookUpdate depth(AlpDepth depth) {
        return new OrderBookUpdate(AlpSymbols.pair(depth.symbol()), OrderBookUpdate.Kind.SNAPSHOT,
                OrderBookUpdate.Mode.ABSOLUTE, levels(depth.bids(), true), levels(depth.asks(), false), -1, -1,
                depth.time());
    }

    /** A {@code d} frame: quantity differences to add (the document's words), asks and bids as sent. */
    public static OrderBookUpdate diff(AlpDiff diff) {
        return new OrderBookUpdate(AlpSymbols.pair(diff.symbol()), OrderBookUpdate.Kind.DELTA,
                OrderBookUpdate.Mode.DIFFERENCE, raw(diff.bids()), raw(diff.asks()), -1, -1, diff.time());
    }

    private static List<PriceLevel> raw(List<AlpLevel> levels) {
        List<PriceLevel> out = new ArrayList<>(levels.size());
        for (AlpLevel level : levels) {
            out.add(new PriceLevel(level.price(), level.amount()));
        }
        return out;
    }

    /**
     * Merges equal prices, drops empty levels, sorts best first; a negative amount is kept, so that the book engine
     * refuses the frame as malformed and the book resyncs.
     */
    static List<PriceLevel> levels(List<AlpLevel> levels, boolean bids) {
        return BookLevels.forUpdate(levels, AlpLevel::price, AlpLevel::amount, bids);
    }

    public static Trade trade(AlpTrade t) {
        return new Trade(AlpSymbols.pair(t.pair()), Long.toString(t.id()), t.price(), t.amount(),
                optionalSide(t.type()), t.timestamp());
    }

    /** Websocket trade: amount is element 4, price element 5 (the reverse of REST, docs/venues/alp.md, drift 11). */
    public static Trade trade(AlpWsTrade t) {
        return trade(t, AlpSymbols.pair(t.pair()));
    }

    /**
     * The websocket trades of one market's topic, whose frames all name {@code symbol}: its pair is read from the text
     * once, not again from every trade (a trade that names another market is read as {@link #trade(AlpWsTrade)} does).
     * Safe to share between threads: the remembered pair is immutable and the same whoever reads it first.
     */
    public static Function<AlpWsTrade, Trade> tradesOf(String symbol) {
        CurrencyPair[] market = new CurrencyPair[1];
        return t -> {
            if (!symbol.equals(t.pair())) {
                return trade(t);
            }
            CurrencyPair pair = market[0];
            if (pair == null) {
                pair = AlpSymbols.pair(symbol);
                market[0] = pair;
            }
            return trade(t, pair);
        };
    }

    private static Trade trade(AlpWsTrade t, CurrencyPair pair) {
        return new Trade(pair, Long.toString(t.tradeId()), t.price(), t.amount(), optionalSide(t.direction()),
                t.time());
    }

    public static Candle candle(CurrencyPair pair, CandleInterval interval, AlpCandle c) {
        return new Candle(pair, interval, c.time(), c.open(), c.high(), c.low(), c.close(),
                c.volume() == null ? BigDecimal.ZERO : c.volume(), c.quoteVolume());
    }

    public static Balance balance(AlpBalance b) {
        return new Balance(b.currency(), wallet(b.walletType()), b.balance(), b.reserve(), b.lastUpdateAt());
    }

    public static Balance balance(AlpWsWallet w) {
        return new Balance(w.currency(), wallet(w.walletType()), w.balance(), w.reserve(), w.time());
    }

    /** The unified wallet name: the response spelling ({@code CROSS_MARGIN}), whichever one came; unknown as sent. */
    static String wallet(String raw) {
        AlpWalletType type = AlpWalletType.of(raw);
        return type == AlpWalletType.UNKNOWN ? raw : type.name();
    }

    public static Order order(AlpOrder o) {
        BigDecimal price = o.price() != null && o.price().signum() > 0 ? o.price() : null;
        return new Order(Long.toString(o.id()), o.clientOrderId(), AlpSymbols.pair(o.pair()), side(o.side()),
                orderType(o.type()), status(o.status()), o.status(), price, positiveOrNull(o.stopPrice()), o.amount(),
                o.amountFilled(), null, null, timeInForce(o.tif()), o.date(),
                o.updatedAt() != null ? o.updatedAt() : o.doneAt());
    }

    /**
     * An {@code o} frame. The average price is element 12; for a market order sized in quote the base
     * amount is not known up front, so {@code amount} stays {@code null} when the venue sends zero.
     */
    public static Order order(AlpWsOrder o) {
        BigDecimal amount = positiveOrNull(o.baseAmount());
        BigDecimal price = positiveOrNull(o.limitPrice());
        return new Order(Long.toString(o.orderId()), null, AlpSymbols.pair(o.symbol()), side(o.side()),
                orderType(o.orderType()), status(o.status()), o.status(), price, positiveOrNull(o.stopPrice()),
                amount, o.amountFilled(), positiveOrNull(o.priceAvg()), positiveOrNull(o.quoteAmount()), null, null,
                o.doneAt() != null ? o.doneAt() : o.time());
    }

    public static Fill fill(AlpAccountTrade t) {
        return new Fill(Long.toString(t.id()), t.orderId() == null ? null : Long.toString(t.orderId()),
                AlpSymbols.pair(t.pair()), side(t.side()), t.price(), t.amount(), t.fee(), null, null, t.timestamp());
    }

    public static LedgerEntry ledger(AlpActivity a) {
        return new LedgerEntry(null, a.currency(), wallet(a.walletType()), a.opType() == null ? "UNKNOWN" : a.opType(),
                a.balance(), null, a.lastUpdateAt());
    }

    /** The cancel-by-ids answer: {@code "1":"CANCELLED"} cancelled, any other text (e.g. "order not found") not. */
    public static List<CancelResult> cancelResults(Map<String, String> answer) {
        List<CancelResult> out = new ArrayList<>(answer.size());
        answer.forEach((id, text) -> {
            AlpOrderStatus status = AlpOrderStatus.of(text);
            boolean canceled = status == AlpOrderStatus.CANCELLED || status == AlpOrderStatus.PARTIAL_CANCELLED;
            out.add(new CancelResult(id, canceled, canceled ? null : text));
        });
        return out;
    }

    /** A side in any ALP spelling; an unknown one is a protocol error for this record. */
    public static Side side(String raw) {
        AlpSide side = AlpSide.of(raw);
        if (side == AlpSide.UNKNOWN) {
            throw new ProtocolException("unknown ALP side '" + raw + "'", ErrorContext.local("alp"));
        }
        return side == AlpSide.BUY ? Side.BUY : Side.SELL;
    }

    private static Side optionalSide(String raw) {
        AlpSide side = AlpSide.of(raw);
        return side == AlpSide.UNKNOWN ? null : side == AlpSide.BUY ? Side.BUY : Side.SELL;
    }

    /** ALP status to the unified one; the raw text stays on the order. */
    public static OrderStatus status(String raw) {
        switch (AlpOrderStatus.of(raw)) {
            case PENDING:
                return OrderStatus.PENDING;
            case OPEN:
                return OrderStatus.OPEN;
            case PARTIAL_FILLED:
                return OrderStatus.PARTIALLY_FILLED;
            case FILLED:
                return OrderStatus.FILLED;
            case CANCELLED:
            case PARTIAL_CANCELLED:
                return OrderStatus.CANCELED;
            case FAILED:
                return OrderStatus.REJECTED;
            case EXPIRED:
                return OrderStatus.EXPIRED;
            default:
                return OrderStatus.UNKNOWN;
        }
    }

    public static OrderType orderType(String raw) {
        switch (AlpOrderType.of(raw)) {
            case LIMIT:
                return OrderType.LIMIT;
            case MARKET:
                return OrderType.MARKET;
            case STOP_LIMIT:
                return OrderType.STOP_LIMIT;
            case STOP_MARKET:
                return OrderType.STOP_MARKET;
            default:
                return OrderType.UNKNOWN;
        }
    }

    static TimeInForce timeInForce(String raw) {
        if (raw == null) {
            return null;
        }
        switch (raw.trim().toUpperCase(Locale.ROOT)) {
            case "GTC":
                return TimeInForce.GTC;
            case "IOC":
                return TimeInForce.IOC;
            case "FOK":
                return TimeInForce.FOK;
            default:
                return null;
        }
    }

    private static BigDecimal positiveOrNull(BigDecimal value) {
        return value != null && value.signum() > 0 ? value : null;
    }
}
