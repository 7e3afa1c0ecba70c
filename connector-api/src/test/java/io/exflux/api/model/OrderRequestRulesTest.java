package io.exflux.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderRequestRulesTest {

    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");
    private static final PairInfo RULES = new PairInfo(BTC_USDT, "BTC_USDT", 2, 8,
            new BigDecimal("0.001"), new BigDecimal("10"), new BigDecimal("10"));

    @Test
    void aValidLimitOrderPasses() {
        OrderRequest ok = OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.5"), new BigDecimal("45000.10"));
        assertThat(OrderRequestRules.violations(ok, RULES)).isEmpty();
    }

    @Test
    void trailingZerosBeyondTheScaleAreNotExtraDecimals() {
        OrderRequest ok = OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.5000000000"),
                new BigDecimal("45000.1000"));
        assertThat(OrderRequestRules.violations(ok, RULES)).isEmpty();
    }

    @Test
    void missingAndNonPositiveFieldsAreNamed() {
        OrderRequest bad = new OrderRequest.Limit(null, null, new BigDecimal("-1"), BigDecimal.ZERO,
                TimeInForce.GTC, false, null);
        assertThat(OrderRequestRules.violations(bad)).containsExactly(
                "pair is required", "side is required", "amount must be positive, was -1",
                "price must be positive, was 0");
    }

    @Test
    void priceWithTooManyDecimalsNamesTheRule() {
        OrderRequest bad = OrderRequest.limit(BTC_USDT, Side.SELL, new BigDecimal("1"), new BigDecimal("45000.123"));
        assertThat(OrderRequestRules.violations(bad, RULES))
                .containsExactly("price 45000.123 has 3 decimals, BTC/USDT allows 2");
    }

    @Test
    void sizeAndValueLimitsAreChecked() {
        OrderRequest small = OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.0001"), new BigDecimal("45000"));
        assertThat(OrderRequestRules.violations(small, RULES)).containsExactly(
                "amount 0.0001 is below the minimum order size 0.001 of BTC/USDT",
                "order value 4.5 is below the minimum order value 10 of BTC/USDT");
        OrderRequest large = OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("11"), new BigDecimal("45000"));
        assertThat(OrderRequestRules.violations(large, RULES))
                .containsExactly("amount 11 is above the maximum order size 10 of BTC/USDT");
    }

    @Test
    void marketOrderByQuoteIsCheckedAgainstTheMinimumValueOnly() {
        OrderRequest byQuote = OrderRequest.marketByQuote(BTC_USDT, Side.BUY, new BigDecimal("5"));
        assertThat(OrderRequestRules.violations(byQuote, RULES))
                .containsExactly("order value 5 is below the minimum order value 10 of BTC/USDT");
        assertThat(OrderRequestRules.baseAmount(byQuote)).isNull();
    }

    @Test
    void stopOrdersCheckTheStopPrice() {
        OrderRequest stop = OrderRequest.stopMarket(BTC_USDT, Side.SELL, new BigDecimal("1"), new BigDecimal("100.001"));
        assertThat(OrderRequestRules.violations(stop, RULES))
                .containsExactly("stopPrice 100.001 has 3 decimals, BTC/USDT allows 2");
        assertThat(((OrderRequest.StopMarket) stop).trigger()).isEqualTo(OrderRequest.Trigger.FALLS_TO);
    }

    @Test
    void postOnlyNeedsGoodTillCancelled() {
        OrderRequest bad = OrderRequest.limit(BTC_USDT, Side.BUY, BigDecimal.ONE, BigDecimal.TEN)
                .withTimeInForce(TimeInForce.IOC).withPostOnly(true);
        assertThat(OrderRequestRules.violations(bad)).containsExactly("postOnly needs timeInForce GTC, not IOC");
    }

    @Test
    void messagesNeverExpandAbsurdNumbers() {
        OrderRequest tiny = OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("1e-999999999"),
                new BigDecimal("45000"));
        assertThat(OrderRequestRules.violations(tiny, RULES)).containsExactly(
                "amount 1E-999999999 has 999999999 decimals, BTC/USDT allows 8",
                "amount 1E-999999999 is below the minimum order size 0.001 of BTC/USDT",
                "order value 4.5E-999999995 is below the minimum order value 10 of BTC/USDT");
        OrderRequest huge = OrderRequest.limit(BTC_USDT, Side.SELL, new BigDecimal("1E+999999999"),
                new BigDecimal("45000"));
        assertThat(OrderRequestRules.violations(huge, RULES))
                .containsExactly("amount 1E+999999999 is above the maximum order size 10 of BTC/USDT");
        OrderRequest negative = new OrderRequest.Limit(BTC_USDT, Side.BUY, new BigDecimal("-1e99999999"),
                new BigDecimal("45000"), TimeInForce.GTC, false, null);
        assertThat(OrderRequestRules.violations(negative)).containsExactly("amount must be positive, was -1E+99999999");
    }
}
