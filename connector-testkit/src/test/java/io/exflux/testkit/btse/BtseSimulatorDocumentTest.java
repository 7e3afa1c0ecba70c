package io.exflux.testkit.btse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.testkit.alp.WsTestClient;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.v1.JsonShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every JSON example of the seed (copied verbatim into {@code src/test/resources/btse/seed-*}) against the
 * simulator's answer to the same call, the requests sent exactly as printed; the spot document's REST
 * examples likewise; and the document's three signature check values on the wire.
 */
class BtseSimulatorDocumentTest {

    static final String DOC_KEY = "4e9536c79f0fdd72bf04f2430982d3f61d9d76c996f0175bbba470d69d59816x";
    static final String DOC_SECRET = "848db84ac252b6726e5f6e7a711d9c96d9fd77d020151b45839a5b59c37203bx";
    private static final Path EXAMPLES = examples();
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static BtseSimulator sim;
    private static BtseCalls calls;

    @BeforeAll
    static void start() {
        sim = BtseSimulator.start(BtseSimulatorOptions.builder().generatorEnabled(false).unthrottled().build());
        calls = new BtseCalls(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void everySeedExampleHasTheShapeOfTheSimulatorsAnswerToItsRequest() {
        Set<String> checked = new TreeSet<>();
        ApiKeys.ApiKey me = sim.createAccount(Map.of("USD", new BigDecimal("10000"), "BTC", new BigDecimal("3")));
        ApiKeys.ApiKey james = sim.createAccount("jamesbond", "james.bond@google.com", Map.of());

        matches("networks-response", ok(calls.get("/availableCurrencyNetworks?currency=BTC")), checked);
        JsonNode rate = ok(calls.get("/exchangeRate?srcCurrency=BTC&targetCurrency=USD"));
        assertThat(rate.path("data").decimalValue()).isEqualByComparingTo("65000");
        matches("exchange-rate-response", rate, checked);
        JsonNode wallet = ok(calls.get("/user/wallet", me));
        matches("wallet-response", wallet, checked);
        matches("wallet-history-response", ok(calls.get("/user/wallet_history?currency=USD", me)), checked);

        JsonNode created = ok(calls.post("/user/wallet/address", read("seed-05-create-address-request.json"), me));
        matches("create-address-response", created, checked);
        BtseCalls.Answer got = calls.signed("GET", "/user/wallet/address", read("seed-07-get-address-request.json"), me);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body().get(0).path("address").asText()).isEqualTo(created.get(0).path("address").asText());
        matches("get-address-response", got.body(), checked);

        JsonNode withdrawn = ok(calls.post("/user/wallet/withdraw", read("seed-09-withdraw-request.json"), me));
        matches("withdraw-response", withdrawn, checked);
        matches("available-currencies-response", ok(calls.get("/availableCurrencies?action=CONVERT")), checked);
        JsonNode converted = ok(calls.post("/user/wallet/convert", read("seed-12-convert-request.json"), me));
        assertThat(converted.path("settlementAmount").decimalValue()).isEqualByComparingTo("65000");
        matches("convert-response", converted, checked);
        JsonNode transferred = ok(calls.post("/user/wallet/transfer", read("seed-14-transfer-request.json"), me));
        assertThat(transferred.path("amount").asText()).as("the echo of \"1.0\"").isEqualTo("1");
        matches("transfer-response", transferred, checked);
        assertThat(sim.balance(james, "BTC").block(WAIT)).isEqualByComparingTo("1");

        assertThat(checked).as("every response example of the seed").isEqualTo(seedResponses());
    }

    @Test
    void theSpotDocumentsRestExamplesHaveTheShapeOfTheAnswers() {
        ApiKeys.ApiKey maker = sim.createAccount(Map.of("BTC", new BigDecimal("1")));
        assertThat(ok(calls.post("/order", "{\"symbol\":\"BTC-USD\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"price\":\"70000\","
                + "\"size\":\"0.01\"}", maker)).get(0).path("status").asInt()).isEqualTo(2);
        JsonNode book = ok(calls.get("/orderbook?symbol=BTC-USD"));
        assertThat(book.path("sellQuote").get(0).path("price").asText()).isEqualTo("70000");
        assertThat(JsonShape.differences(json("spot-01-orderbook-response.json"), book)).isEmpty();
        assertThat(JsonShape.differences(json("spot-01-orderbook-response.json"), ok(calls.get("/orderbook/L2?symbol=BTC-USD&depth=5"))))
                .isEmpty();
        assertThat(JsonShape.differences(json("spot-02-time-response.json"), ok(calls.get("/time")))).isEmpty();
        BtseCalls.Answer unauthorized = calls.send("GET", "/user/wallet", null, Map.of("btse-api", "nobody"));
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(JsonShape.differences(json("spot-09-error-body.json"), unauthorized.body())).isEmpty();
        assertThat(unauthorized.code()).isEqualTo(10002);
    }

    @Test
    void theThreeCheckValuesOfTheDocumentVerifyOnTheWire() {
        ApiKeys.ApiKey doc = sim.createAccountWithKey(DOC_KEY, DOC_SECRET, Map.of("USD", new BigDecimal("100")));
        BtseCalls.Answer wallet = calls.send("GET", "/user/wallet", null, Map.of("btse-api", DOC_KEY,
                "btse-nonce", "1624984297330",
                "btse-sign", "14b986706a4368221e0af14a6725377161805e7a57d568220478cb3590ce532d4fad4ac68e6c02a14afced6a0619bfd3"));
        assertThat(wallet.status()).as("%s", wallet.body()).isEqualTo(200);
        BtseCalls.Answer renamed = calls.send("GET", "/user/wallet", null, Map.of("request-api", DOC_KEY,
                "request-nonce", "1624984297330",
                "request-sign", "14b986706a4368221e0af14a6725377161805e7a57d568220478cb3590ce532d4fad4ac68e6c02a14afced6a0619bfd3"));
        assertThat(renamed.status()).as("the renamed headers").isEqualTo(200);
        BtseCalls.Answer tampered = calls.send("GET", "/user/wallet", null, Map.of("btse-api", DOC_KEY,
                "btse-nonce", "1624984297331",
                "btse-sign", "14b986706a4368221e0af14a6725377161805e7a57d568220478cb3590ce532d4fad4ac68e6c02a14afced6a0619bfd3"));
        assertThat(tampered.status()).isEqualTo(401);
        assertThat(tampered.code()).isEqualTo(10002);

        String body = "{\"postOnly\":false,\"price\":8500.0,\"side\":\"BUY\",\"size\":0.002,\"stopPrice\":0.0,\"symbol\":\"BTC-USD\","
                + "\"time_in_force\":\"GTC\",\"trailValue\":0.0,\"triggerPrice\":0.0,\"txType\":\"LIMIT\",\"type\":\"LIMIT\"}";
        BtseCalls.Answer order = calls.send("POST", "/order", body, Map.of("btse-api", DOC_KEY, "btse-nonce", "1624985375123",
                "btse-sign", "e9cd0babdf497b536d1e48bc9cf1fadad3426b36406b5747d77ae4e3cdc9ab556863f2d0cf78e0228c39a064ad43afb7",
                "Content-Type", "application/json"));
        assertThat(order.status()).as("%s", order.body()).isEqualTo(200);
        assertThat(order.body().get(0).path("status").asInt()).as("inserted").isEqualTo(2);

        try (WsTestClient ws = new WsTestClient(sim.websocketUrl())) {
            ws.send("{\"op\":\"authKeyExpires\",\"args\":[\"" + DOC_KEY + "\",\"1624985375123\","
                    + "\"c410d38c681579adb335885800cff24c66171b7cc8376cfe43da1408c581748156b89bcc5a115bb496413bda481139fb\"]}");
            assertThat(ws.await(f -> f.contains("\"login\""), WAIT)).isEqualTo("{\"event\":\"login\",\"success\":true}");
            ws.send("{\"op\":\"authKeyExpires\",\"args\":[\"" + DOC_KEY + "\",\"1624985375124\","
                    + "\"c410d38c681579adb335885800cff24c66171b7cc8376cfe43da1408c581748156b89bcc5a115bb496413bda481139fb\"]}");
            assertThat(ws.await(f -> f.contains("\"login\""), WAIT)).isEqualTo("{\"event\":\"login\",\"success\":false}");
        }
        assertThat(doc.key()).isEqualTo(DOC_KEY);
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode ok(BtseCalls.Answer answer) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static void matches(String slug, JsonNode answer, Set<String> checked) {
        String file = seedFile(slug);
        checked.add(file);
        assertThat(JsonShape.differences(json(file), answer)).as("%s against %s", file, answer).isEmpty();
    }

    static JsonNode json(String file) {
        return BtseCalls.json(read(file));
    }

    static String read(String file) {
        try {
            return Files.readString(EXAMPLES.resolve(file)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String seedFile(String slug) {
        return seedFiles().stream().filter(name -> name.matches("seed-\\d\\d-" + slug + "\\.json")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no example " + slug));
    }

    private static Set<String> seedResponses() {
        return seedFiles().stream().filter(name -> name.endsWith("-response.json"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> seedFiles() {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.startsWith("seed-"))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path examples() {
        try {
            return Path.of(BtseSimulatorDocumentTest.class.getResource("/btse").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
