package io.exflux.samples.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.Capability;
import io.exflux.api.ExchangeClient;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.Trade;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The v1 venues as the soak sees them (no chaos): their client comes from {@code Exchanges}, its trade ids are the
 * simulator's, and the account's orders are named by the client order id they were placed with, though the venue
 * keeps none.
 */
class V1SoakVenueTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest
    @ValueSource(strings = {"btc-alpha", "bitexbit"})
    void theClientsTradesAreInTheVenueLog_andHeldOrdersAreNamedByTheirClientOrderId(String id)
            throws InterruptedException {
        try (SoakVenue venue = SoakVenues.start(id, 7).orElseThrow()) {
            ExchangeClient client = venue.client(venue.restUrl(), venue.websocketUrl());
            try {
                CurrencyPair pair = venue.pairs().get(0);
                assertThat(venue.id()).isEqualTo(id);
                assertThat(client.venue()).isEqualTo(id);
                assertThat(client.capabilities().supports(Capability.PLACE_LIMIT_ORDER)).isTrue();

                Trade trade = client.watchTrades(pair).blockFirst(WAIT);
                assertThat(venue.tradeIds(pair)).contains(trade.id());

                Order first = client.placeOrder(venue.restingOrder(pair, "soak1")).block(WAIT);
                Order second = client.placeOrder(venue.restingOrder(pair, "soak2")).block(WAIT);
                client.cancelOrder(first.id(), pair).block(WAIT);

                assertThat(venue.accountOrders()).containsExactlyInAnyOrder(
                        new SoakVenue.HeldOrder(first.id(), "soak1", OrderStatus.CANCELED),
                        new SoakVenue.HeldOrder(second.id(), "soak2", OrderStatus.OPEN));
                venue.cancelAccountOrders();
                assertThat(venue.accountOrders()).extracting(SoakVenue.HeldOrder::status)
                        .containsOnly(OrderStatus.CANCELED);
            } finally {
                client.closeGracefully().block(WAIT);
            }
        }
    }
}
