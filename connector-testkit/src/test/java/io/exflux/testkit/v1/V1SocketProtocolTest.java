package io.exflux.testkit.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Side;
import io.exflux.testkit.alp.WsTestClient;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.sim.SimOrder;
import io.exflux.testkit.sim.SimOrderRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The socket's engine.io and socket.io framing frame by frame, from a raw websocket client: open packets,
 * namespace connect per socket.io revision, heartbeat direction per engine.io version, subscribe, acks and
 * the book events of each dialect.
 */
class V1SocketProtocolTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final CurrencyPair BTC_USD = CurrencyPair.of("BTC", "USD");

    private static V1Simulator start(V1Dialect dialect, Duration pingInterval, Duration pingTimeout) {
        return V1Simulator.start(V1SimulatorOptions.builder(dialect).generatorEnabled(false)
                .pingInterval(pingInterval).pingTimeout(pingTimeout).build());
    }

    private static String url(V1Simulator sim, String eio) {
        return sim.socketUrl() + "?EIO=" + eio + "&transport=websocket";
    }

    @Test
    void socketIoRevision4OnEngineIo3ConnectsUnaskedAnswersClientPingsAndEmitsBookEventsNamedAfterTheChannel() {
        try (V1Simulator sim = start(V1Dialect.BITEXBIT, Duration.ofSeconds(25), Duration.ofSeconds(5));
             WsTestClient client = new WsTestClient(url(sim, "3"))) {
            JsonNode open = V1Calls.json(client.await(f -> f.startsWith("0"), WAIT).substring(1));
            assertThat(open.path("sid").asText()).isNotBlank();
            assertThat(open.path("upgrades").isArray()).isTrue();
            assertThat(open.path("pingInterval").asLong()).isEqualTo(25000);
            assertThat(open.path("pingTimeout").asLong()).isEqualTo(5000);
            assertThat(open.has("maxPayload")).as("engine.io 3 has none").isFalse();
            client.await("40"::equals, WAIT);

            client.send("2");
            client.await("3"::equals, WAIT);
            client.send("421[\"subscribe\",\"book_BTC_USD\"]");
            client.await("431[true]"::equals, WAIT);

            tradeAndCancel(sim);
            String frame = client.await(f -> f.startsWith("42[\"book_BTC_USD\"") && f.contains("\"trades\":[{"), WAIT);
            JsonNode placed = V1Calls.json(frame.substring(2)).get(1);
            assertThat(placed.path("success").asBoolean()).isTrue();
            assertThat(placed.path("trades").get(0).path("amount").asText()).isEqualTo("0.005");
            JsonNode cancel = V1Calls.json(client.await(f -> f.contains("\"cancelled\":true"), WAIT).substring(2)).get(1);
            assertThat(cancel.path("amount").decimalValue()).as("the amount cancelled").isEqualByComparingTo("0.005");
            assertThat(cancel.path("cancel_order_id").asLong()).isPositive();
        }
    }

    @Test
    void socketIoRevision5OnEngineIo4WaitsForConnectPingsFromTheServerAndRefusesOtherNamespaces() {
        try (V1Simulator sim = start(V1Dialect.BITEXBIT, Duration.ofMillis(200), Duration.ofSeconds(5));
             WsTestClient client = new WsTestClient(url(sim, "4"))) {
            JsonNode open = V1Calls.json(client.await(f -> f.startsWith("0"), WAIT).substring(1));
            assertThat(open.path("maxPayload").asLong()).isPositive();
            client.send("40/admin,");
            client.await("44/admin,{\"message\":\"Invalid namespace\"}"::equals, WAIT);
            client.send("40");
            String connected = client.await(f -> f.startsWith("40{"), WAIT);
            assertThat(V1Calls.json(connected.substring(2)).path("sid").asText()).isNotBlank();
            client.await("2"::equals, WAIT);
            client.send("3");
            client.await("2"::equals, WAIT);
            client.send("3");
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void aSocketHoldsAtMostItsChannelsAndOnlyListedOnes() {
        try (V1Simulator sim = V1Simulator.start(V1SimulatorOptions.builder(V1Dialect.BITEXBIT).generatorEnabled(false)
                .maxChannels(1).build());
             WsTestClient client = new WsTestClient(url(sim, "3"))) {
            client.await("40"::equals, WAIT);
            client.send("421[\"subscribe\",\"book_DOGE_USD\"]");
            client.await("431[false]"::equals, WAIT);
            client.send("422[\"subscribe\",\"book_BTC_USD\"]");
            client.await("432[true]"::equals, WAIT);
            client.send("423[\"subscribe\",\"book_ETH_USD\"]");
            client.await("433[false]"::equals, WAIT);
            client.send("424[\"unsubscribe\",\"book_BTC_USD\"]");
            client.await("434[true]"::equals, WAIT);
            client.send("425[\"subscribe\",\"book_ETH_USD\"]");
            client.await("435[true]"::equals, WAIT);
        }
    }

    @Test
    void aHeartbeatTheWrongWayClosesTheSocket() {
        try (V1Simulator sim = start(V1Dialect.BITEXBIT, Duration.ofSeconds(25), Duration.ofSeconds(5));
             WsTestClient v4 = new WsTestClient(url(sim, "4"));
             WsTestClient v3 = new WsTestClient(url(sim, "3"))) {
            v4.await(f -> f.startsWith("0"), WAIT);
            v4.send("2");
            assertThat(v4.awaitClosed(WAIT)).as("engine.io 4: the client must not ping").isTrue();
            v3.await("40"::equals, WAIT);
            v3.send("3");
            assertThat(v3.awaitClosed(WAIT)).as("engine.io 3: the client must not pong unasked").isTrue();
        }
    }

    @Test
    void engineIo4ClosesAClientThatDoesNotPongAndEngineIo3OneThatStaysSilent() {
        try (V1Simulator sim = start(V1Dialect.BTC_ALPHA, Duration.ofMillis(100), Duration.ofMillis(100));
             WsTestClient v4 = new WsTestClient(url(sim, "4"));
             WsTestClient v3 = new WsTestClient(url(sim, "3"))) {
            v4.await("2"::equals, WAIT);
            assertThat(v4.awaitClosed(WAIT)).isTrue();
            v3.await(f -> f.startsWith("0"), WAIT);
            assertThat(v3.awaitClosed(WAIT)).isTrue();
        }
    }

    @Test
    void anUnknownEngineIoVersionOrAnotherTransportIsClosedAtOnce() {
        try (V1Simulator sim = start(V1Dialect.BTC_ALPHA, Duration.ofSeconds(25), Duration.ofSeconds(5));
             WsTestClient five = new WsTestClient(url(sim, "5"));
             WsTestClient polling = new WsTestClient(sim.socketUrl() + "?EIO=4&transport=polling")) {
            assertThat(five.awaitClosed(WAIT)).isTrue();
            assertThat(polling.awaitClosed(WAIT)).isTrue();
            assertThat(five.received()).noneMatch(f -> f.startsWith("0"));
        }
    }

    @Test
    void bareEngineIoForBtcAlphaSubscribesWithAJsonMessageAndGetsTheDocumentsObjectsWithoutAPair() {
        try (V1Simulator sim = start(V1Dialect.BTC_ALPHA, Duration.ofSeconds(25), Duration.ofSeconds(20));
             WsTestClient client = new WsTestClient(sim.server().wsUrl("/engine.io/") + "?EIO=4&transport=websocket")) {
            client.await(f -> f.startsWith("0"), WAIT);
            client.send("4[\"subscribe\",\"book_BTC_USD\"]");
            awaitSubscribed(sim);
            tradeAndCancel(sim);
            JsonNode placed = V1Calls.json(client.await(f -> f.startsWith("4{") && f.contains("\"trades\":[{"), WAIT)
                    .substring(1));
            assertThat(placed.has("pair")).as("the document's new order has no pair").isFalse();
            assertThat(placed.has("success")).isFalse();
            JsonNode cancel = V1Calls.json(client.await(f -> f.startsWith("4{") && f.contains("\"cancelled\""), WAIT)
                    .substring(1));
            assertThat(cancel.path("pair").asText()).isEqualTo("BTC_USD");
            assertThat(cancel.has("cancel_order_id")).isFalse();
        }
    }

    /** Nothing acknowledges a bare subscribe: wait until the server has read it. */
    private static void awaitSubscribed(V1Simulator sim) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (sim.server().frames().stream().noneMatch(f -> f.text().contains("subscribe")) && System.nanoTime() < end) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void tradeAndCancel(V1Simulator sim) {
        ApiKeys.ApiKey seller = sim.createAccount(Map.of("BTC", BigDecimal.ONE));
        ApiKeys.ApiKey buyer = sim.createAccount(Map.of("USD", new BigDecimal("100000")));
        SimOrder resting = sim.simulator().place(SimOrderRequest.limit(seller.accountId(), BTC_USD, Side.SELL, "0.01",
                "1000")).block(WAIT);
        sim.simulator().place(SimOrderRequest.limit(buyer.accountId(), BTC_USD, Side.BUY, "0.005", "1000")).block(WAIT);
        sim.simulator().cancel(seller.accountId(), resting.id()).block(WAIT);
    }
}
