package io.exflux.reactive.venue.btse.internal;

import io.exflux.api.model.Balance;
import io.exflux.api.model.Candle;
import io.exflux.api.model.CandleInterval;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Deposit;
import io.exflux.api.model.Fill;
import io.exflux.api.model.LedgerEntry;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.api.model.TimeInForce;
import io.exflux.api.model.Ticker;
import io.exflux.api.model.Trade;
import io.exflux.api.model.TradingFee;
import io.exflux.api.model.TransferStatus;
import io.exflux.api.model.Withdrawal;
import io.exflux.reactive.internal.codec.SymbolFormat;
import io.exflux.reactive.venue.btse.model.BtseBalance;
import io.exflux.reactive.venue.btse.model.BtseCandle;
import io.exflux.reactive.venue.btse.model.BtseFees;
import io.exflux.reactive.venue.btse.model.BtseMarketSummary;
import io.exflux.reactive.venue.btse.model.BtseOpenOrder;
import io.exflux.reactive.venue.btse.model.BtseOrderBook;
import io.exflux.reactive.venue.btse.model.BtseOrderResult;
import io.exflux.reactive.venue.btse.model.BtseQuote;
import io.exflux.reactive.venue.btse.model.BtseResolution;
import io.exflux.reactive.venue.btse.model.BtseTrade;
import io.exflux.reactive.venue.btse.model.BtseUserTrade;
import io.exflux.reactive.venue.btse.model.BtseWalletHistoryEntry;
import io.exflux.reactive.venue.btse.model.BtseWalletStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * BTSE records to unified ones. Units: {@code timestamp} fields are milliseconds, candle times seconds (read in the
 * model records); {@code buyQuote} are bids and {@code sellQuote} asks, sorted best first here whatever order BTSE
 * sends; the numeric order types are 76 LIMIT, 77 MARKET, 80 PEG; sides are read in any case.
 */
public final class BtseMapper {

    /** BTSE's symbols: {@code BTC-USD}. */
    public static final SymbolFormat SYMBOLS = new SymbolFormat("-");

    private static final Comparator<PriceLevel> HIGHEST_FIRST = Comparator.comparing(PriceLevel::price).reversed();
    private static final Comparator<PriceLevel> LOWEST_FIRST = Comparator.comparing(PriceLevel::price);

    private BtseMapper() {
    }

    /** {@code BTC/USD} as {@code BTC-USD}. */
    public static String symbol(CurrencyPair pair) {
        return SYMBOLS.format(pair);
    }

    /** A market's rules; the scales are those of its increments ({@code 0.5} allows one decimal). */
    public static PairInfo pairInfo(BtseMarketSummary m) {
        CurrencyPair pair = m.base() != null && m.quote() != null ? CurrencyPair.of(m.base(), m.quote())
                : SYMBOLS.parse(m.symbol());
        return new PairInfo(pair, m.symbol(), scale(m.minPriceIncrement()), scale(m.minSizeIncrement()),
                m.minOrderSize(), m.maxOrderSize(), null);
    }

    private static Integer scale(BigDecimal increment) {
        return increment == null || increment.signum() <= 0 ? null
                : Math.max(0, increment.stripTrailingZeros().scale());
    }

    /**
     * A market's 24-hour figures: {@code size} is the base volume, {@code volume} the quote volume; the summary has
     * no time, so {@code now} (the client's clock) stamps it.
     */
    public static Ticker ticker(BtseMarketSummary m, java.time.Instant now) {
        return new Ticker(pairInfo(m).pair(), m.last(), m.highestBid(), m.lowestAsk(), m.high24Hr(), m.low24Hr(),
                null, m.size(), m.volume(), m.percentageChange(), now);
    }

    /** The REST book, bids highest first and asks lowest first, at most {@code depth} a side. */
    public static OrderBook orderBook(CurrencyPair pair, BtseOrderBook book, int depth) {
        List<PriceLevel> bids = levels(book.buyQuote(), HIGHEST_FIRST, depth);
        List<PriceLevel> asks = levels(book.sellQuote(), LOWEST_FIRST, depth);
        return new OrderBook(pair, bids, asks, book.timestamp(), 0);
    }

