package io.exflux.testkit.sim;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.Side;
import io.exflux.api.model.TimeInForce;
import io.exflux.testkit.sim.SimRejectedException.Reason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The venue-neutral heart of every simulated venue: markets, accounts, a price-time-priority matching
 * engine per market, stop orders triggered by the last trade price, a trade log and an ordered feed of
 * {@link SimEvent}s.
 *
 * <p>Not thread-safe on purpose: it is a plain state machine, simple to test. {@link VenueSimulator}
 * serialises every call onto one thread and is what the venue fronts use.
 *
 * <p>Funds: a limit buy reserves {@code price x amount} of the quote currency, a sell reserves its base
 * amount; a fill spends from the reserve, a cancel releases what is left. Fees (default zero) are taken
 * from what each side receives.
 */
public final class SimExchange {

    private static final int TRADE_LOG_CAPACITY = 100_000;
    private static final int FINISHED_ORDER_CAPACITY = 50_000;

    /** One market's books, stops and last price. */
    private static final class Market {
        final MarketSpec spec;
        final BookSide bids;
        final BookSide asks;
        final List<OrderState> stops = new ArrayList<>();
        BigDecimal lastPrice;

        Market(MarketSpec spec) {
            this.spec = spec;
            this.bids = new BookSide(true, spec.pricePrecision(), spec.amountPrecision());
            this.asks = new BookSide(false, spec.pricePrecision(), spec.amountPrecision());
        }

        BookSide side(Side side) {
            return side == Side.BUY ? bids : asks;
        }
    }

    private final Clock clock;
    private final Consumer<SimEvent> listener;
    private final Map<CurrencyPair, Market> markets = new LinkedHashMap<>();
    private final Ledger ledger = new Ledger();
    private final Map<Long, OrderState> orders = new HashMap<>();
    private final ArrayDeque<Long> finishedOrders = new ArrayDeque<>();
    private final ArrayDeque<SimTrade> tradeLog = new ArrayDeque<>();
    private final LinkedHashSet<Ledger.Holding> touched = new LinkedHashSet<>();
    private BigDecimal makerFeeRate = BigDecimal.ZERO;
    private BigDecimal takerFeeRate = BigDecimal.ZERO;
    private long nextAccountId = 1;
    private long nextOrderId = 1;
    private long nextTradeId = 1;
    private long sequence;
    private Instant now;

    /**
     * @param clock    source of event times
     * @param listener receives every event, in order, on the calling thread
     */
    public SimExchange(Clock clock, Consumer<SimEvent> listener) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Opens a market (replacing nothing: a pair already open is left as it is). */
    public void addMarket(MarketSpec spec) {
        markets.putIfAbsent(spec.pair(), new Market(spec));
    }

    /** All markets, in the order they were added. */
    public List<MarketSpec> markets() {
        List<MarketSpec> out = new ArrayList<>();
        markets.values().forEach(m -> out.add(m.spec));
        return out;
    }

    /** The market of a pair, if open. */
    public Optional<MarketSpec> market(CurrencyPair pair) {
        Market m = markets.get(pair);
        return m == null ? Optional.empty() : Optional.of(m.spec);
    }

    /** Sets the fee rates (fractions, e.g. 0.001) charged on every later fill. */
    public void setFees(BigDecimal makerRate, BigDecimal takerRate) {
        this.makerFeeRate = Objects.requireNonNull(makerRate, "makerRate");
        this.takerFeeRate = Objects.requireNonNull(takerRate, "takerRate");
    }

    public BigDecimal makerFeeRate() {
        return makerFeeRate;
    }

    public BigDecimal takerFeeRate() {
        return takerFeeRate;
    }

    /** Opens an empty account and returns its id. */
    public long createAccount() {
        while (ledger.exists(nextAccountId)) {
            nextAccountId++; // skip ids a caller chose with createAccount(long)
        }
        long id = nextAccountId++;
        ledger.open(id);
        return id;
    }

    /**
     * Opens an empty account with an id the caller chose (e.g. allocated ahead by {@link VenueSimulator});
     * refused when the id is taken.
     */
    public long createAccount(long accountId) {
        if (accountId <= 0 || ledger.exists(accountId)) {
            throw new SimRejectedException(Reason.INVALID_REQUEST, "account id taken or invalid");
        }
        ledger.open(accountId);
        return accountId;
    }

