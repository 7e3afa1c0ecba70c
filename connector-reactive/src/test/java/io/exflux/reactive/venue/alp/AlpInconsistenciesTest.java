package io.exflux.reactive.venue.alp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.config.Credentials;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.model.CandleInterval;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.Side;
import io.exflux.api.model.Ticker;
import io.exflux.reactive.internal.auth.HmacSigner;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.internal.ws.RecordingFrameSink;
import io.exflux.reactive.venue.alp.internal.AlpBodies;
import io.exflux.reactive.venue.alp.internal.AlpFrameDecoder;
import io.exflux.reactive.venue.alp.internal.AlpMapper;
import io.exflux.reactive.venue.alp.internal.AlpOrderRequests;
import io.exflux.reactive.venue.alp.internal.AlpStreamDialect;
import io.exflux.reactive.venue.alp.model.AlpAccount;
import io.exflux.reactive.venue.alp.model.AlpAck;
import io.exflux.reactive.venue.alp.model.AlpCancelRequest;
import io.exflux.reactive.venue.alp.model.AlpChartInterval;
import io.exflux.reactive.venue.alp.model.AlpDepth;
import io.exflux.reactive.venue.alp.model.AlpMessage;
import io.exflux.reactive.venue.alp.model.AlpOrderRequest;
import io.exflux.reactive.venue.alp.model.AlpOrderStatus;
import io.exflux.reactive.venue.alp.model.AlpOrderType;
import io.exflux.reactive.venue.alp.model.AlpRates;
import io.exflux.reactive.venue.alp.model.AlpSide;
import io.exflux.reactive.venue.alp.model.AlpStopOperator;
import io.exflux.reactive.venue.alp.model.AlpTicker;
import io.exflux.reactive.venue.alp.model.AlpTickerUpdate;
import io.exflux.reactive.venue.alp.model.AlpWalletType;
import io.exflux.reactive.venue.alp.model.AlpWelcome;
import io.exflux.reactive.venue.alp.model.AlpWsError;
import io.exflux.reactive.venue.alp.model.AlpWsOrder;
import io.exflux.reactive.venue.alp.model.AlpWsTrade;
import io.exflux.reactive.venue.alp.model.AlpWsWallet;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.RecordedRequest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every item of inconsistencies.md §6.3 (the ALP v3 document), each with the choice the connector
 * makes, shown by what it does. Test names carry the item number.
 */
class AlpInconsistenciesTest {

    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");

    private static AlpMessage frame(String text) {
        return AlpFrameDecoder.decode(text);
    }

    private static JsonNode json(byte[] body) throws Exception {
        return Json.mapper().readTree(body);
    }

    @Test
    void item01_constantsWithoutValuesAreTakenFromTheLiveDocsAndTheClient() {
        assertThat(Arrays.stream(AlpChartInterval.values()).map(AlpChartInterval::wireValue))
                .containsExactly("1", "5", "15", "30", "60", "240", "1D");
        assertThat(AlpOrderType.values()).contains(AlpOrderType.MARKET, AlpOrderType.LIMIT, AlpOrderType.STOP_LIMIT,
                AlpOrderType.STOP_MARKET);
        assertThat(AlpStopOperator.values()).containsExactly(AlpStopOperator.GTE, AlpStopOperator.LTE);
        for (String status : List.of("PENDING", "OPEN", "FILLED", "CANCELLED", "PARTIAL_FILLED", "PARTIAL_CANCELED",
                "FAILED")) {
            assertThat(AlpOrderStatus.of(status)).as(status).isNotEqualTo(AlpOrderStatus.UNKNOWN);
        }
        for (String wallet : List.of("SPOT", "MARGIN_CROSS", "MARGIN_ISOLATED", "FUNDING")) {
            assertThat(AlpWalletType.of(wallet)).as(wallet).isNotEqualTo(AlpWalletType.UNKNOWN);
        }
    }

