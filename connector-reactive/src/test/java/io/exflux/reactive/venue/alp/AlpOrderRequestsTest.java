package io.exflux.reactive.venue.alp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.Side;
import io.exflux.api.model.TimeInForce;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.venue.alp.internal.AlpBodies;
import io.exflux.reactive.venue.alp.internal.AlpOrderRequests;
import io.exflux.reactive.venue.alp.model.AlpOrderRequest;
import io.exflux.reactive.venue.alp.model.AlpSide;
import io.exflux.reactive.venue.alp.model.AlpStopOperator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation before sending, with messages that name the rule, and the bodies of the document. */
class AlpOrderRequestsTest {

    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");
    private static final Map<String, PairInfo> MARKETS = Map.of("BTC_USDT", new PairInfo(BTC_USDT, "BTC_USDT", 2, 8,
            new BigDecimal("0.001"), new BigDecimal("10"), new BigDecimal("10")));

    private static String error(OrderRequest request) {
        InvalidRequestException e = AlpOrderRequests.check(request, MARKETS);
        return e == null ? null : e.getMessage();
    }

    @Test
    void validLimitPasses() {
        assertThat(error(OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.01"), new BigDecimal("45000.12"))))
                .isNull();
    }

    @Test
    void unknownPair() {
        assertThat(error(OrderRequest.limit(CurrencyPair.of("NOPE", "USDT"), Side.BUY, BigDecimal.ONE, BigDecimal.TEN)))
                .contains("unknown pair NOPE/USDT");
    }

    @Test
    void tooManyDecimals() {
        assertThat(error(OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.01"), new BigDecimal("45000.123"))))
                .contains("price 45000.123 has 3 decimals, BTC/USDT allows 2");
        assertThat(error(OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.123456789"), BigDecimal.TEN.pow(4))))
                .contains("has 9 decimals, BTC/USDT allows 8");
    }

    @Test
    void belowMinimumSizeAndValueAboveMaximum() {
        assertThat(error(OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.0001"), new BigDecimal("45000"))))
                .contains("below the minimum order size 0.001");
        assertThat(error(OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.001"), new BigDecimal("5"))))
                .contains("below the minimum order value 10");
        assertThat(error(OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("11"), new BigDecimal("5"))))
                .contains("above the maximum order size 10");
    }

    @Test
    void negativeAmount() {
        assertThat(error(OrderRequest.limit(BTC_USDT, Side.SELL, new BigDecimal("-1"), new BigDecimal("45000"))))
                .contains("amount must be positive, was -1");
    }

    @Test
    void marketBuyNeedsAQuoteAmountAndMarketSellABaseAmount() {
        assertThat(error(OrderRequest.market(BTC_USDT, Side.BUY, new BigDecimal("0.01"))))
                .contains("ALP requires a quote amount for a market BUY");
        assertThat(error(OrderRequest.marketByQuote(BTC_USDT, Side.SELL, new BigDecimal("100"))))
                .contains("ALP requires a base amount for a market SELL");
        assertThat(error(OrderRequest.marketByQuote(BTC_USDT, Side.BUY, new BigDecimal("100")))).isNull();
        assertThat(error(OrderRequest.marketByQuote(BTC_USDT, Side.BUY, new BigDecimal("5"))))
                .contains("below the minimum order value 10");
    }

    @Test
    void onlyGoodTillCancelled() {
        assertThat(error(OrderRequest.limit(BTC_USDT, Side.BUY, BigDecimal.ONE, BigDecimal.TEN.pow(2))
                .withTimeInForce(TimeInForce.IOC))).contains("GTC only, not IOC");
    }

    @Test
    void bodiesCarryTheDocumentsFields() throws Exception {
        JsonNode limit = body(AlpOrderRequests.toAlp(OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("1.0"),
                new BigDecimal("45000.00"))));
        assertThat(limit).isEqualTo(Json.mapper().readTree(AlpDocExamples.raw("rest/place-order-limit-request.json")));
        JsonNode market = body(AlpOrderRequests.toAlp(OrderRequest.marketByQuote(BTC_USDT, Side.BUY,
                new BigDecimal("100.00"))));
        assertThat(market).isEqualTo(Json.mapper().readTree(AlpDocExamples.raw("rest/place-order-market-request.json")));
        JsonNode stop = body(AlpOrderRequests.toAlp(OrderRequest.stopLimit(BTC_USDT, Side.BUY, new BigDecimal("1.0"),
                new BigDecimal("44000.00"), new BigDecimal("45000.00"))));
        assertThat(stop).isEqualTo(Json.mapper().readTree(AlpDocExamples.raw("rest/place-order-stop-limit-request.json")));
    }

    @Test
    void clientOrderIdPostOnlyAndStopMarket() throws Exception {
        JsonNode limit = body(AlpOrderRequests.toAlp(OrderRequest.limit(BTC_USDT, Side.SELL, BigDecimal.ONE,
                BigDecimal.TEN).withPostOnly(true).withClientOrderId("my-1")));
        assertThat(limit.get("post_only").asBoolean()).isTrue();
        assertThat(limit.get("client_order_id").asText()).isEqualTo("my-1");
        assertThat(limit.get("order_side").asText()).isEqualTo("SELL");
        JsonNode stop = body(AlpOrderRequests.toAlp(OrderRequest.stopMarket(BTC_USDT, Side.SELL, BigDecimal.ONE,
                BigDecimal.TEN)));
        assertThat(stop.get("order_type").asText()).isEqualTo("STOP_MARKET");
        assertThat(stop.get("stop_operator").asText()).isEqualTo("LTE");
        assertThat(stop.has("limit_price")).isFalse();
    }

    @Test
    void nativeRequestsAreCheckedToo() {
        assertThat(AlpOrderRequests.violations(AlpOrderRequest.marketByBase("BTC_USDT", AlpSide.BUY, BigDecimal.ONE)))
                .containsExactly("ALP requires quote_amount for a market BUY");
        assertThat(AlpOrderRequests.violations(new AlpOrderRequest("BTC_USDT",
                io.exflux.reactive.venue.alp.model.AlpOrderType.STOP_LIMIT, AlpSide.SELL,
                io.exflux.reactive.venue.alp.model.AlpWalletType.SPOT, BigDecimal.ONE, null, BigDecimal.TEN, null,
                null, null, null))).containsExactly("stop_price is required", "stop_operator is required");
        assertThat(AlpOrderRequests.violations(AlpOrderRequest.stopLimit("BTC_USDT", AlpSide.SELL, BigDecimal.ONE,
                BigDecimal.TEN, BigDecimal.ONE, AlpStopOperator.LTE))).isEmpty();
    }

    private static JsonNode body(AlpOrderRequest request) throws Exception {
        return Json.mapper().readTree(new String(AlpBodies.placeOrder(request), StandardCharsets.UTF_8));
    }
}