    /** True when the account exists. */
    public boolean hasAccount(long accountId) {
        return ledger.exists(accountId);
    }

    /**
     * Adds (positive) or removes (negative) funds. Removing more than is available is refused with
     * {@link Reason#INSUFFICIENT_FUNDS}.
     */
    public SimBalance deposit(long accountId, String wallet, String currency, BigDecimal amount) {
        begin();
        requireAccount(accountId);
        if (amount.signum() < 0 && ledger.available(accountId, wallet, currency).compareTo(amount.negate()) < 0) {
            throw new SimRejectedException(Reason.INSUFFICIENT_FUNDS, "insufficient funds");
        }
        Ledger.Holding h = ledger.holding(accountId, wallet, currency, now);
        h.total = h.total.add(amount);
        touch(h);
        flush();
        return h.snapshot();
    }

    /** The balances of an account (every currency it ever held). */
    public List<SimBalance> balances(long accountId) {
        requireAccount(accountId);
        return ledger.balances(accountId);
    }

    /** One order by id, if known (finished orders are kept up to a bounded history). */
    public Optional<SimOrder> order(long orderId) {
        OrderState o = orders.get(orderId);
        return o == null ? Optional.empty() : Optional.of(o.snapshot());
    }

    /** The orders of an account, newest first. */
    public List<SimOrder> orders(long accountId) {
        List<SimOrder> out = new ArrayList<>();
        for (OrderState o : orders.values()) {
            if (o.request.accountId() == accountId) {
                out.add(o.snapshot());
            }
        }
        out.sort(Comparator.comparingLong(SimOrder::id).reversed());
        return out;
    }

    /** The book of a pair, best levels first, at most {@code depth} levels per side. */
    public OrderBook book(CurrencyPair pair, int depth) {
        Market m = requireMarket(pair);
        return new OrderBook(pair, m.bids.top(depth), m.asks.top(depth), clock.instant(), sequence);
    }

    /** Number of price levels on one side of a book. */
    public int levelCount(CurrencyPair pair, Side side) {
        return requireMarket(pair).side(side).levelCount();
    }

    /** The price of the last trade of a pair, if any. */
    public Optional<BigDecimal> lastPrice(CurrencyPair pair) {
        return Optional.ofNullable(requireMarket(pair).lastPrice);
    }

    /** The trade log, oldest first (bounded to the last 100,000 trades). */
    public List<SimTrade> trades() {
        return new ArrayList<>(tradeLog);
    }

    /** The sequence number of the last event. */
    public long sequence() {
        return sequence;
    }

    /**
     * Places an order: validates it against the market's rules, reserves funds, matches it and rests
     * what is left when it is a good-till-cancelled limit order. Refusals throw
     * {@link SimRejectedException}; an order that is accepted but cannot trade (FOK not fillable) comes
     * back CANCELED.
     */
    public SimOrder place(SimOrderRequest request) {
        begin();
        Market m = requireMarket(request.pair());
        requireAccount(request.accountId());
        validate(request, m.spec);
        StopCondition condition = request.stopCondition() != null ? request.stopCondition()
                : request.side() == Side.BUY ? StopCondition.AT_OR_ABOVE : StopCondition.AT_OR_BELOW;
        OrderState o = new OrderState(nextOrderId, request, m.spec, condition, now);
        boolean isStop = o.isStop();
        if (!isStop && request.postOnly() && request.limitPrice() != null && crosses(m, request.side(), request.limitPrice())) {
            throw new SimRejectedException(Reason.POST_ONLY_WOULD_TAKE, "post-only order would take liquidity");
        }
        if (request.type() == OrderType.MARKET && m.side(request.side().opposite()).best() == null) {
            throw new SimRejectedException(Reason.NO_LIQUIDITY, "no liquidity for a market order");
        }
        BigDecimal reserve = reserveFor(request, m);
        if (ledger.available(request.accountId(), request.wallet(), spendCurrency(o)).compareTo(reserve) < 0) {
            throw new SimRejectedException(Reason.INSUFFICIENT_FUNDS, "insufficient funds");
        }
        Ledger.Holding spend = spendHolding(o);
        nextOrderId++;
        orders.put(o.id, o);
        spend.reserved = spend.reserved.add(reserve);
        spend.updatedAt = now;
        o.reserved = reserve;
        touch(spend);
        if (isStop) {
            m.stops.add(o);
            emit(new SimEvent.OrderUpdated(++sequence, o.snapshot()));
        } else {
            execute(o, m);
        }
        checkStops(m);
        flush();
        return o.snapshot();
    }

