package io.exflux.testkit.alp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.model.OrderBook;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The websocket side of the ALP simulator on loopback. */
class AlpSimulatorWebsocketTest {

    private static final Duration WAIT = Duration.ofSeconds(15); // generous: 2 shared cores under load

    private AlpSimulator alp;
    private final List<WsTestClient> clients = new ArrayList<>();

    private AlpSimulator start(AlpSimulatorOptions.Builder options) {
        alp = AlpSimulator.start(options.generatorEnabled(false).depthInterval(Duration.ofMillis(100))
                .tickerInterval(Duration.ofMillis(100)).build());
        return alp;
    }

    private WsTestClient connect() {
        WsTestClient client = new WsTestClient(alp.websocketUrl());
        clients.add(client);
        client.awaitType("welcome", WAIT);
        return client;
    }

    @AfterEach
    void stop() {
        clients.forEach(WsTestClient::close);
        if (alp != null) {
            alp.close();
        }
    }

    private static BigDecimal dec(String text) {
        return new BigDecimal(text);
    }

    /** A resting sell at 45000 by one account, then a market buy of 0.25 by another, over REST. */
    private void tradeOnce(AlpAccount seller, AlpAccount buyer) {
        RestCalls rest = new RestCalls(alp.restBaseUrl());
        String ts = rest.login(seller);
        String tb = rest.login(buyer);
        String sell = "{\"pair\":\"BTC_USDT\",\"order_side\":\"SELL\",\"wallet_type\":\"SPOT\",\"base_amount\":\"1\","
                + "\"limit_price\":\"45000.00\",\"order_type\":\"LIMIT\"}";
        assertThat(rest.signed("POST", "/trading/order", sell, ts, seller.apiSecret()).status()).isEqualTo(200);
        String buy = "{\"pair\":\"BTC_USDT\",\"order_side\":\"BUY\",\"wallet_type\":\"SPOT\",\"base_amount\":\"0.25\","
                + "\"order_type\":\"MARKET\"}";
        assertThat(rest.signed("POST", "/trading/order", buy, tb, buyer.apiSecret()).status()).isEqualTo(200);
    }