    @Test
    void item02_bothMarginWalletSpellingsReadTheSameAndRequestsUseTheDocumentedOne() throws Exception {
        assertThat(AlpWalletType.of("CROSS_MARGIN")).isEqualTo(AlpWalletType.CROSS_MARGIN);
        assertThat(AlpWalletType.of("MARGIN_CROSS")).isEqualTo(AlpWalletType.CROSS_MARGIN);
        assertThat(AlpWalletType.of("ISOLATED_MARGIN")).isEqualTo(AlpWalletType.of("MARGIN_ISOLATED"));
        AlpWsWallet wallet = (AlpWsWallet) frame("[\"w\",1,\"USDT\",\"MARGIN_CROSS\",null,\"5\",\"1\"]");
        assertThat(AlpMapper.balance(wallet).wallet()).isEqualTo("CROSS_MARGIN");
        byte[] body = AlpBodies.placeOrder(AlpOrderRequest.limit("BTC_USDT", AlpSide.BUY, BigDecimal.ONE, BigDecimal.TEN)
                .withWalletType(AlpWalletType.CROSS_MARGIN));
        assertThat(json(body).get("wallet_type").asText()).isEqualTo("MARGIN_CROSS");
    }

    @Test
    void item03_everySideSpellingIsReadAndWeSendBuyOrSell() throws Exception {
        for (String buy : List.of("BUY", "BID", "buy", "bid")) {
            assertThat(AlpMapper.side(buy)).as(buy).isEqualTo(Side.BUY);
        }
        for (String sell : List.of("SELL", "ASK", "sell", "ask")) {
            assertThat(AlpMapper.side(sell)).as(sell).isEqualTo(Side.SELL);
        }
        assertThat(AlpSide.of("LONG")).isEqualTo(AlpSide.UNKNOWN);
        byte[] body = AlpBodies.placeOrder(AlpOrderRequests.toAlp(OrderRequest.limit(BTC_USDT, Side.SELL,
                BigDecimal.ONE, BigDecimal.TEN)));
        assertThat(json(body).get("order_side").asText()).isEqualTo("SELL");
    }

    @Test
    void item04_cancelledInEverySpellingIsCanceledAndUnknownValuesKeepTheirText() {
        for (String cancelled : List.of("CANCELLED", "CANCELED", "PARTIAL_CANCELED", "PARTIAL_CANCELLED")) {
            assertThat(AlpMapper.status(cancelled)).as(cancelled).isEqualTo(OrderStatus.CANCELED);
        }
        assertThat(AlpMapper.status("EXPIRED")).isEqualTo(OrderStatus.EXPIRED);
        assertThat(AlpMapper.status("UNDEFINED")).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(AlpMapper.status("PARTIAL_FILLED")).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(AlpMapper.status("FAILED")).isEqualTo(OrderStatus.REJECTED);
        Order order = AlpMapper.order((AlpWsOrder) frame(AlpDocExamples.raw("ws/order.json").replace("\"FILLED\"",
                "\"ON_HOLD\"")));
        assertThat(order.status()).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(order.rawStatus()).isEqualTo("ON_HOLD");
    }

    @Test
    void item05_dailyCandlesAreSentAs1DAnd1440IsReadToo() {
        assertThat(AlpExchangeClient.chartInterval(CandleInterval.D1).wireValue()).isEqualTo("1D");
        assertThat(AlpChartInterval.of("1440")).isEqualTo(AlpChartInterval.D1);
        assertThat(AlpChartInterval.of("1D")).isEqualTo(AlpChartInterval.D1);
        assertThat(AlpExchangeClient.chartInterval(CandleInterval.H6)).isNull();
    }

    @Test
    void item06_wwwHostsByDefaultAndTheClientsPathIsASetting() {
        assertThat(AlpOptions.defaults().restUrl()).hasToString("https://www.alp.com/api/v3");
        assertThat(AlpOptions.defaults().wsUrl()).hasToString("wss://www.alp.com/ws");
        assertThat(AlpOptions.defaults().mutate().wsUrl("wss://www.alp.com/alp-ws").build().wsUrl().getPath())
                .isEqualTo("/alp-ws");
    }

