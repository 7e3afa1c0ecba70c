package io.exflux.reactive.venue.btse;

import static io.exflux.reactive.venue.btse.BtseWire.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.ExchangeUnavailableException;
import io.exflux.api.error.InsufficientFundsException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.NotFoundException;
import io.exflux.api.error.OrderOutcomeUnknownException;
import io.exflux.api.error.ProtocolException;
import io.exflux.api.error.RateLimitedException;
import io.exflux.api.model.OrderStatus;
import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.venue.btse.model.BtseOrderRequest;
import io.exflux.reactive.venue.btse.model.BtseOrderResult;
import io.exflux.reactive.venue.btse.model.BtseOrderStatusCode;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every status code of the document's API enum in an HTTP 200 answer of an order endpoint arrives as the right typed
 * result or error; a placement is reconciled by its clOrderID when the code leaves its outcome unknown.
 */
class BtseOrderStatusTableTest {

    @RegisterExtension
    static final BtseLoopback LOOPBACK = new BtseLoopback();
    private FakeVenueServer server;
    private BtseRestClient client;

    @BeforeEach
    void start() {
        server = LOOPBACK.server();
        client = LOOPBACK.client();
    }

    /** Every code of the document's enum with what the caller sees: an order in a state, or an error type. */
    static Stream<Arguments> documentedCodes() {
        Map<Integer, Object> expected = new java.util.LinkedHashMap<>();
        expected.put(-1, ExchangeUnavailableException.class);
        expected.put(1, InvalidRequestException.class);
        expected.put(2, OrderStatus.OPEN);
        expected.put(4, OrderStatus.FILLED);
        expected.put(5, OrderStatus.PARTIALLY_FILLED);
        expected.put(6, OrderStatus.CANCELED);
        expected.put(7, OrderStatus.CANCELED);
        expected.put(8, InsufficientFundsException.class);
        expected.put(9, OrderStatus.PENDING);
        expected.put(10, OrderStatus.OPEN);
        expected.put(11, InvalidRequestException.class);
        expected.put(12, InvalidRequestException.class);
        expected.put(13, InvalidRequestException.class);
        expected.put(15, InvalidRequestException.class);
        expected.put(16, NotFoundException.class);
        expected.put(17, ExchangeException.class);
        expected.put(20, OrderStatus.PENDING);
        expected.put(21, OrderStatus.PENDING);
        expected.put(27, OrderStatus.PENDING);
        expected.put(28, ExchangeException.class);
        for (int query : new int[] {29, 31, 33, 34, 36, 51}) {
            expected.put(query, OrderStatus.UNKNOWN);
        }
        expected.put(41, InvalidRequestException.class);
        expected.put(64, OrderStatus.UNKNOWN);
        expected.put(65, OrderStatus.OPEN);
        expected.put(66, OrderStatus.UNKNOWN);
        expected.put(76, OrderStatus.UNKNOWN);
        expected.put(77, OrderStatus.UNKNOWN);
        expected.put(80, OrderStatus.UNKNOWN);
        expected.put(81, OrderStatus.UNKNOWN);
        expected.put(83, OrderStatus.UNKNOWN);
        expected.put(85, OrderStatus.PENDING);
        expected.put(88, OrderStatus.UNKNOWN);
        expected.put(101, ProtocolException.class);
        expected.put(110, ProtocolException.class);
        expected.put(123, OrderStatus.OPEN);
        expected.put(124, ProtocolException.class);
        expected.put(300, InvalidRequestException.class);
        expected.put(301, InvalidRequestException.class);
        expected.put(302, InvalidRequestException.class);
        expected.put(303, RateLimitedException.class);
        expected.put(304, InvalidRequestException.class);
        expected.put(1003, OrderStatus.UNKNOWN);
        expected.put(1004, OrderStatus.UNKNOWN);
        expected.put(30410, ProtocolException.class);
        return expected.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static FakeResponse row(int status) {
        return FakeResponse.ok("[{\"status\":" + status + ",\"symbol\":\"BTC-USD\",\"orderType\":76,\"price\":8500,"
                + "\"side\":\"BUY\",\"size\":0.002,\"orderID\":\"o-1\",\"message\":\"\",\"clOrderID\":\"mine\"}]");
    }

    @ParameterizedTest(name = "status {0} -> {1}")
    @MethodSource("documentedCodes")
    void everyDocumentedCodeOfACancelAnswer(int status, Object expected) {
        server.route("DELETE", BtseWire.API + "order").respond(row(status));
        if (expected instanceof OrderStatus state) {
            List<BtseOrderResult> rows = client.cancelOrder("BTC-USD", "o-1", null).block(WAIT);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).statusCode().code()).isEqualTo(status);
            assertThat(rows.get(0).statusCode().orderStatus()).isEqualTo(state);
        } else {
            Throwable error = catchThrowable(() -> client.cancelOrder("BTC-USD", "o-1", null).block(WAIT));
            assertThat(error).isExactlyInstanceOf((Class<?>) expected)
                    .hasMessageContaining("status " + status)
                    .hasMessageContaining(BtseOrderStatusCode.of(status).name());
            assertThat(server.requests("DELETE", BtseWire.API + "order")).as("never retried").hasSize(1);
        }
    }

    @Test
    void anOcoPlacementAnswersBothLegs() throws Exception {
        server.route("POST", BtseWire.API + "order").respond(FakeResponse.ok("[{\"status\":2,\"orderID\":\"a\","
                + "\"symbol\":\"BTC-USD\",\"side\":\"SELL\"},{\"status\":9,\"orderID\":\"b\","
                + "\"symbol\":\"BTC-USD\",\"side\":\"SELL\",\"stopPrice\":8000}]"));
        BtseOrderRequest oco = new BtseOrderRequest("BTC-USD", new BigDecimal("0.002"), "SELL",
                io.exflux.reactive.venue.btse.model.BtseOrderType.OCO, new BigDecimal("9000"), null,
                io.exflux.reactive.venue.btse.model.BtseTxType.STOP, new BigDecimal("8000"), null, null, null, null,
                null, null, null);
        assertThat(client.placeOrder(oco).block(WAIT)).extracting(BtseOrderResult::statusCode)
                .containsExactly(BtseOrderStatusCode.ORDER_INSERTED, BtseOrderStatusCode.TRIGGER_INSERTED);
        var body = io.exflux.reactive.internal.codec.Json.mapper().readTree(
                server.requests("POST", BtseWire.API + "order").get(0).bodyAsString());
        assertThat(body.get("type").asText()).isEqualTo("OCO");
        assertThat(body.get("txType").asText()).isEqualTo("STOP");
    }

    @Test
    void aRefusedPlacementIsItsTypedErrorAndNeverLooksUp() {
        server.route("POST", BtseWire.API + "order").respond(row(8));
        Throwable error = catchThrowable(() -> client.placeOrder(limit().withClOrderID("mine")).block(WAIT));
        assertThat(error).isInstanceOf(InsufficientFundsException.class);
        assertThat(server.requests("GET", BtseWire.API + "user/open_orders")).isEmpty();
    }

    @Test
    void aTimedOutPlacementIsFoundByItsClientOrderId() {
        server.route("POST", BtseWire.API + "order").respond(row(-1));
        server.route("GET", BtseWire.API + "user/open_orders").respond(FakeResponse.ok("[{\"orderType\":76,"
                + "\"price\":8500,\"size\":0.002,\"side\":\"BUY\",\"filledSize\":0,\"orderID\":\"o-9\","
                + "\"symbol\":\"BTC-USD\",\"clOrderID\":\"mine\",\"orderState\":\"STATUS_ACTIVE\"}]"));
        List<BtseOrderResult> rows = client.placeOrder(limit().withClOrderID("mine")).block(WAIT);
        assertThat(rows).singleElement().satisfies(found -> {
            assertThat(found.orderID()).isEqualTo("o-9");
            assertThat(found.statusCode()).isEqualTo(BtseOrderStatusCode.ORDER_INSERTED);
        });
        assertThat(server.requests("POST", BtseWire.API + "order")).as("never sent twice").hasSize(1);
        assertThat(server.requests("GET", BtseWire.API + "user/open_orders").get(0).queryParam("clOrderID"))
                .isEqualTo("mine");
    }

    @Test
    void anUnreadableCodeWithoutAFoundOrderIsAnUnknownOutcome() {
        server.route("POST", BtseWire.API + "order").respond(row(30410));
        server.route("GET", BtseWire.API + "user/open_orders").respond(FakeResponse.ok("[]"));
        server.route("GET", BtseWire.API + "user/trade_history").respond(FakeResponse.ok("[]"));
        Throwable error = catchThrowable(() -> client.placeOrder(limit().withClOrderID("mine")).block(WAIT));
        assertThat(error).isInstanceOf(OrderOutcomeUnknownException.class).hasMessageContaining("mine");
        assertThat(((OrderOutcomeUnknownException) error).clientOrderId()).isEqualTo("mine");
        assertThat(server.requests("POST", BtseWire.API + "order")).hasSize(1);
    }

    @Test
    void aPlacementThatFindsAFillIsFilled() {
        server.route("POST", BtseWire.API + "order").respond(FakeResponse.status(502));
        server.route("GET", BtseWire.API + "user/open_orders").respond(FakeResponse.ok("[]"));
        server.route("GET", BtseWire.API + "user/trade_history").respond(FakeResponse.ok("{\"tradeId\":\"t-1\","
                + "\"orderId\":\"o-7\",\"clOrderID\":\"mine\",\"side\":\"BUY\",\"orderType\":76,\"price\":8500,"
                + "\"size\":0.002,\"filledPrice\":8500,\"filledSize\":0.002,\"symbol\":\"BTC-USD\"}"));
        List<BtseOrderResult> rows = client.placeOrder(limit().withClOrderID("mine")).block(WAIT);
        assertThat(rows).singleElement().satisfies(found -> {
            assertThat(found.orderID()).isEqualTo("o-7");
            assertThat(found.statusCode().orderStatus()).isEqualTo(OrderStatus.FILLED);
        });
    }

    @Test
    void aPlacementWhoseAnswerIsCutIsNeverSentTwiceAndWithoutAFoundOrderAnUnknownOutcome() {
        server.route("POST", BtseWire.API + "order").respond(row(2).cutShort());
        server.route("GET", BtseWire.API + "user/open_orders").respond(FakeResponse.ok("[]"));
        server.route("GET", BtseWire.API + "user/trade_history").respond(FakeResponse.ok("[]"));
        BtseRestClient retrying = new BtseRestClient(LOOPBACK.options().maxAttempts(3)
                .backoff(Backoff.exponential(Duration.ofMillis(1), Duration.ofMillis(5))).build());

        Throwable error = catchThrowable(() -> retrying.placeOrder(limit().withClOrderID("mine")).block(WAIT));

        assertThat(error).isInstanceOf(OrderOutcomeUnknownException.class).hasMessageContaining("mine");
        assertThat(server.requests("POST", BtseWire.API + "order")).as("never sent twice").hasSize(1);
        assertThat(server.requests("GET", BtseWire.API + "user/open_orders")).as("looked up").isNotEmpty();
    }

    @Test
    void aQueryWhoseAnswerIsCutIsSentAgain() {
        String page = "[{\"price\":36000.5,\"size\":0.01,\"side\":\"SELL\",\"symbol\":\"BTC-USD\","
                + "\"serialId\":7,\"timestamp\":1700000000000}]";
        server.route("GET", BtseWire.API + "trades").respond(FakeResponse.ok(page).cutShort(), FakeResponse.ok(page));
        BtseRestClient retrying = new BtseRestClient(LOOPBACK.options().maxAttempts(3)
                .backoff(Backoff.exponential(Duration.ofMillis(1), Duration.ofMillis(5))).build());

        assertThat(retrying.trades("BTC-USD", null, null, 500).collectList().block(WAIT))
                .singleElement().satisfies(trade -> assertThat(trade.serialId()).isEqualTo(7L));
        assertThat(server.requests("GET", BtseWire.API + "trades")).hasSize(2);
    }

    private static BtseOrderRequest limit() {
        return BtseOrderRequest.limit("BTC-USD", "BUY", new BigDecimal("0.002"), new BigDecimal("8500"));
    }
}
