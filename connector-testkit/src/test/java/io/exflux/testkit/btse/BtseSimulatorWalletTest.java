package io.exflux.testkit.btse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.testkit.sim.ApiKeys;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wallet at the wire: withdrawals with their rules, conversions, transfers and addresses move exactly what they say. */
class BtseSimulatorWalletTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private BtseSimulator sim;
    private BtseCalls calls;

    @BeforeEach
    void start() {
        sim = BtseSimulator.start(BtseSimulatorOptions.builder().generatorEnabled(false).unthrottled().build());
        calls = new BtseCalls(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aWithdrawalTakesTheAmountOrTheAmountAndFeeAndNeverNineDecimals() {
        ApiKeys.ApiKey me = sim.createAccount(Map.of("BTC", new BigDecimal("1")));
        BtseCalls.Answer nine = calls.post("/user/wallet/withdraw",
                "{\"currency\":\"BTC-Bitcoin\",\"address\":\"a\",\"tag\":\"\",\"amount\":\"0.123456789\"}", me);
        assertThat(nine.status()).isEqualTo(400);
        assertThat(nine.code()).isEqualTo(3506);
        assertThat(balance(me, "BTC")).as("nothing left").isEqualByComparingTo("1");

        BtseCalls.Answer included = calls.post("/user/wallet/withdraw",
                "{\"currency\":\"BTC-Bitcoin\",\"address\":\"a\",\"tag\":\"\",\"amount\":\"0.1\"}", me);
        assertThat(included.status()).isEqualTo(200);
        assertThat(included.body().path("withdraw_id").asText()).isNotEmpty();
        assertThat(balance(me, "BTC")).as("the fee is inside the amount").isEqualByComparingTo("0.9");
        calls.post("/user/wallet/withdraw", "{\"currency\":\"BTC\",\"network\":\"Liquid\",\"address\":\"a\",\"amount\":\"0.1\","
                + "\"includeWithdrawFee\":false}", me);
        assertThat(balance(me, "BTC")).as("the fee on top").isEqualByComparingTo("0.7995");

        BtseCalls.Answer tooMuch = calls.post("/user/wallet/withdraw",
                "{\"currency\":\"BTC-Bitcoin\",\"address\":\"a\",\"amount\":\"5\"}", me);
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.code()).isEqualTo(51523);
        assertThat(calls.post("/user/wallet/withdraw", "{\"currency\":\"BTC-Ripple\",\"address\":\"a\",\"amount\":\"0.1\"}", me)
                .status()).as("a network BTC does not have").isEqualTo(400);

        JsonNode history = calls.get("/user/wallet_history?currency=BTC", me).body();
        assertThat(history).extracting(r -> r.path("type").asInt()).containsExactly(2, 2, 1);
        assertThat(history.get(0).path("amount").decimalValue()).isEqualByComparingTo("0.1005");
        assertThat(history.get(0).path("fees").decimalValue()).isEqualByComparingTo("0.0005");
        assertThat(history.get(0).path("currencyNetwork").asText()).isEqualTo("Liquid");
    }

    @Test
    void aConversionAndATransferMoveBalancesExactly() {
        ApiKeys.ApiKey me = sim.createAccount(Map.of("BTC", new BigDecimal("1")));
        ApiKeys.ApiKey friend = sim.createAccount("friend", "friend@example.com", Map.of());
        JsonNode converted = calls.post("/user/wallet/convert", "{\"amount\":\"0.25\",\"fromAsset\":\"BTC\",\"toAsset\":\"USD\"}", me).body();
        assertThat(converted.path("settlementAmount").decimalValue()).isEqualByComparingTo("16250");
        assertThat(balance(me, "BTC")).isEqualByComparingTo("0.75");
        assertThat(balance(me, "USD")).isEqualByComparingTo("16250");
        sim.convertRate("BTC", "USD", new BigDecimal("40000"));
        JsonNode back = calls.post("/user/wallet/convert", "{\"amount\":\"1000\",\"fromAsset\":\"USD\",\"toAsset\":\"BTC\"}", me).body();
        assertThat(back.path("rate").decimalValue()).isEqualByComparingTo("0.000025");
        assertThat(balance(me, "BTC")).isEqualByComparingTo("0.775");
        assertThat(calls.post("/user/wallet/convert", "{\"amount\":\"9\",\"fromAsset\":\"BTC\",\"toAsset\":\"USD\"}", me).code())
                .isEqualTo(51523);

        BtseCalls.Answer wrongMail = calls.post("/user/wallet/transfer", "{\"amount\":\"0.1\",\"asset\":\"BTC\",\"toUser\":\"friend\","
                + "\"toUserMail\":\"someone@example.com\"}", me);
        assertThat(wrongMail.status()).isEqualTo(400);
        JsonNode sent = calls.post("/user/wallet/transfer", "{\"amount\":\"0.100\",\"asset\":\"BTC\",\"toUser\":\"friend\","
                + "\"toUserMail\":\"friend@example.com\"}", me).body();
        assertThat(sent.path("amount").asText()).isEqualTo("0.1");
        assertThat(balance(me, "BTC")).isEqualByComparingTo("0.675");
        assertThat(balance(friend, "BTC")).isEqualByComparingTo("0.1");
        assertThat(calls.get("/user/wallet_history", friend).body().get(0).path("type").asInt()).as("Transfer_In").isEqualTo(3);
    }

    @Test
    void anUnusedAddressIsAnsweredWith400AndItselfUntilADepositUsesIt() {
        ApiKeys.ApiKey me = sim.createAccount(Map.of());
        JsonNode first = calls.post("/user/wallet/address", "{\"currency\":\"BTC\",\"network\":\"BITCOIN\"}", me).body();
        BtseCalls.Answer again = calls.post("/user/wallet/address", "{\"currency\":\"BTC\",\"network\":\"Bitcoin\"}", me);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body().get(0).path("address").asText()).isEqualTo(first.get(0).path("address").asText());
        sim.deposit(me, "BTC", new BigDecimal("0.5")).block(WAIT);
        BtseCalls.Answer fresh = calls.post("/user/wallet/address", "{\"currency\":\"BTC\",\"network\":\"Bitcoin\"}", me);
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.body().get(0).path("address").asText()).isNotEqualTo(first.get(0).path("address").asText());
        assertThat(calls.get("/user/wallet/address?currency=BTC&network=Bitcoin", me).body()).hasSize(2);
    }

    @Test
    void currenciesByActionNetworksAndHistoryAsText() {
        assertThat(calls.get("/availableCurrencies?action=WITHDRAW").body()).extracting(JsonNode::asText)
                .containsExactly("BTC", "ETH", "USDT");
        assertThat(calls.get("/availableCurrencies?action=CONVERT").body()).extracting(JsonNode::asText)
                .containsExactly("BTC", "ETH", "USD");
        assertThat(calls.get("/availableCurrencies?action=SELL").status()).isEqualTo(400);
        assertThat(calls.get("/availableCurrencyNetworks?currency=USD").body()).isEmpty();
        sim.close();
        sim = BtseSimulator.start(BtseSimulatorOptions.builder().generatorEnabled(false).historyAsText(true).build());
        calls = new BtseCalls(sim);
        ApiKeys.ApiKey me = sim.createAccount(Map.of("USD", BigDecimal.TEN));
        JsonNode record = calls.get("/user/wallet_history", me).body().get(0);
        assertThat(record.path("type").asText()).isEqualTo("Deposit");
        assertThat(record.path("status").asText()).isEqualTo("COMPLETED");
    }

    private BigDecimal balance(ApiKeys.ApiKey key, String currency) {
        return sim.balance(key, currency).block(WAIT);
    }
}
