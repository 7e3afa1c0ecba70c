package io.exflux.reactive.internal.unified;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.Side;
import io.exflux.api.model.TimeInForce;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The pending order a venue's id-only acknowledgement stands for. */
class OrdersTest {

    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");

    @Test
    void aLimitOrderCarriesWhatWasSent() {
        Order order = Orders.pending("34", OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.5"),
                new BigDecimal("45000")).withClientOrderId("mine-1"));
        assertThat(order.id()).isEqualTo("34");
        assertThat(order.clientOrderId()).isEqualTo("mine-1");
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.type()).isEqualTo(OrderType.LIMIT);
        assertThat(order.price()).isEqualByComparingTo("45000");
        assertThat(order.amount()).isEqualByComparingTo("0.5");
        assertThat(order.quoteAmount()).isNull();
        assertThat(order.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(order.filledAmount()).isEqualByComparingTo("0");
    }

    @Test
    void aMarketBuySizedInQuoteHasAQuoteAmountAndNoBaseAmount() {
        Order order = Orders.pending("35", OrderRequest.marketByQuote(BTC_USDT, Side.BUY, new BigDecimal("100")));
        assertThat(order.type()).isEqualTo(OrderType.MARKET);
        assertThat(order.amount()).isNull();
        assertThat(order.quoteAmount()).isEqualByComparingTo("100");
        assertThat(order.price()).isNull();
    }

    @Test
    void stopOrdersKeepTheirStopPrice() {
        Order stopLimit = Orders.pending("36", OrderRequest.stopLimit(BTC_USDT, Side.SELL, BigDecimal.ONE,
                new BigDecimal("40000"), new BigDecimal("39900")));
        Order stopMarket = Orders.pending("37", OrderRequest.stopMarket(BTC_USDT, Side.SELL, BigDecimal.ONE,
                new BigDecimal("40000")));
        assertThat(stopLimit.type()).isEqualTo(OrderType.STOP_LIMIT);
        assertThat(stopLimit.stopPrice()).isEqualByComparingTo("40000");
        assertThat(stopLimit.price()).isEqualByComparingTo("39900");
        assertThat(stopMarket.type()).isEqualTo(OrderType.STOP_MARKET);
        assertThat(stopMarket.price()).isNull();
        assertThat(stopMarket.amount()).isEqualByComparingTo("1");
    }
}
