package io.exflux.testkit.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Side;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.sim.SimOrder;
import io.exflux.testkit.sim.SimOrderRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulator's socket against REAL clients from the npm registry ({@code src/test/node/client.js}, versions
 * pinned by its {@code package-lock.json}, installed by {@code npm ci} at process-test-resources):
 * socket.io-client 2.5.0 (engine.io 3) and 4.8.1 (engine.io 4) against bitexbit, engine.io-client 3.5.4
 * (engine.io 3) and 6.6.3 (engine.io 4) against BTC-Alpha. Each connects over websocket, subscribes to
 * {@code book_BTC_USD}, stays up over at least four heartbeats of a 300 ms ping interval while the market
 * generator runs, and receives new-order and cancel events shaped as the document's examples.
 */
class V1SocketInteropTest {

    private static final Path NODE_DIR = Path.of("src", "test", "node");
    private static final CurrencyPair BTC_USD = CurrencyPair.of("BTC", "USD");

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"BITEXBIT, sioc2", "BITEXBIT, sioc4", "BTC_ALPHA, eioc3", "BTC_ALPHA, eioc6"})
    void aRealClientConnectsSubscribesStaysUpOverSeveralPingIntervalsAndReceivesBookEvents(V1Dialect dialect,
                                                                                           String client) throws Exception {
        assertThat(NODE_DIR.resolve("node_modules")).as("npm ci at process-test-resources").isDirectory();
        V1SimulatorOptions options = V1SimulatorOptions.builder(dialect).pingInterval(Duration.ofMillis(300))
                .pingTimeout(Duration.ofMillis(2000)).build();
        try (V1Simulator sim = V1Simulator.start(options)) {
            ApiKeys.ApiKey seller = sim.createAccount(Map.of("BTC", new BigDecimal("1000")));
            ApiKeys.ApiKey buyer = sim.createAccount(Map.of("USD", new BigDecimal("1000000000")));
            Path log = Path.of("target", "node-" + client + ".log");
            Files.createDirectories(log.getParent());
            Process node = new ProcessBuilder("node", "client.js", client, sim.server().baseUrl(), "book_BTC_USD", "4")
                    .directory(NODE_DIR.toFile()).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "node-" + client);
            reader.setDaemon(true);
            reader.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (node.isAlive() && System.nanoTime() < deadline) {
                    if (lines.contains("OPEN")) {
                        tradeAndCancel(sim, seller, buyer);
                    }
                    Thread.sleep(200);
                }
                assertThat(node.waitFor(5, TimeUnit.SECONDS)).as("the client finished; see %s", log).isTrue();
                reader.join(5000);
            } finally {
                node.destroyForcibly();
            }

            assertThat(lines).as("client output").contains("OPEN", "DONE").noneMatch(line -> line.startsWith("CLOSE"));
            assertThat(lines.stream().filter("HEARTBEAT"::equals).count()).isGreaterThanOrEqualTo(4);
            List<JsonNode> events = lines.stream().filter(line -> line.startsWith("EVENT "))
                    .map(line -> V1Calls.json(line.substring(6))).toList();
            JsonNode newOrder = events.stream().filter(e -> e.path("trades").size() > 0).findFirst().orElseThrow();
            JsonNode cancel = events.stream().filter(e -> e.path("cancelled").asBoolean()).findFirst().orElseThrow();
            assertThat(JsonShape.differences(example(dialect, "socket-new-order"), newOrder)).as("%s", newOrder).isEmpty();
            assertThat(JsonShape.differences(example(dialect, "socket-cancel"), cancel)).as("%s", cancel).isEmpty();
            assertThat(cancel.path("pair").asText()).isEqualTo("BTC_USD");
            assertThat(newOrder.path("trades").get(0).path("price").isTextual()).as("trade prices are strings").isTrue();
        }
    }

    /** A resting sell far above the market, a buy that takes part of it, and a cancel of the rest. */
    private static void tradeAndCancel(V1Simulator sim, ApiKeys.ApiKey seller, ApiKeys.ApiKey buyer) {
        SimOrder resting = sim.simulator().place(SimOrderRequest.limit(seller.accountId(), BTC_USD, Side.SELL, "0.01",
                "1000000")).block(Duration.ofSeconds(5));
        sim.simulator().place(SimOrderRequest.limit(buyer.accountId(), BTC_USD, Side.BUY, "0.005", "1000000"))
                .block(Duration.ofSeconds(5));
        sim.simulator().cancel(seller.accountId(), resting.id()).onErrorResume(e -> reactor.core.publisher.Mono.empty())
                .block(Duration.ofSeconds(5));
    }

    private static JsonNode example(V1Dialect dialect, String slug) {
        return V1SimulatorDocumentTest.read(V1SimulatorDocumentTest.example(dialect, slug));
    }
}
