package io.exflux.testkit.sim;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A thread-safe simulated venue: one {@link SimExchange} whose every call runs on one serialising
 * {@link Scheduler} (a single thread by default), so HTTP handlers and the market generator may call it
 * from any thread without locks. Events come out as hot fluxes, in order, on that thread.
 *
 * <p>The hot fluxes do not buffer: a subscriber that does not keep up misses events (Reactor's
 * best-effort multicast), so each consumer should put its own bounded buffer in front of its I/O (the
 * venue fronts do, per websocket session, and close a session that overflows).
 *
 * <p>{@link #book(CurrencyPair, int)} and {@link #trades()} answer at once from snapshots taken after
 * each call, for tests that compare a client's view with the venue's.
 */
public final class VenueSimulator implements AutoCloseable {

    private static final int SNAPSHOT_DEPTH = 500;
    private static final int TRADE_SNAPSHOT_CAPACITY = 100_000;

    private final Scheduler executor;
    private final boolean ownsExecutor;
    private final SimExchange exchange;
    private final Clock clock;
    private final Sinks.Many<SimEvent> events = Sinks.many().multicast().directBestEffort();
    private final Map<CurrencyPair, OrderBook> books = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<SimTrade> trades = new ConcurrentLinkedDeque<>();
    private final AtomicInteger tradeCount = new AtomicInteger();
    private final Set<CurrencyPair> dirtyBooks = new LinkedHashSet<>();
    private final List<MarketSpec> markets;
    /** Ids handed out ahead of time start far above the ids the exchange hands out itself. */
    private final AtomicLong accountIds = new AtomicLong(100_000);
    private static final Logger LOG = LoggerFactory.getLogger(VenueSimulator.class);

    private VenueSimulator(Builder builder) {
        this.clock = builder.clock;
        this.ownsExecutor = builder.executor == null;
        this.executor = ownsExecutor ? Schedulers.newSingle("exflux-sim", true) : builder.executor;
        this.exchange = new SimExchange(clock, this::onEvent);
        builder.markets.forEach(exchange::addMarket);
        exchange.setFees(builder.makerFee, builder.takerFee);
        this.markets = List.copyOf(exchange.markets());
        markets.forEach(m -> books.put(m.pair(), exchange.book(m.pair(), SNAPSHOT_DEPTH)));
    }

    /** A builder with no markets, the system UTC clock, a private single-thread executor and zero fees. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs an action on the simulator's thread and returns its result (empty when it returns null).
     * The escape hatch for everything the typed methods below do not cover.
     */
    public <T> Mono<T> call(Function<SimExchange, T> action) {
        Objects.requireNonNull(action, "action");
        return Mono.fromCallable(() -> {
            try {
                return action.apply(exchange);
            } finally {
                refreshSnapshots();
            }
        }).subscribeOn(executor);
    }

    /**
     * Runs an action on the simulator's thread without waiting for it: actions submitted (or calls
     * subscribed) later run after it. A failure is logged, as nobody is there to receive it.
     */
    public void submit(Consumer<SimExchange> action) {
        Objects.requireNonNull(action, "action");
        executor.schedule(() -> {
            try {
                action.accept(exchange);
            } catch (RuntimeException failure) {
                LOG.warn("simulator action failed", failure);
            } finally {
                refreshSnapshots();
            }
        });
    }

    /**
     * Hands out a fresh account id at once, for a caller that opens the account with
     * {@link #submit(Consumer)} and {@link SimExchange#createAccount(long)} and must know the id now.
     */
    public long allocateAccountId() {
        return accountIds.getAndIncrement();
    }

    /** The markets, fixed at build time. */
    public List<MarketSpec> markets() {
        return markets;
    }

    /** The markets of this base and quote currency (any case; null matches every currency), in market order. */
    public List<MarketSpec> markets(String base, String quote) {
        List<MarketSpec> out = new ArrayList<>();
        for (MarketSpec m : markets) {
            if ((base == null || base.equalsIgnoreCase(m.base())) && (quote == null || quote.equalsIgnoreCase(m.quote()))) {
                out.add(m);
            }
        }
        return out;
    }

    /** The currency codes of the markets, in market order (base before quote), each once. */
    public Set<String> currencies() {
        Set<String> codes = new LinkedHashSet<>();
        markets.forEach(m -> {
            codes.add(m.base());
            codes.add(m.quote());
        });
        return codes;
    }

    /** The market of a pair, if it is one of {@link #markets()}. */
    public Optional<MarketSpec> market(CurrencyPair pair) {
        return markets.stream().filter(m -> m.pair().equals(pair)).findFirst();
    }

    /** The clock the simulator stamps events with. */
    public Clock clock() {
        return clock;
    }

    /** Opens an account. */
    public Mono<Long> createAccount() {
        return call(SimExchange::createAccount);
    }

    /** Adds funds to a wallet of an account (negative: removes them). */
    public Mono<SimBalance> deposit(long accountId, String wallet, String currency, BigDecimal amount) {
        return call(ex -> ex.deposit(accountId, wallet, currency, amount));
    }

    /** Places an order; a refusal is a {@link SimRejectedException} error. */
    public Mono<SimOrder> place(SimOrderRequest request) {
        return call(ex -> ex.place(request));
    }

    /** Cancels one order of an account. */
    public Mono<SimOrder> cancel(long accountId, long orderId) {
        return call(ex -> ex.cancel(accountId, orderId));
    }

    /** Cancels every open order of an account, of one pair or (null) all pairs. */
    public Mono<List<SimOrder>> cancelAll(long accountId, CurrencyPair pair) {
        return call(ex -> ex.cancelAll(accountId, pair));
    }

    /** Balances of an account. */
    public Mono<List<SimBalance>> balances(long accountId) {
        return call(ex -> ex.balances(accountId));
    }

    /** Orders of an account, newest first. */
    public Mono<List<SimOrder>> orders(long accountId) {
        return call(ex -> ex.orders(accountId));
    }

    /**
     * The latest book of a pair, at most {@code depth} levels a side (snapshots keep 500), taken after the
     * last call that changed it. Never blocks.
     */
    public OrderBook book(CurrencyPair pair, int depth) {
        OrderBook book = books.get(pair);
        if (book == null) {
            throw new IllegalArgumentException("unknown pair " + pair);
        }
        return book.depth(depth);
    }

    /** The trade log, oldest first (the last 100,000 trades). Never blocks. */
    public List<SimTrade> trades() {
        return new ArrayList<>(trades);
    }

    /** The trades of one pair, oldest first. */
    public List<SimTrade> trades(CurrencyPair pair) {
        List<SimTrade> out = new ArrayList<>();
        for (SimTrade t : trades) {
            if (t.pair().equals(pair)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Every event, in order (hot; see the class note on slow subscribers). */
    public Flux<SimEvent> events() {
        return events.asFlux();
    }

    /** Book level changes (hot). */
    public Flux<SimEvent.BookChanged> bookChanges() {
        return events().ofType(SimEvent.BookChanged.class);
    }

    /** Trades as they happen (hot). */
    public Flux<SimTrade> tradeFeed() {
        return events().ofType(SimEvent.Traded.class).map(SimEvent.Traded::trade);
    }

    /** Order updates (hot). */
    public Flux<SimOrder> orderUpdates() {
        return events().ofType(SimEvent.OrderUpdated.class).map(SimEvent.OrderUpdated::order);
    }

    /** Balance updates (hot). */
    public Flux<SimBalance> balanceUpdates() {
        return events().ofType(SimEvent.BalanceUpdated.class).map(SimEvent.BalanceUpdated::balance);
    }

    /** Completes the event feed and stops the private executor (an injected one is left running). */
    @Override
    public void close() {
        events.tryEmitComplete();
        if (ownsExecutor) {
            executor.dispose();
        }
    }

    private void onEvent(SimEvent event) {
        if (event instanceof SimEvent.BookChanged changed) {
            dirtyBooks.add(changed.pair());
        } else if (event instanceof SimEvent.Traded traded) {
            trades.addLast(traded.trade());
            if (tradeCount.incrementAndGet() > TRADE_SNAPSHOT_CAPACITY) {
                trades.pollFirst();
                tradeCount.decrementAndGet();
            }
        }
        events.tryEmitNext(event);
    }

    private void refreshSnapshots() {
        for (CurrencyPair pair : dirtyBooks) {
            books.put(pair, exchange.book(pair, SNAPSHOT_DEPTH));
        }
        dirtyBooks.clear();
    }

    /** Builds a {@link VenueSimulator}. */
    public static final class Builder {
        private final List<MarketSpec> markets = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Scheduler executor;
        private BigDecimal makerFee = BigDecimal.ZERO;
        private BigDecimal takerFee = BigDecimal.ZERO;

        private Builder() {
        }

        /** Adds a market. */
        public Builder market(MarketSpec spec) {
            markets.add(Objects.requireNonNull(spec, "spec"));
            return this;
        }

        /** Adds markets. */
        public Builder markets(Collection<MarketSpec> specs) {
            specs.forEach(this::market);
            return this;
        }

        /** The clock that stamps orders, trades and balances. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The scheduler every call runs on. It must run tasks one at a time (a single-thread scheduler,
         * or {@code Schedulers.immediate()} in single-threaded unit tests). The caller owns it.
         */
        public Builder executor(Scheduler value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /** Maker and taker fee rates (fractions), default zero. */
        public Builder fees(BigDecimal maker, BigDecimal taker) {
            this.makerFee = Objects.requireNonNull(maker, "maker");
            this.takerFee = Objects.requireNonNull(taker, "taker");
            return this;
        }

        public VenueSimulator build() {
            return new VenueSimulator(this);
        }
    }
}
