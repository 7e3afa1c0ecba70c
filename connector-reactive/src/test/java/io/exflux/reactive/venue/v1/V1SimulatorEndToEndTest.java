package io.exflux.reactive.venue.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.config.Credentials;
import io.exflux.api.model.Balance;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.Side;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.v1.V1Simulator;
import io.exflux.testkit.v1.V1SimulatorOptions;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The v1 connector against the v1 simulator, both built from the same two documents by different hands: the
 * first proof that they agree on the wire. A limit order is placed, seen among the open orders with its
 * reserve in the wallet, and cancelled.
 */
class V1SimulatorEndToEndTest {

    private static final CurrencyPair BTC_USD = CurrencyPair.of("BTC", "USD");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void aLimitOrderIsPlacedSeenReservedAndCancelled(V1Dialect dialect) {
        try (V1Simulator sim = V1Simulator.start(V1SimulatorOptions.builder(
                io.exflux.testkit.v1.V1Dialect.valueOf(dialect.name())).generatorEnabled(false).unthrottled().build())) {
            ApiKeys.ApiKey account = sim.createAccount(Map.of("USD", new BigDecimal("1000")));
            V1ExchangeClient client = V1ExchangeClient.create(V1Options.builder(dialect)
                    .restUrl(sim.apiRootUrl()).wsUrl(sim.socketUrl().replace("/socket.io/", ""))
                    .credentials(Credentials.of(account.key(), account.secret())).build());
            try {
                List<PairInfo> pairs = client.pairs().collectList().block(WAIT);
                assertThat(pairs).extracting(PairInfo::pair).contains(BTC_USD);

                Order placed = client.placeOrder(OrderRequest.limit(BTC_USD, Side.BUY, new BigDecimal("0.5"),
                        new BigDecimal("100"))).block(WAIT);
                assertThat(placed).isNotNull();
                List<Order> open = client.openOrders(BTC_USD).collectList().block(WAIT);
                assertThat(open).extracting(Order::id).contains(placed.id());
                Balance usd = client.balances().filter(b -> b.currency().equals("USD")).blockFirst(WAIT);
                assertThat(usd.reserved()).isEqualByComparingTo("50");

                assertThat(client.cancelOrder(placed.id(), BTC_USD).block(WAIT).canceled()).isTrue();
                assertThat(client.openOrders(BTC_USD).collectList().block(WAIT)).extracting(Order::id)
                        .doesNotContain(placed.id());
            } finally {
                client.closeGracefully().block(WAIT);
            }
        }
    }
}
