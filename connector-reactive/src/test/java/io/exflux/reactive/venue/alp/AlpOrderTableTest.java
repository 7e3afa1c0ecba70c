package io.exflux.reactive.venue.alp;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.Side;
import io.exflux.reactive.venue.alp.internal.AlpOrderRequests;
import io.exflux.reactive.venue.alp.model.AlpOrderRequest;
import io.exflux.reactive.venue.alp.model.AlpOrderType;
import io.exflux.reactive.venue.alp.model.AlpSide;
import io.exflux.reactive.venue.alp.model.AlpStopOperator;
import io.exflux.reactive.venue.alp.model.AlpWalletType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The place-order table of ALP's document, one test per row: which fields each order type (Limit, Stop
 * Limit, Stop Market, Market) requires, takes or does not take, checked before anything is sent.
 */
class AlpOrderTableTest {

    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final BigDecimal NINE = new BigDecimal("9");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final List<AlpOrderType> TYPES = List.of(AlpOrderType.LIMIT, AlpOrderType.STOP_LIMIT,
            AlpOrderType.STOP_MARKET, AlpOrderType.MARKET);

    /** A request of this type with every field its column requires (a market order is a SELL by base). */
    private static AlpOrderRequest valid(AlpOrderType type) {
        switch (type) {
            case LIMIT:
                return AlpOrderRequest.limit("BTC_USDT", AlpSide.SELL, ONE, TEN);
            case STOP_LIMIT:
                return AlpOrderRequest.stopLimit("BTC_USDT", AlpSide.SELL, ONE, TEN, NINE, AlpStopOperator.LTE);
            case STOP_MARKET:
                return AlpOrderRequest.stopMarket("BTC_USDT", AlpSide.SELL, ONE, NINE, AlpStopOperator.LTE);
            default:
                return AlpOrderRequest.marketByBase("BTC_USDT", AlpSide.SELL, ONE);
        }
    }

    private static AlpOrderRequest with(AlpOrderRequest r, String field, Object value) {
        return new AlpOrderRequest(
                field.equals("pair") ? (String) value : r.pair(),
                field.equals("order_type") ? (AlpOrderType) value : r.orderType(),
                field.equals("order_side") ? (AlpSide) value : r.side(),
                field.equals("wallet_type") ? (AlpWalletType) value : r.walletType(),
                field.equals("base_amount") ? (BigDecimal) value : r.baseAmount(),
                field.equals("quote_amount") ? (BigDecimal) value : r.quoteAmount(),
                field.equals("limit_price") ? (BigDecimal) value : r.limitPrice(),
                field.equals("stop_price") ? (BigDecimal) value : r.stopPrice(),
                field.equals("stop_operator") ? (AlpStopOperator) value : r.stopOperator(),
                field.equals("client_order_id") ? (String) value : r.clientOrderId(),
                field.equals("post_only") ? (Boolean) value : r.postOnly());
    }

    private static List<String> violations(AlpOrderRequest request) {
        return AlpOrderRequests.violations(request);
    }

    private static void required(String field, AlpOrderType type) {
        assertThat(violations(with(valid(type), field, null))).as("%s without %s", type, field)
                .containsExactly(field + " is required");
    }

    private static void notAllowed(String field, Object value, AlpOrderType type) {
        assertThat(violations(with(valid(type), field, value))).as("%s with %s", type, field)
                .containsExactly(field + " is not allowed on a " + type + " order");
    }

    private static void optional(String field, Object value, AlpOrderType type) {
        assertThat(violations(valid(type))).as("%s without %s", type, field).isEmpty();
        assertThat(violations(with(valid(type), field, value))).as("%s with %s", type, field).isEmpty();
    }

    @Test
    void theValidRequestOfEachColumnPasses() {
        TYPES.forEach(type -> assertThat(violations(valid(type))).as("%s", type).isEmpty());
    }

    @Test
    void pairIsRequiredByEveryType() {
        TYPES.forEach(type -> required("pair", type));
        assertThat(violations(with(valid(AlpOrderType.LIMIT), "pair", " "))).containsExactly("pair is required");
    }

    @Test
    void orderTypeIsRequired() {
        assertThat(violations(with(valid(AlpOrderType.LIMIT), "order_type", null)))
                .containsExactly("order_type is required");
        assertThat(violations(with(valid(AlpOrderType.LIMIT), "order_type", AlpOrderType.UNKNOWN)))
                .containsExactly("order_type is required");
    }

    @Test
    void orderSideIsRequiredByEveryType() {
        TYPES.stream().filter(type -> type != AlpOrderType.MARKET).forEach(type -> required("order_side", type));
        assertThat(violations(with(valid(AlpOrderType.MARKET), "order_side", null))).contains("order_side is required");
    }

    @Test
    void walletTypeIsRequiredByEveryType() {
        TYPES.forEach(type -> required("wallet_type", type));
    }

    @Test
    void baseAmountIsRequiredExceptOnMarketOrders() {
        required("base_amount", AlpOrderType.LIMIT);
        required("base_amount", AlpOrderType.STOP_LIMIT);
        required("base_amount", AlpOrderType.STOP_MARKET);
        assertThat(violations(AlpOrderRequest.marketByQuote("BTC_USDT", AlpSide.BUY, HUNDRED))).isEmpty();
        assertThat(violations(AlpOrderRequest.marketByBase("BTC_USDT", AlpSide.SELL, ONE))).isEmpty();
    }