    @Test
    void welcomeCarriesMillisecondsLikeTheLiveVenueOrNanosecondsOnRequest() {
        start(AlpSimulatorOptions.builder());
        WsTestClient client = new WsTestClient(alp.websocketUrl());
        clients.add(client);
        JsonNode welcome = client.awaitType("welcome", WAIT);
        assertThat(welcome).hasSize(5);
        assertThat(welcome.get(1).isIntegralNumber()).isTrue();
        assertThat(welcome.get(2).asLong()).isEqualTo(20000);
        assertThat(welcome.get(3).asLong()).isEqualTo(30000);
        assertThat(welcome.get(4).asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        alp.close();

        start(AlpSimulatorOptions.builder().welcomeInNanoseconds(true));
        WsTestClient nanos = new WsTestClient(alp.websocketUrl());
        clients.add(nanos);
        JsonNode documented = nanos.awaitType("welcome", WAIT);
        assertThat(documented.get(2).asLong()).isEqualTo(20_000_000_000L);
        assertThat(documented.get(3).asLong()).isEqualTo(30_000_000_000L);
    }

    @Test
    void subscribeIsAckedOncePerFrameAndBadTopicsGetErrorFrames() {
        start(AlpSimulatorOptions.builder());
        WsTestClient client = connect();

        client.send("[\"subscribe\",\"market_depth.BTC_USDT\",\"trade.*\",\"ticker.*\"]");
        JsonNode ack = client.awaitType("subscribe", WAIT);
        assertThat(ack.get(1).isIntegralNumber()).isTrue();
        assertThat(List.of(ack.get(2).asText(), ack.get(3).asText(), ack.get(4).asText()))
                .containsExactly("market_depth.BTC_USDT", "trade.*", "ticker.*");

        client.send("[\"subscribe\",\"diff.NOPE_USDT\"]");
        JsonNode error = client.awaitType("error", WAIT);
        assertThat(error).hasSize(3);
        assertThat(error.get(1).isIntegralNumber()).isTrue();
        assertThat(error.get(2).asText()).isEqualTo("Topic does not exist");
        client.send("[\"subscribe\",\"trade.btc_usdt\"]");
        assertThat(client.awaitType("error", WAIT).get(2).asText()).isEqualTo("Topic does not exist");

        client.send("[\"unsubscribe\",\"trade.*\",\"never.subscribed\"]");
        JsonNode unsub = client.awaitType("unsubscribe", WAIT);
        assertThat(unsub.get(2).asText()).isEqualTo("trade.*");
        assertThat(unsub.get(3).asText()).isEqualTo("never.subscribed");
    }

    @Test
    void theTwentyFirstTopicIsRefusedWithTooManyTopics() {
        start(AlpSimulatorOptions.builder());
        WsTestClient client = connect();
        StringBuilder frame = new StringBuilder("[\"subscribe\"");
        List<String> topics = new ArrayList<>();
        for (String channel : List.of("ticker", "trade", "rates", "diff", "market_depth")) {
            for (String pair : List.of("BTC_USDT", "ETH_USDT")) {
                topics.add(channel + "." + pair);
            }
        }
        topics.addAll(List.of("ticker.*", "trade.*", "rates.*"));
        assertThat(topics).hasSize(13);
        topics.forEach(t -> frame.append(",\"").append(t).append('"'));
        client.send(frame.append(']').toString());
        assertThat(client.awaitType("subscribe", WAIT)).hasSize(2 + 13);

        // only 13 distinct valid topics exist with two markets: use a simulator with a smaller limit for the rest
        alp.close();
        start(AlpSimulatorOptions.builder().maxTopics(3));
        WsTestClient limited = connect();
        limited.send("[\"subscribe\",\"trade.*\",\"ticker.*\",\"rates.*\",\"diff.BTC_USDT\"]");
        JsonNode ack = limited.awaitType("subscribe", WAIT);
        assertThat(ack).hasSize(5);
        JsonNode error = limited.awaitType("error", WAIT);
        assertThat(error.get(2).asText()).isEqualTo("Too many topics");
        assertThat(error.get(3).asText()).isEqualTo("subscribe");
    }

    @Test
    void tradesDepthDiffsAndTickersFollowTheMatchingEngine() {
        start(AlpSimulatorOptions.builder());
        AlpAccount seller = alp.createAccount(Map.of("BTC", dec("5")));
        AlpAccount buyer = alp.createAccount(Map.of("USDT", dec("100000")));
        WsTestClient client = connect();
        client.send("[\"subscribe\",\"trade.BTC_USDT\",\"market_depth.BTC_USDT\",\"diff.BTC_USDT\",\"ticker.*\"]");
        client.awaitType("subscribe", WAIT);

        tradeOnce(seller, buyer);

        JsonNode trade = client.awaitType("t", WAIT);
        assertThat(trade).hasSize(7);
        assertThat(trade.get(2).isIntegralNumber()).isTrue();
        assertThat(trade.get(3).asText()).isEqualTo("BTC_USDT");
        assertThat(trade.get(4).asText()).isEqualTo("0.25000000"); // amount before price
        assertThat(trade.get(5).asText()).isEqualTo("45000.00");
        assertThat(trade.get(6).asText()).isEqualTo("buy");

        JsonNode diff = WsTestClient.parse(client.await(f -> f.startsWith("[\"d\"") && f.contains("-0.25"), WAIT));
        assertThat(diff.get(2).asText()).isEqualTo("BTC_USDT");
        assertThat(diff.get(3).get(0).get(0).get(0).asText()).isEqualTo("45000.00");
        assertThat(diff.get(3).get(0).get(0).get(1).asText()).isEqualTo("-0.25000000");
        assertThat(diff.get(3).get(1)).isEmpty();

        // a p frame read just before the trade may still be on its way: wait for the one after it
        JsonNode depth = WsTestClient.parse(client.await(f -> f.startsWith("[\"p\"") && f.contains("0.75000000"), WAIT));
        JsonNode book = depth.get(2);
        assertThat(book.get("Symbol").asText()).isEqualTo("BTC_USDT");
        assertThat(book.get("Asks")).hasSize(1);
        assertThat(book.get("Asks").get(0).get(0).asText()).isEqualTo("45000.00");
        assertThat(book.get("Asks").get(0).get(1).asText()).isEqualTo("0.75000000");
        assertThat(book.get("Bids")).isEmpty();
        assertThat(book.get("TotalAsks").asText()).isEqualTo("0.75000000");
        assertThat(book.get("TotalBids").asText()).isEqualTo("0.00000000");
        OrderBook truth = alp.book("BTC_USDT", 20);
        assertThat(truth.asks().get(0).amount()).isEqualByComparingTo("0.75");

        // tk and p come from independent timers: look through everything received
        JsonNode ticker = WsTestClient.parse(client.awaitInHistory(
                f -> f.startsWith("[\"tk\"") && f.contains("[\"BTC_USDT\",\"45000.00\""), WAIT));
        JsonNode row = ticker.get(2);
        assertThat(row).hasSize(9);
        assertThat(row.get(0).asText()).isEqualTo("BTC_USDT");
        assertThat(row.get(1).asText()).isEqualTo("45000.00");
        assertThat(row.get(8).asText()).isEqualTo("45000.00");
    }

    @Test
    void afterAuthTheAccountGetsItsOrderAndWalletFrames() {
        start(AlpSimulatorOptions.builder());
        AlpAccount seller = alp.createAccount(Map.of("BTC", dec("5")));
        AlpAccount buyer = alp.createAccount(Map.of("USDT", dec("100000")));
        WsTestClient client = connect();
        client.send("[\"auth\",\"not-a-token\"]");
        assertThat(client.awaitType("error", WAIT).get(2).asText()).isEqualTo("Invalid token");
        client.send("[\"auth\",\"" + alp.issueToken(seller) + "\"]");
        client.send("[\"subscribe\",\"trade.*\"]");
        client.awaitType("subscribe", WAIT); // frames are handled in order: auth is done

        tradeOnce(seller, buyer);

        JsonNode order = WsTestClient.parse(client.await(f -> f.startsWith("[\"o\"") && f.contains("PARTIAL_FILLED"), WAIT));
        assertThat(order).hasSize(19);
        assertThat(order.get(2).isIntegralNumber()).isTrue();
        assertThat(order.get(3).asText()).isEqualTo("BTC_USDT");
        assertThat(order.get(4).asText()).isEqualTo("ASK");
        assertThat(order.get(5).asText()).isEqualTo("LIMIT");
        assertThat(order.get(6).asText()).isEqualTo("1.00000000");
        assertThat(order.get(7).asText()).isEqualTo("45000.00");
        assertThat(order.get(8).asText()).isEqualTo("0.75000000");
        assertThat(order.get(9).asText()).isEqualTo("0.25000000");
        assertThat(order.get(10).asText()).isEqualTo("0.00000000");
        assertThat(order.get(11).asText()).isEqualTo("11250.00");
        assertThat(order.get(16).asText()).isEqualTo("SPOT");
        assertThat(order.get(18).asText()).isEmpty();

        JsonNode wallet = WsTestClient.parse(client.await(f -> f.startsWith("[\"w\"") && f.contains("\"USDT\""), WAIT));
        assertThat(wallet).hasSize(7);
        assertThat(wallet.get(3).asText()).isEqualTo("SPOT");
        assertThat(wallet.get(4).asText()).isEmpty();
        assertThat(new BigDecimal(wallet.get(5).asText())).isEqualByComparingTo("11250");
        assertThat(client.received()).noneMatch(f -> f.startsWith("[\"o\"") && f.contains("\"BID\""));
    }

    @Test
    void forcedDisconnectKillsEverySocket() {
        start(AlpSimulatorOptions.builder());
        WsTestClient first = connect();
        WsTestClient second = connect();
        assertThat(alp.openWebsockets()).isEqualTo(2);

        alp.dropAllWebsockets();

        assertThat(first.awaitClosed(WAIT)).isTrue();
        assertThat(second.awaitClosed(WAIT)).isTrue();
        WsTestClient again = connect(); // the venue takes new connections
        assertThat(again.isClosed()).isFalse();
    }

    @Test
    void idleSocketsGetProtocolPingFrames() {
        start(AlpSimulatorOptions.builder().pingInterval(Duration.ofMillis(300)));
        WsTestClient client = connect();

        assertThat(client.await("PING"::equals, WAIT)).isEqualTo("PING");
        assertThat(client.isClosed()).isFalse();
    }

    @Test
    void textKeepaliveWhenEnabledAndATextOneClosesTheSocketOtherwise() {
        start(AlpSimulatorOptions.builder().textKeepalive(true).pingInterval(Duration.ofMillis(300)));
        WsTestClient client = connect();
        assertThat(client.await("1"::equals, WAIT)).isEqualTo("1");
        client.send("2");
        client.send("1");
        assertThat(client.await("2"::equals, WAIT)).isEqualTo("2");
        assertThat(client.isClosed()).isFalse();
        alp.close();

        start(AlpSimulatorOptions.builder().dropOnTextKeepalive(true));
        WsTestClient live = connect();
        live.send("1");
        assertThat(live.awaitClosed(WAIT)).isTrue();
        WsTestClient garbage = connect();
        garbage.send("{\"not\":\"an array\"}");
        assertThat(garbage.awaitClosed(WAIT)).isTrue();
    }

    @Test
    void websocketFaultsReachOpenSessions() {
        start(AlpSimulatorOptions.builder());
        WsTestClient client = connect();
        alp.faults().sendOnWebsockets("[\"t\",broken");
        assertThat(client.await("[\"t\",broken"::equals, WAIT)).isNotNull();

        alp.faults().dropWebsocketsAfterFrames(1);
        client.send("[\"subscribe\",\"trade.*\"]");
        client.awaitType("subscribe", WAIT);
        assertThat(client.awaitClosed(WAIT)).isTrue();
    }

    @Test
    void theDefaultSimulatorStreamsALivelyBookAndATradeTapeWithNoKeys() {
        alp = AlpSimulator.start(); // what `exflux book --venue alp` uses: generator on, real time
        WsTestClient client = connect();
        client.send("[\"subscribe\",\"market_depth.BTC_USDT\",\"trade.BTC_USDT\"]");
        client.awaitType("subscribe", WAIT);

        JsonNode trade = client.awaitType("t", WAIT);
        assertThat(trade.get(3).asText()).isEqualTo("BTC_USDT");
        JsonNode depth = client.awaitType("p", WAIT).get(2);
        assertThat(depth.get("Asks")).hasSize(20);
        assertThat(depth.get("Bids")).hasSize(20);
        BigDecimal bestBid = new BigDecimal(depth.get("Bids").get(0).get(0).asText());
        BigDecimal bestAsk = new BigDecimal(depth.get("Asks").get(0).get(0).asText());
        assertThat(bestBid).isLessThan(bestAsk);
        assertThat(bestBid).isBetween(dec("50000"), dec("80000"));
        assertThat(alp.trades("BTC_USDT")).isNotEmpty();
    }
}
