package io.exflux.samples.soak;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.api.model.TimeInForce;
import io.exflux.testkit.sim.MarketSpec;
import io.exflux.testkit.sim.SimOrder;
import io.exflux.testkit.sim.SimTrade;
import io.exflux.testkit.sim.SimulatedVenue;
import io.exflux.testkit.sim.VenueSimulator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every simulator built on the shared matching engine ({@link SimulatedVenue}) gives the soak: its markets,
 * trade log, books and generator, the funded account's orders, and resting orders to place. A venue's soak class
 * adds only its id, its URLs and how its client is built.
 *
 * <p>Each resting order has an amount of its own (one more smallest step per order), so the account's orders are
 * told apart by pair, price and amount even where the venue keeps no client order id: {@link #accountOrders()}
 * names them by the client order id they were placed with either way.
 */
abstract class SimulatedSoakVenue implements SoakVenue {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /** Resting buys sit this far below the best bid, out of the generator's reach. */
    private static final BigDecimal PRICE_FACTOR = new BigDecimal("0.8");
    /** Each order is worth about twice the market's smallest value. */
    private static final BigDecimal VALUE_FACTOR = BigDecimal.valueOf(2);

    private final SimulatedVenue simulated;
    private final long accountId;
    private final boolean sendsClientOrderIds;
    private final AtomicLong placements = new AtomicLong();
    private final Map<OrderKey, String> clientOrderIds = new ConcurrentHashMap<>();

    /**
     * @param simulated           the simulator started for the soak
     * @param accountId           the funded account the client logs in to
     * @param sendsClientOrderIds whether orders carry their client order id (false where the client refuses one)
     */
    SimulatedSoakVenue(SimulatedVenue simulated, long accountId, boolean sendsClientOrderIds) {
        this.simulated = simulated;
        this.accountId = accountId;
        this.sendsClientOrderIds = sendsClientOrderIds;
    }

    private VenueSimulator simulator() {
        return simulated.simulator();
    }

    @Override
    public List<CurrencyPair> pairs() {
        return simulator().markets().stream().map(MarketSpec::pair).toList();
    }

    @Override
    public List<String> tradeIds(CurrencyPair pair) {
        return simulator().trades(pair).stream().map(SimTrade::id).map(String::valueOf).toList();
    }

    @Override
    public OrderBook book(CurrencyPair pair, int depth) {
        return simulator().book(pair, depth);
    }

    @Override
    public void pauseMarket() {
        simulated.generator().stop();
    }

    @Override
    public void resumeMarket() {
        simulated.generator().start();
    }

    @Override
    public OrderRequest restingOrder(CurrencyPair pair, String clientOrderId) {
        MarketSpec spec = simulator().market(pair).orElseThrow();
        BigDecimal best = simulator().book(pair, 1).bestBid().map(PriceLevel::price)
                .orElse(BigDecimal.ONE.movePointRight(spec.pricePrecision()));
        BigDecimal price = best.multiply(PRICE_FACTOR).setScale(spec.pricePrecision(), RoundingMode.DOWN);
        BigDecimal amount = spec.minValue().multiply(VALUE_FACTOR)
                .divide(price, spec.amountPrecision(), RoundingMode.UP).max(spec.minAmount())
                .add(BigDecimal.ONE.movePointLeft(spec.amountPrecision()).multiply(
                        BigDecimal.valueOf(placements.incrementAndGet())));
        clientOrderIds.put(new OrderKey(pair, Side.BUY, price, amount), clientOrderId);
        return new OrderRequest.Limit(pair, Side.BUY, amount, price, TimeInForce.GTC, false,
                sendsClientOrderIds ? clientOrderId : null);
    }

    @Override
    public List<HeldOrder> accountOrders() {
        return simulator().orders(accountId).block(CALL_TIMEOUT).stream()
                .map(order -> new HeldOrder(reportedId(order), clientOrderId(order), order.status()))
                .toList();
    }

    /**
     * The order's id as the venue's client reports it ({@code Order.id()}): the engine's number by default; a venue
     * whose front names orders otherwise (BTSE's UUIDs) says how.
     */
    protected String reportedId(SimOrder order) {
        return String.valueOf(order.id());
    }

    /** The venue's client order id, or the one the order was placed with where the venue keeps none. */
    private String clientOrderId(SimOrder order) {
        if (order.clientOrderId() != null) {
            return order.clientOrderId();
        }
        return order.limitPrice() == null || order.amount() == null ? null
                : clientOrderIds.get(new OrderKey(order.pair(), order.side(), order.limitPrice(), order.amount()));
    }

    @Override
    public void cancelAccountOrders() {
        for (CurrencyPair pair : pairs()) {
            simulator().cancelAll(accountId, pair).block(CALL_TIMEOUT);
        }
    }

    @Override
    public void close() {
        simulated.close();
    }

    /** An order's identity where no client order id is kept; prices and amounts compared by value. */
    private record OrderKey(CurrencyPair pair, Side side, BigDecimal price, BigDecimal amount) {

        OrderKey {
            price = price.stripTrailingZeros();
            amount = amount.stripTrailingZeros();
        }
    }
}