    @Test
    void item07_welcomeValuesByMagnitudeTextOneAnsweredWithTwoNeverSentUnprompted() {
        AlpWelcome docs = (AlpWelcome) frame(AlpDocExamples.raw("ws/welcome.json"));
        AlpWelcome live = (AlpWelcome) frame("[\"welcome\",1790139140,20000,30000,\"ec9a0e3f\"]");
        assertThat(docs.idleTimeout()).isEqualTo(Duration.ofSeconds(95));
        assertThat(live.idleTimeout()).isEqualTo(Duration.ofSeconds(50));
        AlpStreamDialect dialect = new AlpStreamDialect(null, AlpStreamClient.DEFAULT_IDLE_FALLBACK);
        assertThat(dialect.heartbeat().isHeartbeatFrame("1")).isTrue();
        // "2" is never ours to receive; engine.io's 2/3 are not ALP's 1/2
        assertThat(dialect.heartbeat().isHeartbeatFrame("2")).isFalse();
        assertThat(dialect.heartbeat().isHeartbeatFrame("3")).isFalse();
        // the wire behaviour (2 sent only after 1, no ping of ours) is AlpStreamClientTest
    }

    @Test
    void item08_integerAndFractionalTimesBothRead() {
        assertThat(((AlpWelcome) frame("[\"welcome\",1694002700,20000,30000,\"x\"]")).time())
                .isEqualTo(Instant.ofEpochSecond(1694002700L));
        assertThat(((AlpWelcome) frame("[\"welcome\",1694002700.25,20000,30000,\"x\"]")).time())
                .isEqualTo(Instant.ofEpochSecond(1694002700L, 250_000_000L));
        assertThat(((AlpAck) frame(AlpDocExamples.raw("ws/subscribe-ack.json"))).time())
                .isEqualTo(Instant.ofEpochSecond(1586857703L, 901_509_000L));
    }

    @Test
    void item09_acksKeepWhatWasSentAndErrorsOfThreeOrFourElementsRead() {
        assertThat(((AlpAck) frame(AlpDocExamples.raw("ws/subscribe-ack.json"))).topics())
                .containsExactly("topic1", "topic1");
        AlpWsError docs = (AlpWsError) frame(AlpDocExamples.raw("ws/error.json"));
        AlpWsError live = (AlpWsError) frame("[\"error\",1790139264,\"Invalid topic: diff.NOPE_USDT\",\"subscribe\"]");
        assertThat(docs.operation()).isNull();
        assertThat(docs.topic()).isNull();
        assertThat(live.operation()).isEqualTo("subscribe");
        assertThat(live.topic()).isEqualTo("diff.NOPE_USDT");
        AlpStreamDialect dialect = new AlpStreamDialect(null, AlpStreamClient.DEFAULT_IDLE_FALLBACK);
        RecordingFrameSink<AlpMessage> liveSink = new RecordingFrameSink<>(Set.of("diff.NOPE_USDT", "trade.BTC_USDT"));
        dialect.decode("[\"error\",1790139264,\"Invalid topic: diff.NOPE_USDT\",\"subscribe\"]", liveSink);
        assertThat(liveSink.refused).extracting(RecordingFrameSink.Refusal::topic).containsExactly("diff.NOPE_USDT");
        RecordingFrameSink<AlpMessage> docsSink = new RecordingFrameSink<>(Set.of("diff.NOPE_USDT", "trade.BTC_USDT"));
        dialect.decode(AlpDocExamples.raw("ws/error.json"), docsSink);
        assertThat(docsSink.refused).as("names no topic: answers the pending subscription")
                .extracting(RecordingFrameSink.Refusal::topic).containsExactly((String) null);
    }

