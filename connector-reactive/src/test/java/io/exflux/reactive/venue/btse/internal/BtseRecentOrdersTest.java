package io.exflux.reactive.venue.btse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.Side;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the client looks up after a re-login: its open orders not yet seen final, bounded in number and age. */
class BtseRecentOrdersTest {

    private static final CurrencyPair BTC_USD = CurrencyPair.of("BTC", "USD");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final BtseRecentOrders recent = new BtseRecentOrders();

    @Test
    void anOrderIsRememberedWhileOpenAndForgottenOnceAStreamShowedItFinal() {
        recent.observed(order("a", OrderStatus.OPEN), T0);
        recent.observed(order("b", OrderStatus.PARTIALLY_FILLED), T0);
        recent.observed(order("c", OrderStatus.CANCELED), T0);
        recent.observed(order("a", OrderStatus.CANCELED), T0);
        assertThat(recent.unsettled(T0)).extracting(BtseRecentOrders.Unsettled::orderId).containsExactly("b");
        assertThat(recent.unsettled(T0).get(0).pair()).isEqualTo(BTC_USD);
    }

    @Test
    void ordersOlderThanTheVenueKeepsThemAndBeyondTheCapacityAreForgottenOldestFirst() {
        recent.observed(order("old", OrderStatus.OPEN), T0);
        Instant later = T0.plus(BtseRecentOrders.KEPT).plusSeconds(1);
        for (int i = 0; i <= BtseRecentOrders.CAPACITY; i++) {
            recent.observed(order("o" + i, OrderStatus.OPEN), later);
        }
        assertThat(recent.unsettled(later)).hasSize(BtseRecentOrders.CAPACITY)
                .extracting(BtseRecentOrders.Unsettled::orderId).doesNotContain("old", "o0").contains("o1");
    }

    private static Order order(String id, OrderStatus status) {
        return new Order(id, null, BTC_USD, Side.BUY, OrderType.LIMIT, status, status.name(), BigDecimal.ONE, null,
                BigDecimal.ONE, BigDecimal.ZERO, null, null, null, T0, T0);
    }
}