    @Test
    void quoteAmountIsTakenByMarketOrdersOnly() {
        notAllowed("quote_amount", HUNDRED, AlpOrderType.LIMIT);
        notAllowed("quote_amount", HUNDRED, AlpOrderType.STOP_LIMIT);
        notAllowed("quote_amount", HUNDRED, AlpOrderType.STOP_MARKET);
        assertThat(violations(AlpOrderRequest.marketByQuote("BTC_USDT", AlpSide.BUY, HUNDRED))).isEmpty();
    }

    @Test
    void limitPriceIsRequiredByLimitAndStopLimitAndTakenByNoOther() {
        required("limit_price", AlpOrderType.LIMIT);
        required("limit_price", AlpOrderType.STOP_LIMIT);
        notAllowed("limit_price", TEN, AlpOrderType.STOP_MARKET);
        notAllowed("limit_price", TEN, AlpOrderType.MARKET);
    }

    @Test
    void stopPriceIsRequiredByStopOrdersAndTakenByNoOther() {
        notAllowed("stop_price", NINE, AlpOrderType.LIMIT);
        required("stop_price", AlpOrderType.STOP_LIMIT);
        required("stop_price", AlpOrderType.STOP_MARKET);
        notAllowed("stop_price", NINE, AlpOrderType.MARKET);
    }

    @Test
    void stopOperatorIsRequiredByStopOrdersAndTakenByNoOther() {
        notAllowed("stop_operator", AlpStopOperator.GTE, AlpOrderType.LIMIT);
        required("stop_operator", AlpOrderType.STOP_LIMIT);
        required("stop_operator", AlpOrderType.STOP_MARKET);
        notAllowed("stop_operator", AlpStopOperator.GTE, AlpOrderType.MARKET);
    }

    @Test
    void clientOrderIdIsOptionalOnEveryType() {
        TYPES.forEach(type -> optional("client_order_id", "mine-1", type));
    }

    @Test
    void postOnlyIsTakenByLimitOrdersOnly() {
        optional("post_only", Boolean.TRUE, AlpOrderType.LIMIT);
        notAllowed("post_only", Boolean.TRUE, AlpOrderType.STOP_LIMIT);
        notAllowed("post_only", Boolean.TRUE, AlpOrderType.STOP_MARKET);
        notAllowed("post_only", Boolean.FALSE, AlpOrderType.MARKET);
    }

    @Test
    void theNoteUnderTheTableAMarketBuyIsSizedInQuoteASellInBaseNeverBoth() {
        assertThat(violations(AlpOrderRequest.marketByBase("BTC_USDT", AlpSide.BUY, ONE)))
                .containsExactly("ALP requires quote_amount for a market BUY");
        assertThat(violations(AlpOrderRequest.marketByQuote("BTC_USDT", AlpSide.SELL, HUNDRED)))
                .containsExactly("ALP requires base_amount for a market SELL");
        for (AlpSide side : new AlpSide[] {AlpSide.BUY, AlpSide.SELL}) {
            assertThat(violations(with(AlpOrderRequest.marketByBase("BTC_USDT", side, ONE), "quote_amount", HUNDRED)))
                    .as("market %s with both amounts", side)
                    .containsExactly("a MARKET order takes base_amount or quote_amount, not both");
        }
    }

    // ---------------------------------------------------------------- the unified requests, one per column

    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");
    private static final Map<String, PairInfo> MARKETS = Map.of("BTC_USDT", new PairInfo(BTC_USDT, "BTC_USDT", 2, 8,
            null, null, null));

    private static List<String> unified(OrderRequest request) {
        return AlpOrderRequests.violations(request, MARKETS);
    }

    @Test
    void unifiedLimitNeedsAmountAndPriceAndMayBePostOnly() {
        assertThat(unified(OrderRequest.limit(BTC_USDT, Side.BUY, ONE, TEN).withPostOnly(true)
                .withClientOrderId("mine-1"))).isEmpty();
        assertThat(unified(new OrderRequest.Limit(BTC_USDT, Side.BUY, ONE, null, io.exflux.api.model.TimeInForce.GTC,
                false, null))).containsExactly("price is required");
    }

    @Test
    void unifiedStopLimitNeedsAmountLimitPriceStopPriceAndTrigger() {
        assertThat(unified(OrderRequest.stopLimit(BTC_USDT, Side.SELL, ONE, NINE, TEN))).isEmpty();
        assertThat(unified(new OrderRequest.StopLimit(BTC_USDT, Side.SELL, ONE, NINE, null, TEN, null)))
                .containsExactly("stop trigger direction is required");
    }

    @Test
    void unifiedStopMarketNeedsAmountStopPriceAndTrigger() {
        assertThat(unified(OrderRequest.stopMarket(BTC_USDT, Side.SELL, ONE, NINE))).isEmpty();
        assertThat(unified(new OrderRequest.StopMarket(BTC_USDT, Side.SELL, ONE, null,
                OrderRequest.Trigger.FALLS_TO, null))).containsExactly("stopPrice is required");
    }

    @Test
    void unifiedMarketIsSizedInQuoteToBuyAndInBaseToSell() {
        assertThat(unified(OrderRequest.marketByQuote(BTC_USDT, Side.BUY, HUNDRED))).isEmpty();
        assertThat(unified(OrderRequest.market(BTC_USDT, Side.SELL, ONE))).isEmpty();
        assertThat(unified(OrderRequest.market(BTC_USDT, Side.BUY, ONE)))
                .containsExactly("ALP requires a quote amount for a market BUY (use OrderRequest.marketByQuote)");
    }
}