    @Test
    void item10_tickersComeFromTheWildcardTopicAndBooksFromMarketDepth() {
        AlpStreamDialect dialect = new AlpStreamDialect(null, AlpStreamClient.DEFAULT_IDLE_FALLBACK);
        AlpTickerUpdate row = new AlpTickerUpdate(Instant.EPOCH,
                ((AlpTickerUpdate) frame(AlpDocExamples.raw("ws/ticker.json"))).rows().subList(1, 2));
        String symbol = row.rows().get(0).symbol();
        String frame = "[\"tk\",1694003337,[\"" + symbol + "\",\"1\",\"1\",\"1\",\"0\",\"1\",\"1\",\"1\",\"1\"]]";
        RecordingFrameSink<AlpMessage> wildcard = new RecordingFrameSink<>(Set.of("ticker.*"));
        dialect.decode(frame, wildcard);
        assertThat(wildcard.delivered).extracting(RecordingFrameSink.Delivery::topic).containsExactly("ticker.*");
        RecordingFrameSink<AlpMessage> both = new RecordingFrameSink<>(Set.of("ticker.*", "ticker." + symbol));
        dialect.decode(frame, both);
        assertThat(both.delivered).extracting(RecordingFrameSink.Delivery::topic)
                .containsExactlyInAnyOrder("ticker." + symbol, "ticker.*");
        // the documented per-pair topic stays available natively (AlpStreamClient.tickerTopic); the unified
        // watchTicker subscribes ticker.* (AlpStreamClientTest.tickerFramesAreSplitByRowAndFilteredByPair)
        assertThat(AlpTopics.ticker("BTC_USDT")).isEqualTo("ticker.BTC_USDT");
        assertThat(AlpTopics.marketDepth("BTC_USDT")).isEqualTo("market_depth.BTC_USDT");
    }

    @Test
    void item11_streamTradesAreAmountThenPriceRestTradesPriceThenAmount() {
        AlpWsTrade ws = (AlpWsTrade) frame(AlpDocExamples.raw("ws/trade.json"));
        assertThat(ws.amount()).isEqualByComparingTo("0.20285052");
        assertThat(ws.price()).isEqualByComparingTo("25705.02");
        assertThat(AlpMapper.trade(ws).price()).isEqualByComparingTo("25705.02");
    }

