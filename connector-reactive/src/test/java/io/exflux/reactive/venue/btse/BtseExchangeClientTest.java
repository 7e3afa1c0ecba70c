package io.exflux.reactive.venue.btse;

import static io.exflux.reactive.venue.btse.BtseWire.WAIT;
import static io.exflux.reactive.venue.btse.BtseWire.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.Capability;
import io.exflux.api.ExchangeClient;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.UnsupportedCapabilityException;
import io.exflux.api.model.Balance;
import io.exflux.api.model.ConversionRequest;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Deposit;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderAmendment;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.Side;
import io.exflux.api.model.TransferRequest;
import io.exflux.api.model.TransferStatus;
import io.exflux.api.model.Withdrawal;
import io.exflux.api.model.WithdrawalRequest;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.Exchanges;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** BTSE through the unified API, against the loopback venue: what a user of {@code Exchanges.create("btse")} sees. */
class BtseExchangeClientTest {

    private static final CurrencyPair BTC_USD = CurrencyPair.of("BTC", "USD");
    @RegisterExtension
    static final BtseLoopback LOOPBACK = new BtseLoopback();
    private FakeVenueServer server;
    private ClientResources resources;
    private BtseExchangeClient client;

    @BeforeEach
    void start() {
        server = LOOPBACK.server();
        resources = LOOPBACK.resources();
        client = BtseExchangeClient.create(LOOPBACK.options().build());
    }

    @AfterEach
    void stop() {
        client.closeGracefully().block(WAIT);
    }

    private static String api(String path) {
        return BtseWire.API + path;
    }

    @Test
    void btseThroughExchangesWithExactCapabilities() {
        assertThat(Exchanges.venues()).contains("btse");
        BtseOptions fromText = Exchanges.provider("btse").options(Map.of("rest-url", server.baseUrl() + "/spot"))
                instanceof BtseOptions btse ? btse : null;
        assertThat(fromText).isNotNull();
        assertThat(fromText.credentials()).isNull();
        ExchangeClient anonymous = Exchanges.create("btse", fromText.mutate().resources(resources).build());
        try {
            assertThat(anonymous).isInstanceOf(BtseExchangeClient.class);
            assertThat(anonymous.capabilities().supports(Capability.PAIRS)).isTrue();
            assertThat(anonymous.capabilities().supports(Capability.WITHDRAW)).isFalse();
        } finally {
            anonymous.closeGracefully().block(WAIT);
        }
        Set<Capability> unserved = EnumSet.complementOf(EnumSet.copyOf(client.capabilities().supported()));
        // the streams are served (both websocket hosts); no balance channel is documented
        assertThat(unserved).containsExactlyInAnyOrder(Capability.PLACE_MARKET_ORDER_BY_QUOTE, Capability.ORDERS,
                Capability.WATCH_BALANCES);
        assertThat(catchThrowable(() -> client.orders(BTC_USD).blockFirst(WAIT)))
                .isInstanceOf(UnsupportedCapabilityException.class);
    }

    @Test
    void marketDataInUnifiedRecords() {
        PairInfo info = client.pair(BTC_USD).block(WAIT);
        assertThat(info.priceScale()).isEqualTo(1);
        assertThat(info.amountScale()).isEqualTo(3);
        assertThat(info.minAmount()).isEqualByComparingTo("0.002");
        assertThat(client.ticker(BTC_USD).block(WAIT).quoteVolume()).isEqualByComparingTo("81456627");
        server.route("GET", api("orderbook/L2")).respond(FakeResponse.ok("{\"buyQuote\":[{\"price\":\"1\","
                + "\"size\":\"1\"},{\"price\":\"2\",\"size\":\"1\"}],\"sellQuote\":[{\"price\":\"4\",\"size\":\"1\"},"
                + "{\"price\":\"3\",\"size\":\"1\"}],\"timestamp\":1624989459489,\"symbol\":\"BTC-USD\"}"));
        OrderBook book = client.orderBook(BTC_USD, 5).block(WAIT);
        assertThat(book.bids().get(0).price()).isEqualByComparingTo("2");
        assertThat(book.asks().get(0).price()).isEqualByComparingTo("3");
        assertThat(only(server, "GET", "orderbook/L2").queryParam("depth")).isEqualTo("5");
        server.route("GET", api("ohlcv")).respond(FakeResponse.ok("[[1624989400,1,2,0.5,1.5,10]]"));
        assertThat(client.candles(BTC_USD, io.exflux.api.model.CandleInterval.H4, null, null).blockFirst(WAIT)
                .openTime()).isEqualTo(Instant.ofEpochSecond(1624989400L));
        assertThat(only(server, "GET", "ohlcv").queryParam("resolution")).isEqualTo("240");
    }