    private static List<PriceLevel> levels(List<BtseQuote> quotes, Comparator<PriceLevel> order, int depth) {
        List<PriceLevel> out = new ArrayList<>(quotes.size());
        for (BtseQuote quote : quotes) {
            if (quote.size() != null && quote.size().signum() > 0) {
                out.add(new PriceLevel(quote.price(), quote.size()));
            }
        }
        out.sort(order);
        return out.size() > depth ? List.copyOf(out.subList(0, depth)) : out;
    }

    /** A public trade. */
    public static Trade trade(CurrencyPair pair, BtseTrade t) {
        return new Trade(pair, String.valueOf(t.serialId()), t.price(), t.size(), side(t.side()), t.timestamp());
    }

    /** A candle ({@code volume} is in the base currency). */
    public static Candle candle(CurrencyPair pair, CandleInterval interval, BtseCandle c) {
        return new Candle(pair, interval, c.openTime(), c.open(), c.high(), c.low(), c.close(), c.volume(), null);
    }

    /** BTSE's resolution of a unified interval (every unified interval has one). */
    public static BtseResolution resolution(CandleInterval interval) {
        return switch (interval) {
            case M1 -> BtseResolution.MINUTE_1;
            case M5 -> BtseResolution.MINUTE_5;
            case M15 -> BtseResolution.MINUTE_15;
            case M30 -> BtseResolution.MINUTE_30;
            case H1 -> BtseResolution.HOUR_1;
            case H4 -> BtseResolution.HOUR_4;
            case H6 -> BtseResolution.HOUR_6;
            case D1 -> BtseResolution.DAY_1;
            case W1 -> BtseResolution.WEEK_1;
        };
    }