    @Test
    void item12_theOrderExampleIsReadAsSent() {
        AlpWsOrder alp = (AlpWsOrder) frame(AlpDocExamples.raw("ws/order.json"));
        Order order = AlpMapper.order(alp);
        assertThat(order.pair()).isEqualTo(CurrencyPair.of("BTC", "UST")); // "BTC_UST" (sic) kept, not guessed
        assertThat(order.side()).isEqualTo(Side.SELL); // "ASK"
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED); // as sent, even with 0.2 unfilled
        assertThat(order.filledAmount()).isEqualByComparingTo("0.3");
        assertThat(alp.stopOperator()).isNull(); // ""
        assertThat(AlpMapper.orderType("limit")).isEqualTo(OrderType.LIMIT); // lower case per the text
    }

    @Test
    void item13_marketDepthTotalsArePassedOnButTheBookComesFromTheLevels() {
        AlpDepth depth = (AlpDepth) frame(AlpDocExamples.raw("ws/market-depth.json"));
        assertThat(depth.totalAsks()).isEqualByComparingTo("148953.50292677");
        OrderBookUpdate update = AlpMapper.depth(depth);
        assertThat(update.asks().stream().map(l -> l.amount()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("0.82");
    }

    @Test
    void item14_walletSymbolEmptyOrNullIsNull() {
        assertThat(((AlpWsWallet) frame(AlpDocExamples.raw("ws/wallet.json"))).symbol()).isNull();
        assertThat(((AlpWsWallet) frame("[\"w\",1,\"USDT\",\"SPOT\",null,\"5.0\",\"1.0\"]")).symbol()).isNull();
        assertThat(((AlpWsWallet) frame("[\"w\",1,\"USDT\",\"ISOLATED_MARGIN\",\"BTC_USDT\",\"5\",\"1\"]")).symbol())
                .isEqualTo("BTC_USDT");
    }

    @Test
    void item15_ratesFramesOfTheClientAreReadAndRoutedToRatesAll() {
        AlpRates rates = (AlpRates) frame("[\"r\",1694003337,[[\"45000.1\",\"BTC\",\"USDT\"],[\"1\",\"USDT\",\"USDT\"]]]");
        assertThat(rates.rates()).hasSize(2);
        AlpStreamDialect dialect = new AlpStreamDialect(null, AlpStreamClient.DEFAULT_IDLE_FALLBACK);
        String frame = "[\"r\",1694003337,[[\"45000.1\",\"BTC\",\"USDT\"],[\"1\",\"USDT\",\"USDT\"]]]";
        RecordingFrameSink<AlpMessage> all = new RecordingFrameSink<>(Set.of("rates.*", "trade.*"));
        dialect.decode(frame, all);
        assertThat(all.delivered).extracting(RecordingFrameSink.Delivery::topic).containsExactly("rates.*");
        RecordingFrameSink<AlpMessage> onePair = new RecordingFrameSink<>(Set.of("rates.BTC_USDT"));
        dialect.decode(frame, onePair);
        assertThat(onePair.delivered).extracting(RecordingFrameSink.Delivery::topic).containsExactly("rates.BTC_USDT");
    }

    @Test
    void item16_ordersEndpointIsSingularAndSendsOnlyTheFiltersGiven() {
        try (FakeVenueServer server = FakeVenueServer.start()) {
            server.route("POST", "/api/v3/auth").respond(FakeResponse.ok("\"" + AlpTestJwt.withExp(4_000_000_000L, "a")
                    + "\""));
            server.route("GET", "/api/v3/accounts/order").respond(FakeResponse.ok("[]"));
            AlpRestClient rest = client(server);
            rest.orders().collectList().block();
            rest.orders(new AlpOrdersQuery("BTC_USDT", null, AlpSide.SELL, null, null)).collectList().block();
            List<RecordedRequest> requests = server.requests("GET", "/api/v3/accounts/order");
            assertThat(requests.get(0).rawQuery()).isNullOrEmpty();
            assertThat(requests.get(1).rawQuery()).isEqualTo("pair=BTC_USDT&side=SELL");
            rest.dispose();
        }
    }

    @Test
    void item17_accountTradeTimesAreSentAsUnixSeconds() {
        try (FakeVenueServer server = FakeVenueServer.start()) {
            server.route("POST", "/api/v3/auth").respond(FakeResponse.ok("\"" + AlpTestJwt.withExp(4_000_000_000L, "a")
                    + "\""));
            server.route("GET", "/api/v3/accounts/trades").respond(FakeResponse.ok("[]"));
            AlpRestClient rest = client(server);
            rest.accountTrades(null, null, Instant.parse("2023-09-04T12:00:00Z"), Instant.parse("2023-09-04T13:00:00Z"),
                    null).collectList().block();
            RecordedRequest request = server.requests("GET", "/api/v3/accounts/trades").get(0);
            assertThat(request.queryParam("start_time")).isEqualTo("1693828800");
            assertThat(request.queryParam("end_time")).isEqualTo("1693832400");
            rest.dispose();
        }
    }

    @Test
    void item18_placeOrderSendsDocumentedStringsWalletTypeAndNoClientExtras() throws Exception {
        JsonNode body = json(AlpBodies.placeOrder(AlpOrderRequests.toAlp(OrderRequest.limit(BTC_USDT, Side.BUY,
                new BigDecimal("0.05"), new BigDecimal("1800")))));
        assertThat(body.get("base_amount").isTextual()).isTrue();
        assertThat(body.get("limit_price").asText()).isEqualTo("1800");
        assertThat(body.get("wallet_type").asText()).isEqualTo("SPOT");
        assertThat(body.has("side_effect")).isFalse();
        assertThat(body.has("expire_after")).isFalse();
        assertThat(body.has("client_order_id")).isFalse();
        assertThat(AlpOrderRequests.violations(AlpOrderRequest.marketByBase("ETH_USDT", AlpSide.BUY, BigDecimal.ONE)))
                .containsExactly("ALP requires quote_amount for a market BUY");
        assertThat(AlpOrderRequests.violations(AlpOrderRequest.marketByBase("ETH_USDT", AlpSide.SELL, BigDecimal.ONE)))
                .isEmpty();
    }

    @Test
    void item19_parentIdIsReadWhenPresent() throws Exception {
        List<AlpAccount> accounts = Json.mapper().readValue("[{\"id\":1,\"email\":\"a\",\"name\":\"b\"},"
                + "{\"id\":2,\"email\":\"c\",\"name\":\"d\",\"parent_id\":1}]", new TypeReference<>() { });
        assertThat(accounts).extracting(AlpAccount::parentId).containsExactly(null, 1L);
    }

    @Test
    void item20_cancelAllAndByPairAnswer202WithoutABody() {
        try (FakeVenueServer server = FakeVenueServer.start()) {
            server.route("POST", "/api/v3/auth").respond(FakeResponse.ok("\"" + AlpTestJwt.withExp(4_000_000_000L, "a")
                    + "\""));
            server.route("DELETE", "/api/v3/trading/order").respond(FakeResponse.status(202));
            AlpRestClient rest = client(server);
            assertThat(rest.cancel(new AlpCancelRequest.All()).block()).isEmpty();
            assertThat(rest.cancel(new AlpCancelRequest.ByPair("BTC_USDT")).block()).isEmpty();
            rest.dispose();
        }
    }

    @Test
    void item21_theAuthRequestCarriesTheSecretNotTheKeyTwice() throws Exception {
        JsonNode body = json(AlpBodies.auth("KEY-1", "SECRET-1"));
        assertThat(body.get("api_key").asText()).isEqualTo("KEY-1");
        assertThat(body.get("api_secret").asText()).isEqualTo("SECRET-1");
        assertThat(Credentials.of("KEY-1", "SECRET-1").toString()).doesNotContain("SECRET-1");
    }

    @Test
    void item22_xSignIsKeyedWithTheApiSecretItself() {
        try (FakeVenueServer server = FakeVenueServer.start()) {
            server.route("POST", "/api/v3/auth").respond(FakeResponse.ok("\"" + AlpTestJwt.withExp(4_000_000_000L, "a")
                    + "\""));
            server.route("POST", "/api/v3/trading/order").respond(FakeResponse.ok("[1]"));
            AlpRestClient rest = client(server);
            rest.placeOrder(AlpOrderRequest.limit("BTC_USDT", AlpSide.BUY, BigDecimal.ONE, BigDecimal.TEN)).block();
            RecordedRequest post = server.requests("POST", "/api/v3/trading/order").get(0);
            assertThat(post.header("X-SIGN")).isEqualTo(HmacSigner.sha256("SECRET".getBytes(StandardCharsets.UTF_8))
                    .signHex(post.body()));
            rest.dispose();
        }
    }

    @Test
    void item23_diffPercentIsPerCentAndBecomesAFraction() {
        AlpTicker t = AlpDocExamples.read("rest/ticker.json", new TypeReference<List<AlpTicker>>() { }).get(0);
        Ticker ticker = AlpMapper.ticker(t, Instant.EPOCH);
        assertThat(ticker.change24h()).isEqualByComparingTo("0.0002");
        BigDecimal fromPrices = t.last().subtract(t.open()).divide(t.open(), MathContext.DECIMAL64);
        assertThat(fromPrices.subtract(ticker.change24h()).abs()).isLessThan(new BigDecimal("0.00005"));
    }

    @Test
    void item24_errorCodesAreTextWhetherSentAsStringsOrNumbers() {
        ExchangeException fromString = AlpErrorAnswers.map(400, AlpDocExamples.raw("rest/place-order-error.json"));
        ExchangeException fromNumber = AlpErrorAnswers.map(400, "{\"code\":1003,\"message\":\"invalid order amount\"}");
        assertThat(fromString.venueCode()).isEqualTo("1003");
        assertThat(fromNumber.venueCode()).isEqualTo("1003");
        assertThat(AlpErrorAnswers.map(400, "{\"code\":\"BAD_REQUEST\",\"message\":\"pair not found\"}").venueCode())
                .isEqualTo("BAD_REQUEST");
    }

    private static AlpRestClient client(FakeVenueServer server) {
        return new AlpRestClient(AlpOptions.builder().restUrl(server.baseUrl() + "/api/v3")
                .credentials(Credentials.of("KEY", "SECRET")).rateLimit(AlpOptions.PUBLIC_SCOPE, null).rateLimit(AlpOptions.PRIVATE_SCOPE, null).build());
    }
}