    @Test
    void publicTradesAndOneOrder() {
        server.route("GET", api("trades")).respond(FakeResponse.ok("[{\"price\":36000.5,\"size\":0.01,"
                + "\"side\":\"SELL\",\"symbol\":\"BTC-USD\",\"serialId\":118974855,\"timestamp\":1624985375123}]"));
        var trade = client.trades(BTC_USD, 10).blockFirst(WAIT);
        assertThat(trade.id()).isEqualTo("118974855");
        assertThat(trade.takerSide()).isEqualTo(Side.SELL);
        assertThat(trade.timestamp()).isEqualTo(Instant.ofEpochMilli(1624985375123L));
        assertThat(only(server, "GET", "trades").queryParam("count")).isEqualTo("10");
        server.route("GET", api("order")).respond(FakeResponse.ok("[{\"status\":5,\"symbol\":\"BTC-USD\","
                + "\"orderType\":77,\"side\":\"SELL\",\"size\":1,\"fillSize\":0.4,\"orderID\":\"o-3\"}]"),
                FakeResponse.ok("[{\"status\":16,\"message\":\"ORDER_NOTFOUND\"}]"));
        Order order = client.order("o-3", null).block(WAIT);
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(order.type()).isEqualTo(OrderType.MARKET);
        assertThat(order.filledAmount()).isEqualByComparingTo("0.4");
        assertThat(catchThrowable(() -> client.order("o-4", null).block(WAIT)))
                .isInstanceOf(io.exflux.api.error.NotFoundException.class);
    }

