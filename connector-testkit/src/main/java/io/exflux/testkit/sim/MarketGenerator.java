package io.exflux.testkit.sim;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.Side;
import io.exflux.api.model.TimeInForce;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Makes a market look alive: a maker account keeps limit orders on both sides around a mid price that
 * follows a random walk, and a taker account sends market orders that lean towards that mid, so books
 * move and trades print steadily. Everything random comes from one seeded {@link Random}, so the same
 * seed and the same number of steps give the same orders and trades. Steps are paced by an injectable
 * {@link Scheduler} (virtual time in tests).
 */
public final class MarketGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(MarketGenerator.class);
    private static final BigDecimal FUNDING_BASE = new BigDecimal("1000000000");
    private static final BigDecimal FUNDING_QUOTE = new BigDecimal("1000000000000");
    private static final BigDecimal BASIS_POINT = new BigDecimal("0.0001");

    /** Per-market generator state; touched only on the simulator's thread. */
    private static final class Track {
        final MarketSpec spec;
        final ArrayDeque<Long> bids = new ArrayDeque<>();
        final ArrayDeque<Long> asks = new ArrayDeque<>();
        final BigDecimal step;
        /** The random-walk mid price, kept to 16 significant digits. */
        BigDecimal mid;

        Track(MarketSpec spec, BigDecimal mid) {
            this.spec = spec;
            this.mid = mid;
            BigDecimal raw = mid.multiply(BASIS_POINT).setScale(spec.pricePrecision(), RoundingMode.HALF_UP);
            this.step = raw.max(spec.tickSize());
        }

        ArrayDeque<Long> orders(Side side) {
            return side == Side.BUY ? bids : asks;
        }
    }

    private final VenueSimulator sim;
    private final GeneratorSettings settings;
    private final Scheduler timer;
    private final Random random;
    private final Map<CurrencyPair, Track> tracks = new LinkedHashMap<>();
    private final AtomicReference<Disposable> running = new AtomicReference<>();
    private long maker = -1;
    private long taker = -1;

    /**
     * @param sim      the venue to trade on
     * @param settings seed, rate and prices
     * @param timer    paces the steps (e.g. {@code Schedulers.parallel()}, or a virtual-time scheduler)
     */
    public MarketGenerator(VenueSimulator sim, GeneratorSettings settings, Scheduler timer) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.random = new Random(settings.seed());
    }

    /** The settings in use. */
    public GeneratorSettings settings() {
        return settings;
    }

    /** Opens the maker and taker accounts and fills every book to its minimum depth (once). */
    public Mono<Void> prepare() {
        return sim.call(ex -> {
            prepareOn(ex);
            return Boolean.TRUE;
        }).then();
    }

    /** Runs one step: one action per market. */
    public Mono<Void> step() {
        return sim.call(ex -> {
            stepOn(ex);
            return Boolean.TRUE;
        }).then();
    }

    /** Starts stepping at the configured rate; does nothing when already running. */
    public void start() {
        Disposable loop = Flux.interval(settings.stepInterval(), timer)
                .onBackpressureDrop()
                .concatMap(tick -> step(), 1)
                .subscribe(ignored -> { }, error -> LOG.error("market generator stopped", error));
        if (!running.compareAndSet(null, loop)) {
            loop.dispose();
        }
    }

    /** Stops stepping; the orders on the books stay. */
    public void stop() {
        Disposable loop = running.getAndSet(null);
        if (loop != null) {
            loop.dispose();
        }
    }

    /** True while started. */
    public boolean isRunning() {
        return running.get() != null;
    }

    private void prepareOn(SimExchange ex) {
        if (maker >= 0) {
            return;
        }
        maker = ex.createAccount();
        taker = ex.createAccount();
        for (MarketSpec spec : ex.markets()) {
            for (long account : new long[] {maker, taker}) {
                ex.deposit(account, SimOrderRequest.DEFAULT_WALLET, spec.base(), FUNDING_BASE);
                ex.deposit(account, SimOrderRequest.DEFAULT_WALLET, spec.quote(), FUNDING_QUOTE);
            }
            BigDecimal start = settings.startPrices().getOrDefault(spec.pair(), BigDecimal.valueOf(100));
            Track track = new Track(spec, start);
            tracks.put(spec.pair(), track);
            topUp(ex, track);
        }
    }

    private void stepOn(SimExchange ex) {
        prepareOn(ex);
        for (Track track : tracks.values()) {
            // the move is a ratio (a double is fine there); the price itself stays decimal
            BigDecimal move = BigDecimal.valueOf(1 + settings.volatility() * random.nextGaussian());
            track.mid = track.mid.multiply(move, MathContext.DECIMAL64).max(track.step.multiply(BigDecimal.TEN));
            double action = random.nextDouble();
            try {
                if (action < 0.45) {
                    makeOne(ex, track, random.nextBoolean() ? Side.BUY : Side.SELL, 1 + random.nextInt(settings.minLevels()));
                } else if (action < 0.80) {
                    takeOne(ex, track);
                } else {
                    cancelOldest(ex, track, random.nextBoolean() ? Side.BUY : Side.SELL);
                }
                topUp(ex, track);
                trim(ex, track, Side.BUY);
                trim(ex, track, Side.SELL);
            } catch (SimRejectedException rejected) {
                LOG.debug("generator order refused on {}: {}", track.spec.pair(), rejected.reason());
            }
        }
    }

    private void topUp(SimExchange ex, Track track) {
        for (Side side : Side.values()) {
            int guard = settings.minLevels() * 2;
            while (ex.levelCount(track.spec.pair(), side) < settings.minLevels() && guard-- > 0) {
                makeOne(ex, track, side, 1 + random.nextInt(settings.minLevels() + 5));
            }
        }
    }

    private void makeOne(SimExchange ex, Track track, Side side, int stepsAway) {
        MarketSpec spec = track.spec;
        BigDecimal mid = track.mid.setScale(spec.pricePrecision(), RoundingMode.HALF_UP);
        BigDecimal offset = track.step.multiply(BigDecimal.valueOf(stepsAway));
        BigDecimal price = side == Side.BUY ? mid.subtract(offset) : mid.add(offset);
        // stay a maker: never cross the other side of the book
        var book = ex.book(spec.pair(), 1);
        if (side == Side.BUY && book.bestAsk().isPresent()
                && price.compareTo(book.bestAsk().get().price()) >= 0) {
            price = book.bestAsk().get().price().subtract(spec.tickSize());
        } else if (side == Side.SELL && book.bestBid().isPresent()
                && price.compareTo(book.bestBid().get().price()) <= 0) {
            price = book.bestBid().get().price().add(spec.tickSize());
        }
        if (price.signum() <= 0) {
            return;
        }
        BigDecimal amount = amountFor(spec, price, 50, 5000);
        SimOrder order = ex.place(new SimOrderRequest(maker, spec.pair(), side, OrderType.LIMIT, TimeInForce.GTC,
                false, amount, null, price, null, null, null, null));
        if (!order.status().isFinal()) {
            track.orders(side).addLast(order.id());
        }
    }

    private void takeOne(SimExchange ex, Track track) {
        MarketSpec spec = track.spec;
        var book = ex.book(spec.pair(), 1);
        if (book.mid().isEmpty()) {
            return;
        }
        // lean towards the random-walk mid so the traded price follows it
        boolean above = track.mid.compareTo(book.mid().get()) > 0;
        Side side = random.nextDouble() < 0.7 ? (above ? Side.BUY : Side.SELL) : (above ? Side.SELL : Side.BUY);
        BigDecimal amount = amountFor(spec, book.mid().get(), 20, 2000);
        ex.place(new SimOrderRequest(taker, spec.pair(), side, OrderType.MARKET, TimeInForce.IOC, false, amount,
                null, null, null, null, null, null));
    }

    private void cancelOldest(SimExchange ex, Track track, Side side) {
        Long id = track.orders(side).pollFirst();
        while (id != null) {
            var order = ex.order(id);
            if (order.isPresent() && !order.get().status().isFinal()) {
                ex.cancel(maker, id);
                return;
            }
            id = track.orders(side).pollFirst();
        }
    }

    private void trim(SimExchange ex, Track track, Side side) {
        ArrayDeque<Long> ids = track.orders(side);
        ids.removeIf(id -> ex.order(id).map(o -> o.status().isFinal()).orElse(true));
        while (ids.size() > settings.maxOrders()) {
            cancelOldest(ex, track, side);
        }
    }

    /** A random amount worth between {@code minValue} and {@code maxValue} quote, within the market's limits. */
    private BigDecimal amountFor(MarketSpec spec, BigDecimal price, int minValue, int maxValue) {
        BigDecimal value = BigDecimal.valueOf(minValue)
                .add(BigDecimal.valueOf(random.nextDouble()).multiply(BigDecimal.valueOf(maxValue - minValue)));
        BigDecimal amount = value.divide(price, spec.amountPrecision(), RoundingMode.DOWN);
        BigDecimal floor = spec.minAmount().max(spec.minValue().divide(price, spec.amountPrecision(), RoundingMode.UP));
        return amount.max(floor).min(spec.maxAmount()).setScale(spec.amountPrecision(), RoundingMode.DOWN)
                .stripTrailingZeros();
    }
}