    /** Cancels one open order of an account; unknown, foreign or finished orders are ORDER_NOT_FOUND. */
    public SimOrder cancel(long accountId, long orderId) {
        begin();
        OrderState o = orders.get(orderId);
        if (o == null || o.request.accountId() != accountId || o.status.isFinal()) {
            throw new SimRejectedException(Reason.ORDER_NOT_FOUND, "order not found");
        }
        cancelOpen(o);
        flush();
        return o.snapshot();
    }

    /** Cancels every open order of an account, of one pair or (pair null) of all pairs. */
    public List<SimOrder> cancelAll(long accountId, CurrencyPair pair) {
        begin();
        List<OrderState> open = new ArrayList<>();
        for (OrderState o : orders.values()) {
            if (o.request.accountId() == accountId && !o.status.isFinal()
                    && (pair == null || pair.equals(o.request.pair()))) {
                open.add(o);
            }
        }
        open.sort(Comparator.comparingLong(o -> o.id));
        List<SimOrder> out = new ArrayList<>();
        for (OrderState o : open) {
            cancelOpen(o);
            out.add(o.snapshot());
        }
        flush();
        return out;
    }

    // ---------------------------------------------------------------- internals

    private void begin() {
        now = clock.instant();
    }

    private void cancelOpen(OrderState o) {
        Market m = markets.get(o.request.pair());
        if (o.isStop() && !o.triggered) {
            m.stops.remove(o);
        } else {
            BookSide side = m.side(o.request.side());
            BigDecimal remaining = o.remaining();
            BookSide.Level level = side.remove(o, o.request.limitPrice());
            if (level != null) {
                emit(new SimEvent.BookChanged(++sequence, o.request.pair(), o.request.side(), level.price,
                        level.total, remaining.negate()));
            }
        }
        o.canceled = o.canceled.add(o.remaining());
        finish(o, OrderStatus.CANCELED);
        emit(new SimEvent.OrderUpdated(++sequence, o.snapshot()));
    }

    private void validate(SimOrderRequest r, MarketSpec spec) {
        boolean limit = r.type() == OrderType.LIMIT || r.type() == OrderType.STOP_LIMIT;
        boolean stop = r.type() == OrderType.STOP_LIMIT || r.type() == OrderType.STOP_MARKET;
        if (r.type() == OrderType.UNKNOWN) {
            throw new SimRejectedException(Reason.INVALID_REQUEST, "unknown order type");
        }
        if (limit) {
            if (r.amount() == null) {
                throw new SimRejectedException(Reason.INVALID_AMOUNT, "invalid order amount");
            }
            checkPrice(r.limitPrice(), spec);
        } else if ((r.amount() == null) == (r.quoteAmount() == null)) {
            throw new SimRejectedException(Reason.INVALID_AMOUNT, "invalid order amount");
        }
        if (stop) {
            checkPrice(r.stopPrice(), spec);
        }
        if (r.amount() != null) {
            if (r.amount().signum() <= 0 || r.amount().stripTrailingZeros().scale() > spec.amountPrecision()) {
                throw new SimRejectedException(Reason.INVALID_AMOUNT, "invalid order amount");
            }
            if (r.amount().compareTo(spec.minAmount()) < 0) {
                throw new SimRejectedException(Reason.AMOUNT_TOO_SMALL, "order amount is below the minimum");
            }
            if (r.amount().compareTo(spec.maxAmount()) > 0) {
                throw new SimRejectedException(Reason.AMOUNT_TOO_LARGE, "order amount is above the maximum");
            }
            if (limit && r.amount().multiply(r.limitPrice()).compareTo(spec.minValue()) < 0) {
                throw new SimRejectedException(Reason.VALUE_TOO_SMALL, "order value is below the minimum");
            }
        }
        if (r.quoteAmount() != null) {
            if (r.quoteAmount().signum() <= 0) {
                throw new SimRejectedException(Reason.INVALID_AMOUNT, "invalid order amount");
            }
            if (r.quoteAmount().compareTo(spec.minValue()) < 0) {
                throw new SimRejectedException(Reason.VALUE_TOO_SMALL, "order value is below the minimum");
            }
        }
    }

