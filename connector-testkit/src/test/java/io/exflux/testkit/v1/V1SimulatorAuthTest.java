package io.exflux.testkit.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.testkit.sim.ApiKeys;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code X-KEY}, {@code X-SIGN} and {@code X-NONCE} as the simulator checks them, and the documents' check values. */
class V1SimulatorAuthTest {

    private static final Map<String, String> ORDER = orderedForm("type", "buy", "pair", "BTC_USD", "amount", "1.0",
            "price", "870.69");

    @Test
    void theCheckValuesOfTheWireFactsAreWhatTheSignerComputes() {
        assertThat(V1Signature.sign("KEY", "SECRET", ORDER))
                .isEqualTo("79e66cef4da7752544b7b078f60e884a5e754649bc3122b475705f2b11623c41");
        assertThat(V1Signature.sign("KEY", "SECRET", Map.of("order", "63568")))
                .isEqualTo("5bb8b6d6422529e1b17c6f23255cff8469be1ff0bd175ad8c2d0818c1a5155a2");
        assertThat(V1Signature.sign("KEY", "SECRET", Map.of()))
                .isEqualTo("34d70abd5a877bae7798ca9719003a7afc2c5ff0bfb7100431c282afeca9bc8e");
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void theThreeCheckValuesVerifyOnTheWire(V1Dialect dialect) {
        try (V1Simulator sim = V1Simulator.start(V1SimulatorOptions.builder(dialect).generatorEnabled(false).unthrottled().build())) {
            V1Calls calls = new V1Calls(sim);
            ApiKeys.ApiKey key = sim.createAccount("KEY", "SECRET", Map.of("USD", new BigDecimal("1000")));

            V1Calls.Answer placed = calls.send("POST", "/v1/order/", ORDER, key,
                    "79e66cef4da7752544b7b078f60e884a5e754649bc3122b475705f2b11623c41");
            assertThat(placed.status()).as("%s", placed.body()).isEqualTo(200);
            assertThat(placed.body().path("price").decimalValue()).isEqualByComparingTo("870.69");

            V1Calls.Answer cancel = calls.send("POST", "/v1/order-cancel/", Map.of("order", "63568"), key,
                    "5bb8b6d6422529e1b17c6f23255cff8469be1ff0bd175ad8c2d0818c1a5155a2");
            assertThat(cancel.status()).as("signed right, but no such order").isEqualTo(400);
            assertThat(cancel.error()).contains("Order not found");

            V1Calls.Answer wallets = calls.send("GET", "/v1/wallets/", Map.of(), key,
                    "34d70abd5a877bae7798ca9719003a7afc2c5ff0bfb7100431c282afeca9bc8e");
            assertThat(wallets.status()).isEqualTo(200);
            assertThat(wallets.body()).anySatisfy(w -> assertThat(w.path("reserve").decimalValue()).isEqualByComparingTo("870.69"));
        }
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void aJsonBodyIsSignedOverTheSameSortedUrlencodedParametersAsAForm(V1Dialect dialect) {
        try (V1Simulator sim = V1Simulator.start(V1SimulatorOptions.builder(dialect).generatorEnabled(false).unthrottled().build())) {
            V1Calls calls = new V1Calls(sim);
            sim.createAccount("KEY", "SECRET", Map.of("USD", new BigDecimal("1000")));
            String json = "{\"type\":\"buy\",\"pair\":\"BTC_USD\",\"amount\":1.0,\"price\":870.69}";
            V1Calls.Answer placed = calls.send("POST", "/v1/order/", json, "application/json", Map.of("X-KEY", "KEY",
                    "X-SIGN", "79e66cef4da7752544b7b078f60e884a5e754649bc3122b475705f2b11623c41", "X-NONCE", "1"));
            assertThat(placed.status()).as("%s", placed.body()).isEqualTo(200);
            assertThat(placed.body().path("amount").decimalValue()).isEqualByComparingTo("1");
        }
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void aWrongSignatureAStaleNonceAndAMissingKeyAnswerTheDocumentedErrors(V1Dialect dialect) {
        try (V1Simulator sim = V1Simulator.start(V1SimulatorOptions.builder(dialect).generatorEnabled(false).unthrottled().build())) {
            V1Calls calls = new V1Calls(sim);
            ApiKeys.ApiKey key = sim.createAccount(Map.of("USD", new BigDecimal("1000")));
            String sign = V1Signature.sign(key.key(), key.secret(), ORDER);

            V1Calls.Answer wrong = calls.send("POST", "/v1/order/", ORDER, key, sign.replace(sign.charAt(0), sign.charAt(0) == 'a' ? 'b' : 'a'));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.error()).isEqualTo("Invalid sign");
            assertThat(wrong.body().path("date").isNumber()).isTrue();

            V1Calls.Answer missing = calls.send("GET", "/v1/wallets/", Map.of(), Map.of());
            assertThat(missing.status()).isEqualTo(401);
            assertThat(missing.error()).isEqualTo("X-KEY header is required");

            V1Calls.Answer unknown = calls.send("GET", "/v1/wallets/", Map.of(),
                    Map.of("X-KEY", "nobody", "X-SIGN", "00", "X-NONCE", "1"));
            assertThat(unknown.status()).isEqualTo(401);
            assertThat(unknown.error()).isEqualTo("Invalid key");

            String walletsSign = V1Signature.sign(key.key(), key.secret(), Map.of());
            Map<String, String> first = Map.of("X-KEY", key.key(), "X-SIGN", walletsSign, "X-NONCE", "1700000000000");
            assertThat(calls.send("GET", "/v1/wallets/", Map.of(), first).status()).isEqualTo(200);
            V1Calls.Answer stale = calls.send("GET", "/v1/wallets/", Map.of(), first);
            assertThat(stale.status()).as("the same nonce again").isEqualTo(401);
            assertThat(stale.error()).startsWith("Invalid nonce");
            Map<String, String> older = Map.of("X-KEY", key.key(), "X-SIGN", walletsSign, "X-NONCE", "1699999999999");
            assertThat(calls.send("GET", "/v1/wallets/", Map.of(), older).error()).startsWith("Invalid nonce");
            Map<String, String> newer = Map.of("X-KEY", key.key(), "X-SIGN", walletsSign, "X-NONCE", "1700000000001");
            assertThat(calls.send("GET", "/v1/wallets/", Map.of(), newer).status()).isEqualTo(200);
        }
    }

    @Test
    void bothUrlencodingsOfTheDocumentsSnippetsAreAccepted() {
        Map<String, String> form = Map.of("note", "a b*c");
        assertThat(V1Signature.encode(form, true)).isEqualTo("note=a+b%2Ac");
        assertThat(V1Signature.encode(form, false)).isEqualTo("note=a%20b*c");
        String python = V1Signature.sign("K", "S", form);
        assertThat(V1Signature.verify("K", "S", form, false, python)).isTrue();
        assertThat(V1Signature.verify("K", "S", form, false, python.toUpperCase())).as("hex in any case").isTrue();
        assertThat(V1Signature.verify("K", "S", form, false, V1Signature.sign("K", "S", Map.of()))).isFalse();
        assertThat(V1Signature.verify("K", "S", form, true, V1Signature.sign("K", "S", Map.of())))
                .as("a GET may sign the key alone").isTrue();
    }

    private static Map<String, String> orderedForm(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }
}
