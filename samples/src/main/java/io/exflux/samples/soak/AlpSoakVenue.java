package io.exflux.samples.soak;

import io.exflux.api.ExchangeClient;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.api.model.TimeInForce;
import io.exflux.reactive.venue.alp.AlpExchangeClient;
import io.exflux.reactive.venue.alp.AlpOptions;
import io.exflux.samples.cli.venue.AlpConnector;
import io.exflux.testkit.alp.AlpAccount;
import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import io.exflux.testkit.sim.GeneratorSettings;
import io.exflux.testkit.sim.MarketSpec;
import io.exflux.testkit.sim.SimTrade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

/**
 * The ALP simulator under soak: BTC/USDT and ETH/USDT, the generator seeded, an account funded as the CLI's demo
 * one.
 */
final class AlpSoakVenue implements SoakVenue {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /** Resting buys sit this far below the best bid, out of the generator's reach. */
    private static final BigDecimal PRICE_FACTOR = new BigDecimal("0.8");
    /** Each order is worth about twice the market's smallest value. */
    private static final BigDecimal VALUE_FACTOR = BigDecimal.valueOf(2);

    private final AlpSimulator simulator;
    private final AlpAccount account;

    AlpSoakVenue(long seed) {
        this.simulator = AlpSimulator.start(AlpSimulatorOptions.builder()
                .generator(GeneratorSettings.defaults().withSeed(seed))
                .build());
        try {
            this.account = simulator.createAccount(AlpConnector.DEMO_FUNDS);
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    @Override
    public String id() {
        return "alp";
    }

    @Override
    public String restUrl() {
        return simulator.restBaseUrl();
    }

    @Override
    public String websocketUrl() {
        return simulator.websocketUrl();
    }

    @Override
    public List<CurrencyPair> pairs() {
        return simulator.simulator().markets().stream().map(MarketSpec::pair).toList();
    }

    @Override
    public ExchangeClient client(String restUrl, String websocketUrl) {
        return AlpExchangeClient.create(AlpOptions.builder()
                .restUrl(restUrl)
                .wsUrl(websocketUrl)
                .credentials(account.credentials())
                .build());
    }

    @Override
    public List<String> tradeIds(CurrencyPair pair) {
        return simulator.simulator().trades(pair).stream().map(SimTrade::id).map(String::valueOf).toList();
    }

    @Override
    public OrderBook book(CurrencyPair pair, int depth) {
        return simulator.book(pair, depth);
    }

    @Override
    public void pauseMarket() {
        simulator.generator().stop();
    }

    @Override
    public void resumeMarket() {
        simulator.generator().start();
    }

    @Override
    public OrderRequest restingOrder(CurrencyPair pair, String clientOrderId) {
        MarketSpec spec = simulator.simulator().market(pair).orElseThrow();
        BigDecimal best = simulator.book(pair, 1).bestBid().map(PriceLevel::price)
                .orElse(BigDecimal.ONE.movePointRight(spec.pricePrecision()));
        BigDecimal price = best.multiply(PRICE_FACTOR).setScale(spec.pricePrecision(), RoundingMode.DOWN);
        BigDecimal amount = spec.minValue().multiply(VALUE_FACTOR)
                .divide(price, spec.amountPrecision(), RoundingMode.UP).max(spec.minAmount());
        return new OrderRequest.Limit(pair, Side.BUY, amount, price, TimeInForce.GTC, false, clientOrderId);
    }

    @Override
    public List<HeldOrder> accountOrders() {
        return simulator.simulator().orders(account.id()).block(CALL_TIMEOUT).stream()
                .map(order -> new HeldOrder(String.valueOf(order.id()), order.clientOrderId(), order.status()))
                .toList();
    }

    @Override
    public void cancelAccountOrders() {
        for (CurrencyPair pair : pairs()) {
            simulator.simulator().cancelAll(account.id(), pair).block(CALL_TIMEOUT);
        }
    }

    @Override
    public void close() {
        simulator.close();
    }
}