    private static void checkPrice(BigDecimal price, MarketSpec spec) {
        if (price == null || price.signum() <= 0 || price.stripTrailingZeros().scale() > spec.pricePrecision()) {
            throw new SimRejectedException(Reason.INVALID_PRICE, "invalid order price");
        }
    }

    /** What the order reserves in its spending currency when it is accepted. */
    private BigDecimal reserveFor(SimOrderRequest r, Market m) {
        boolean buy = r.side() == Side.BUY;
        if (r.type() == OrderType.LIMIT || r.type() == OrderType.STOP_LIMIT) {
            return buy ? r.limitPrice().multiply(r.amount()) : r.amount();
        }
        if (buy && r.quoteAmount() != null) {
            return r.quoteAmount();
        }
        if (!buy && r.amount() != null) {
            return r.amount();
        }
        if (r.type() == OrderType.MARKET) {
            // buy by base or sell by quote: nothing to reserve (it executes now), but refuse what cannot be paid
            BigDecimal need = estimateNeed(r, m);
            if (ledger.available(r.accountId(), r.wallet(), buy ? m.spec.quote() : m.spec.base()).compareTo(need) < 0) {
                throw new SimRejectedException(Reason.INSUFFICIENT_FUNDS, "insufficient funds");
            }
        }
        return BigDecimal.ZERO;
    }

    /** Walks the book: quote cost of buying a base amount, or base needed to receive a quote amount. */
    private BigDecimal estimateNeed(SimOrderRequest r, Market m) {
        BigDecimal need = BigDecimal.ZERO;
        boolean buy = r.side() == Side.BUY;
        BigDecimal left = buy ? r.amount() : r.quoteAmount();
        for (BookSide.Level level : m.side(r.side().opposite()).bestFirst()) {
            if (left.signum() <= 0) {
                break;
            }
            if (buy) {
                BigDecimal qty = left.min(level.total);
                need = need.add(qty.multiply(level.price));
                left = left.subtract(qty);
            } else {
                BigDecimal value = left.min(level.total.multiply(level.price));
                need = need.add(value.divide(level.price, m.spec.amountPrecision(), RoundingMode.UP));
                left = left.subtract(value);
            }
        }
        return need;
    }

    private Ledger.Holding spendHolding(OrderState o) {
        SimOrderRequest r = o.request;
        return ledger.holding(r.accountId(), r.wallet(), spendCurrency(o), now);
    }

    private static String spendCurrency(OrderState o) {
        return o.request.side() == Side.BUY ? o.market.quote() : o.market.base();
    }

    private Ledger.Holding receiveHolding(OrderState o) {
        SimOrderRequest r = o.request;
        return ledger.holding(r.accountId(), r.wallet(), r.side() == Side.BUY ? o.market.base() : o.market.quote(), now);
    }

    private static boolean crosses(Market m, Side side, BigDecimal limitPrice) {
        BookSide.Level best = m.side(side.opposite()).best();
        if (best == null) {
            return false;
        }
        return side == Side.BUY ? best.price.compareTo(limitPrice) <= 0 : best.price.compareTo(limitPrice) >= 0;
    }