    @Test
    void aLimitOrderPlacedAndEdited() throws Exception {
        server.route("POST", api("order")).respond(FakeResponse.ok("[{\"status\":2,\"symbol\":\"BTC-USD\","
                + "\"orderType\":76,\"price\":8500,\"side\":\"BUY\",\"size\":0.002,\"orderID\":\"o-1\","
                + "\"clOrderID\":\"mine\",\"timestamp\":1624985375123,\"fillSize\":0}]"));
        Order placed = client.placeOrder(OrderRequest.limit(BTC_USD, Side.BUY, new BigDecimal("0.002"),
                new BigDecimal("8500")).withClientOrderId("mine").withPostOnly(true)).block(WAIT);
        assertThat(placed.id()).isEqualTo("o-1");
        assertThat(placed.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(placed.type()).isEqualTo(OrderType.LIMIT);
        JsonNode sent = Json.mapper().readTree(only(server, "POST", "order").bodyAsString());
        assertThat(sent.get("clOrderID").asText()).isEqualTo("mine");
        assertThat(sent.get("postOnly").asBoolean()).isTrue();
        assertThat(sent.get("time_in_force").asText()).isEqualTo("GTC");

        server.route("PUT", api("order")).respond(FakeResponse.ok("[{\"status\":123,\"symbol\":\"BTC-USD\","
                + "\"orderType\":76,\"price\":8400,\"side\":\"BUY\",\"size\":0.003,\"orderID\":\"o-1\"}]"));
        client.editOrder(OrderAmendment.price(BTC_USD, "o-1", new BigDecimal("8400"))).block(WAIT);
        client.editOrder(new OrderAmendment(BTC_USD, "o-1", null, new BigDecimal("8400"), new BigDecimal("0.003"),
                null)).block(WAIT);
        var amends = server.requests("PUT", api("order"));
        JsonNode one = Json.mapper().readTree(amends.get(0).bodyAsString());
        assertThat(one.get("type").asText()).isEqualTo("PRICE");
        assertThat(one.get("value").decimalValue()).isEqualByComparingTo("8400");
        JsonNode all = Json.mapper().readTree(amends.get(1).bodyAsString());
        assertThat(all.get("type").asText()).isEqualTo("ALL");
        assertThat(all.get("orderSize").decimalValue()).isEqualByComparingTo("0.003");
    }

    @Test
    void ordersBreakingUnifiedOrBtseRulesNeverLeave() {
        Throwable byQuote = catchThrowable(() -> client.placeOrder(OrderRequest.marketByQuote(BTC_USD, Side.BUY,
                BigDecimal.TEN)).block(WAIT));
        assertThat(byQuote).isInstanceOf(InvalidRequestException.class).hasMessageContaining("sized in quote");
        Throwable scale = catchThrowable(() -> client.placeOrder(OrderRequest.limit(BTC_USD, Side.BUY,
                new BigDecimal("0.002"), new BigDecimal("8500.25"))).block(WAIT));
        assertThat(scale).isInstanceOf(InvalidRequestException.class).hasMessageContaining("has 2 decimals");
        Throwable step = catchThrowable(() -> client.placeOrder(OrderRequest.limit(BTC_USD, Side.BUY,
                new BigDecimal("0.002"), new BigDecimal("8500.3"))).block(WAIT));
        assertThat(step).isInstanceOf(InvalidRequestException.class).hasMessageContaining("increment 0.5");
        assertThat(server.requests("POST", api("order"))).isEmpty();
    }

    @Test
    void unifiedOrdersWithAbsurdNumbersOrUnknownMarketsNeverLeave() {
        Throwable huge = catchThrowable(() -> client.placeOrder(OrderRequest.limit(BTC_USD, Side.BUY,
                new BigDecimal("0.002"), new BigDecimal("1E+999999999"))).block(WAIT));
        assertThat(huge).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("price 1E999999999 has more than 40 digits");
        Throwable unknown = catchThrowable(() -> client.cancelAllOrders(CurrencyPair.of("NOPE", "USD")).block(WAIT));
        assertThat(unknown).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("btse lists no market NOPE-USD");
        assertThat(server.requests()).allMatch(r -> r.method().equals("GET") && r.path().endsWith("/market_summary"));
    }

    @Test
    void cancelByMarketAndTheDeadManSwitch() throws Exception {
        server.route("DELETE", api("order")).respond(FakeResponse.ok("[{\"status\":6,\"orderID\":\"o-1\"}]"));
        server.route("POST", api("order/cancelAllAfter")).respond(FakeResponse.ok("{}"));
        client.cancelAllOrders(BTC_USD).block(WAIT);
        var cancel = only(server, "DELETE", "order");
        assertThat(cancel.queryParam("symbol")).isEqualTo("BTC-USD");
        assertThat(cancel.queryParam("orderID")).isNull();
        client.cancelAllAfter(Duration.ofSeconds(60)).block(WAIT);
        assertThat(Json.mapper().readTree(only(server, "POST", "order/cancelAllAfter").bodyAsString())
                .get("timeout").asLong()).isEqualTo(60000L);
    }

    @Test
    void walletThroughTheExtendedApi() throws Exception {
        server.route("POST", api("user/wallet/withdraw")).respond(FakeResponse.ok("{\"withdraw_id\":\"w-1\"}"));
        Withdrawal withdrawal = client.withdraw(WithdrawalRequest.of("BTC", "Bitcoin", new BigDecimal("0.001"),
                "bc1q")).block(WAIT);
        assertThat(withdrawal.id()).isEqualTo("w-1");
        assertThat(withdrawal.status()).isEqualTo(TransferStatus.PENDING);
        assertThat(Json.mapper().readTree(only(server, "POST", "user/wallet/withdraw").bodyAsString())
                .get("currency").asText()).isEqualTo("BTC-Bitcoin");
        Throwable nine = catchThrowable(() -> client.withdraw(WithdrawalRequest.of("BTC", "Bitcoin",
                new BigDecimal("0.000000001"), "bc1q")).block(WAIT));
        assertThat(nine).isInstanceOf(InvalidRequestException.class).hasMessageContaining("at most 8");
        assertThat(server.requests("POST", api("user/wallet/withdraw"))).hasSize(1);

        server.route("POST", api("user/wallet/transfer")).respond(FakeResponse.ok(BtseWire.raw("transfer")));
        assertThat(client.transfer(new TransferRequest("BTC", new BigDecimal("1.0"), "jamesbond",
                "james.bond@google.com")).block(WAIT).amount()).isEqualByComparingTo("1");
        server.route("POST", api("user/wallet/convert")).respond(FakeResponse.ok(BtseWire.raw("convert")));
        assertThat(client.convert(new ConversionRequest("BTC", "USD", BigDecimal.ONE)).block(WAIT).toAmount())
                .isEqualByComparingTo("66680.43282");
        server.route("POST", api("user/wallet/address")).respond(FakeResponse.ok(
                BtseWire.raw("create-wallet-address")));
        assertThat(client.createDepositAddress("BTC", "LIQUID").block(WAIT).address()).isEqualTo("Blockchain address");
        server.route("GET", api("exchangeRate")).respond(FakeResponse.ok(BtseWire.raw("exchange-rate")));
        assertThat(client.fetchExchangeRate("BTC", "USD").block(WAIT).rate()).isEqualByComparingTo("36051.55950285");
        server.route("GET", api("user/fees")).respond(FakeResponse.ok("[{\"makerFee\":0.001,\"takerFee\":0.002,"
                + "\"symbol\":\"BTC-USD\"}]"));
        assertThat(client.fetchTradingFee(BTC_USD).block(WAIT).taker()).isEqualByComparingTo("0.002");
    }

    @Test
    void balancesDepositsAndWithdrawalsFromTheWalletHistory() {
        server.route("GET", api("user/wallet")).respond(FakeResponse.ok(BtseWire.raw("wallet")));
        Balance usd = client.balances().blockFirst(WAIT);
        assertThat(usd.available()).isEqualByComparingTo("520.52");
        server.route("GET", api("user/wallet_history")).respond(FakeResponse.ok("["
                + "{\"amount\":21.35823825,\"currency\":\"USD\",\"orderId\":1,\"status\":10,\"type\":1,"
                + "\"timestamp\":1571630174639},"
                + "{\"amount\":-0.5,\"currency\":\"BTC\",\"orderId\":\"2\",\"fees\":0.0005,\"status\":\"PENDING\","
                + "\"type\":\"Withdraw\",\"timestamp\":1571630174640}]"));
        Deposit deposit = client.deposits().blockFirst(WAIT);
        assertThat(deposit.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(deposit.amount()).isEqualByComparingTo("21.35823825");
        Withdrawal withdrawal = client.withdrawals().blockFirst(WAIT);
        assertThat(withdrawal.id()).isEqualTo("2");
        assertThat(withdrawal.amount()).isEqualByComparingTo("0.5");
        assertThat(withdrawal.status()).isEqualTo(TransferStatus.PENDING);
    }
}
