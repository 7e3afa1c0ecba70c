package io.exflux.samples.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.ExchangeClient;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * BTSE as the soak sees it (no chaos): held orders are named by BTSE's own {@code orderID} (a UUID), the id its
 * client reports, so the soak can match them with what {@code watchOrders} delivered.
 */
class BtseSoakVenueTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void heldOrdersCarryTheIdTheClientReports() {
        try (SoakVenue venue = SoakVenues.start("btse", 7).orElseThrow()) {
            ExchangeClient client = venue.client(venue.restUrl(), venue.websocketUrl());
            try {
                CurrencyPair pair = venue.pairs().get(0);
                Order first = client.placeOrder(venue.restingOrder(pair, "soak1")).block(WAIT);
                Order second = client.placeOrder(venue.restingOrder(pair, "soak2")).block(WAIT);
                client.cancelOrder(first.id(), pair).block(WAIT);

                assertThat(venue.accountOrders()).containsExactlyInAnyOrder(
                        new SoakVenue.HeldOrder(first.id(), "soak1", OrderStatus.CANCELED),
                        new SoakVenue.HeldOrder(second.id(), "soak2", OrderStatus.OPEN));
                venue.cancelAccountOrders();
            } finally {
                client.closeGracefully().block(WAIT);
            }
        }
    }
}