    /** Runs an accepted (or triggered) order: FOK check, matching, then rest or finish. */
    private void execute(OrderState o, Market m) {
        SimOrderRequest r = o.request;
        o.status = OrderStatus.OPEN;
        if (o.hasLimit() && r.postOnly() && crosses(m, r.side(), r.limitPrice())) {
            // a triggered post-only stop-limit that would take: cancel instead of trading
            o.canceled = o.remaining();
            finish(o, OrderStatus.CANCELED);
            emit(new SimEvent.OrderUpdated(++sequence, o.snapshot()));
            return;
        }
        if (o.hasLimit() && r.timeInForce() == TimeInForce.FOK && fillable(m, r).compareTo(r.amount()) < 0) {
            o.canceled = r.amount();
            finish(o, OrderStatus.CANCELED);
            emit(new SimEvent.OrderUpdated(++sequence, o.snapshot()));
            return;
        }
        match(o, m);
        if (o.hasLimit() && o.remaining().signum() > 0 && r.timeInForce() == TimeInForce.GTC) {
            BookSide.Level level = m.side(r.side()).add(o, r.limitPrice(), o.remaining());
            o.status = o.filled.signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.OPEN;
            emit(new SimEvent.BookChanged(++sequence, r.pair(), r.side(), level.price, level.total, o.remaining()));
        } else if (r.amount() != null) {
            o.canceled = o.remaining();
            finish(o, o.canceled.signum() == 0 ? OrderStatus.FILLED : OrderStatus.CANCELED);
        } else {
            BigDecimal left = r.quoteAmount().subtract(o.filledValue);
            BigDecimal lastPrice = m.lastPrice == null ? BigDecimal.ONE : m.lastPrice;
            boolean done = o.filled.signum() > 0 && left.compareTo(lastPrice.multiply(m.spec.lotSize())) < 0;
            finish(o, done ? OrderStatus.FILLED : OrderStatus.CANCELED);
        }
        o.updatedAt = now;
        emit(new SimEvent.OrderUpdated(++sequence, o.snapshot()));
    }