    /** {@code BUY}/{@code buy} and {@code SELL}/{@code sell}. */
    public static Side side(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("side is missing");
        }
        return switch (raw.trim().toUpperCase(Locale.ROOT)) {
            case "BUY" -> Side.BUY;
            case "SELL" -> Side.SELL;
            default -> throw new IllegalArgumentException("not a side: " + raw);
        };
    }

    /** The unified type of BTSE's numeric order type (76, 77, 80), a stop when it carries a stop or trigger price. */
    public static OrderType type(Integer orderType, boolean stop) {
        if (orderType == null) {
            return OrderType.UNKNOWN;
        }
        return switch (orderType) {
            case 76 -> stop ? OrderType.STOP_LIMIT : OrderType.LIMIT;
            case 77 -> stop ? OrderType.STOP_MARKET : OrderType.MARKET;
            default -> OrderType.UNKNOWN;
        };
    }

    /** A row of an order endpoint's answer. */
    public static Order order(BtseOrderResult r, CurrencyPair knownPair) {
        CurrencyPair pair = knownPair != null ? knownPair : SYMBOLS.parse(r.symbol());
        boolean stop = positive(r.stopPrice()) || positive(r.triggerPrice());
        OrderStatus status = r.statusCode().orderStatus() == null ? OrderStatus.UNKNOWN : r.statusCode().orderStatus();
        BigDecimal amount = r.originalSize() != null ? r.originalSize() : r.size();
        return new Order(r.orderID(), r.clOrderID(), pair, side(r.side()), type(r.orderType(), stop), status,
                r.statusCode().name(), r.price(), stop ? firstPositive(r.stopPrice(), r.triggerPrice()) : null, amount,
                r.fillSize(), r.averageFillPrice(), null, timeInForce(r.timeInForce()), r.timestamp(), r.timestamp());
    }

    /** An open order: {@code STATUS_ACTIVE} is open (partly filled when it has fills), a waiting trigger pending. */
    public static Order order(BtseOpenOrder o) {
        CurrencyPair pair = SYMBOLS.parse(o.symbol());
        boolean stop = Boolean.TRUE.equals(o.triggerOrder());
        boolean filled = o.filledSize() != null && o.filledSize().signum() > 0;
        OrderStatus status = "STATUS_INACTIVE".equals(o.orderState()) ? OrderStatus.PENDING
                : filled ? OrderStatus.PARTIALLY_FILLED : OrderStatus.OPEN;
        return new Order(o.orderID(), o.clOrderID(), pair, side(o.side()), type(o.orderType(), stop), status,
                o.orderState(), o.price(), stop ? o.triggerPrice() : null, o.size(), o.filledSize(),
                o.averageFillPrice(), null, timeInForce(o.timeInForce()), o.timestamp(), o.timestamp());
    }

    static TimeInForce timeInForce(String raw) {
        if (raw == null) {
            return null;
        }
        return switch (raw.trim().toUpperCase(Locale.ROOT)) {
            case "GTC" -> TimeInForce.GTC;
            case "IOC" -> TimeInForce.IOC;
            case "FOK" -> TimeInForce.FOK;
            default -> null;
        };
    }

    /** An execution of the account. */
    public static Fill fill(BtseUserTrade t) {
        CurrencyPair pair = t.base() != null && t.quote() != null ? CurrencyPair.of(t.base(), t.quote())
                : SYMBOLS.parse(t.symbol());
        BigDecimal price = t.filledPrice() != null ? t.filledPrice() : t.price();
        BigDecimal amount = t.filledSize() != null ? t.filledSize() : t.size();
        // the trade number under either name, as a fill of the socket (see docs/venues/btse.md, "Trade identity")
        String id = t.tradeId() != null ? t.tradeId() : t.serialId() == null ? null : Long.toString(t.serialId());
        return new Fill(id, t.orderId(), pair, side(t.side()), price, amount, t.feeAmount(),
                t.feeCurrency(), null, t.timestamp());
    }

    /** A wallet balance: reserved is what is not available. */
    public static Balance balance(BtseBalance b) {
        BigDecimal reserved = b.total() != null && b.available() != null ? b.total().subtract(b.available()) : null;
        return new Balance(b.currency(), "SPOT", b.total(), reserved, null);
    }

    /** The unified state of a wallet history record. */
    public static TransferStatus transferStatus(BtseWalletStatus status) {
        return switch (status) {
            case PENDING, PROCESSING -> TransferStatus.PENDING;
            case COMPLETED -> TransferStatus.COMPLETED;
            case CANCELLED, EXPIRED -> TransferStatus.CANCELED;
            case FAILURE -> TransferStatus.FAILED;
            case UNKNOWN -> TransferStatus.UNKNOWN;
        };
    }

    /** A deposit record of the wallet history. */
    public static Deposit deposit(BtseWalletHistoryEntry e) {
        return new Deposit(e.orderId(), e.currency(), e.amount().abs(), transferStatus(e.walletStatus()), e.status(),
                null, e.txid(), e.timestamp());
    }

    /** A withdrawal record of the wallet history. */
    public static Withdrawal withdrawal(BtseWalletHistoryEntry e) {
        return new Withdrawal(e.orderId(), e.currency(), e.amount().abs(), e.fees(), transferStatus(e.walletStatus()),
                e.status(), null, e.txid(), e.timestamp());
    }

    /** Any wallet history record as a ledger entry; the type is BTSE's value as sent. */
    public static LedgerEntry ledgerEntry(BtseWalletHistoryEntry e) {
        return new LedgerEntry(e.orderId(), e.currency(), e.wallet(), e.type(), e.amount(), null, e.timestamp());
    }

    /** The account's fees on a market. */
    public static TradingFee tradingFee(BtseFees f) {
        return new TradingFee(f.symbol() == null ? null : SYMBOLS.parse(f.symbol()), f.makerFee(), f.takerFee());
    }

    private static boolean positive(BigDecimal value) {
        return value != null && value.signum() > 0;
    }

    private static BigDecimal firstPositive(BigDecimal a, BigDecimal b) {
        return positive(a) ? a : b;
    }
}