    /** Base amount a limit order could fill right now at its limit price or better. */
    private static BigDecimal fillable(Market m, SimOrderRequest r) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BookSide.Level level : m.side(r.side().opposite()).bestFirst()) {
            boolean acceptable = r.side() == Side.BUY ? level.price.compareTo(r.limitPrice()) <= 0
                    : level.price.compareTo(r.limitPrice()) >= 0;
            if (!acceptable || sum.compareTo(r.amount()) >= 0) {
                break;
            }
            sum = sum.add(level.total);
        }
        return sum;
    }

    private void match(OrderState taker, Market m) {
        SimOrderRequest r = taker.request;
        BookSide opposite = m.side(r.side().opposite());
        while (true) {
            BookSide.Level level = opposite.best();
            if (level == null) {
                return;
            }
            if (taker.hasLimit()) {
                int order = level.price.compareTo(r.limitPrice());
                if (r.side() == Side.BUY ? order > 0 : order < 0) {
                    return;
                }
            }
            BigDecimal want = wantAt(taker, level.price);
            if (want.signum() <= 0) {
                return;
            }
            OrderState maker = level.orders.peekFirst();
            BigDecimal qty = want.min(maker.remaining());
            fill(m, maker, taker, qty, level.price);
            level.total = level.total.subtract(qty);
            if (maker.remaining().signum() == 0) {
                level.orders.pollFirst();
                finish(maker, OrderStatus.FILLED);
            }
            emit(new SimEvent.OrderUpdated(++sequence, maker.snapshot()));
            emit(new SimEvent.BookChanged(++sequence, r.pair(), maker.request.side(), level.price, level.total,
                    qty.negate()));
            opposite.dropIfEmpty(level);
        }
    }

    /** Base amount the taker still wants at this price, limited by what it can pay. */
    private BigDecimal wantAt(OrderState taker, BigDecimal price) {
        SimOrderRequest r = taker.request;
        int lot = taker.market.amountPrecision();
        BigDecimal want = r.amount() != null ? taker.remaining()
                : r.quoteAmount().subtract(taker.filledValue).divide(price, lot, RoundingMode.DOWN);
        boolean unreserved = taker.reserved.signum() == 0 && !taker.hasLimit();
        if (unreserved) {
            BigDecimal available = spendHolding(taker).available();
            BigDecimal affordable = r.side() == Side.BUY ? available.divide(price, lot, RoundingMode.DOWN) : available;
            want = want.min(affordable);
        }
        return want.setScale(Math.max(0, Math.min(want.scale(), lot)), RoundingMode.DOWN);
    }

    private void fill(Market m, OrderState maker, OrderState taker, BigDecimal qty, BigDecimal price) {
        BigDecimal value = price.multiply(qty);
        BigDecimal makerFee = settle(maker, qty, value, makerFeeRate);
        BigDecimal takerFee = settle(taker, qty, value, takerFeeRate);
        SimTrade trade = new SimTrade(nextTradeId++, m.spec.pair(), price, qty, taker.request.side(), maker.id,
                taker.id, maker.request.accountId(), taker.request.accountId(), makerFee, takerFee, now);
        tradeLog.addLast(trade);
        if (tradeLog.size() > TRADE_LOG_CAPACITY) {
            tradeLog.pollFirst();
        }
        m.lastPrice = price;
        if (maker.status == OrderStatus.OPEN) {
            maker.status = OrderStatus.PARTIALLY_FILLED;
        }
        taker.status = OrderStatus.PARTIALLY_FILLED;
        emit(new SimEvent.Traded(++sequence, trade));
    }

    /** Moves funds for one side of a fill; returns the fee taken from what it received. */
    private BigDecimal settle(OrderState o, BigDecimal qty, BigDecimal value, BigDecimal feeRate) {
        boolean buy = o.request.side() == Side.BUY;
        Ledger.Holding spend = spendHolding(o);
        Ledger.Holding receive = receiveHolding(o);
        BigDecimal spent = buy ? value : qty;
        BigDecimal received = buy ? qty : value;
        BigDecimal reservedPart = o.hasLimit() && buy ? o.request.limitPrice().multiply(qty) : spent;
        BigDecimal release = reservedPart.min(o.reserved);
        o.reserved = o.reserved.subtract(release);
        spend.reserved = spend.reserved.subtract(release);
        spend.total = spend.total.subtract(spent);
        BigDecimal fee = received.multiply(feeRate).stripTrailingZeros();
        receive.total = receive.total.add(received).subtract(fee);
        spend.updatedAt = now;
        receive.updatedAt = now;
        touch(spend);
        touch(receive);
        o.filled = o.filled.add(qty);
        o.filledValue = o.filledValue.add(value);
        o.updatedAt = now;
        return fee;
    }

    private void finish(OrderState o, OrderStatus status) {
        o.status = status;
        o.updatedAt = now;
        o.doneAt = now;
        if (o.reserved.signum() != 0) {
            Ledger.Holding spend = spendHolding(o);
            spend.reserved = spend.reserved.subtract(o.reserved);
            spend.updatedAt = now;
            o.reserved = BigDecimal.ZERO;
            touch(spend);
        }
        finishedOrders.addLast(o.id);
        if (finishedOrders.size() > FINISHED_ORDER_CAPACITY) {
            orders.remove(finishedOrders.pollFirst());
        }
    }

    /** Triggers stop orders whose condition the last trade price meets, until none is left to trigger. */
    private void checkStops(Market m) {
        boolean again = true;
        while (again && m.lastPrice != null) {
            again = false;
            Iterator<OrderState> it = m.stops.iterator();
            while (it.hasNext()) {
                OrderState stop = it.next();
                if (stop.stopCondition.isMet(m.lastPrice, stop.request.stopPrice())) {
                    it.remove();
                    stop.triggered = true;
                    stop.updatedAt = now;
                    execute(stop, m);
                    again = true;
                    break;
                }
            }
        }
    }

    private void touch(Ledger.Holding h) {
        touched.add(h);
    }

    /** Publishes one balance event per holding changed by the command that just ran. */
    private void flush() {
        for (Ledger.Holding h : touched) {
            emit(new SimEvent.BalanceUpdated(++sequence, h.snapshot()));
        }
        touched.clear();
    }

    private void emit(SimEvent event) {
        listener.accept(event);
    }

    private Market requireMarket(CurrencyPair pair) {
        Market m = markets.get(pair);
        if (m == null) {
            throw new SimRejectedException(Reason.UNKNOWN_MARKET, "pair not found");
        }
        return m;
    }

    private void requireAccount(long accountId) {
        if (!ledger.exists(accountId)) {
            throw new SimRejectedException(Reason.UNKNOWN_ACCOUNT, "account not found");
        }
    }
}
