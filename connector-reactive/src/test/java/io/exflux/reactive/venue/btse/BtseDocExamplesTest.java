package io.exflux.reactive.venue.btse;

import static io.exflux.reactive.venue.btse.BtseWire.WAIT;
import static io.exflux.reactive.venue.btse.BtseWire.answer;
import static io.exflux.reactive.venue.btse.BtseWire.only;
import static io.exflux.reactive.venue.btse.BtseWire.raw;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.venue.btse.model.BtseBalance;
import io.exflux.reactive.venue.btse.model.BtseConversion;
import io.exflux.reactive.venue.btse.model.BtseDepositAddress;
import io.exflux.reactive.venue.btse.model.BtseExchangeRate;
import io.exflux.reactive.venue.btse.model.BtseOrderBook;
import io.exflux.reactive.venue.btse.model.BtseServerTime;
import io.exflux.reactive.venue.btse.model.BtseTransfer;
import io.exflux.reactive.venue.btse.model.BtseWalletAction;
import io.exflux.reactive.venue.btse.model.BtseWalletHistoryEntry;
import io.exflux.reactive.venue.btse.model.BtseWalletHistoryQuery;
import io.exflux.reactive.venue.btse.model.BtseWalletStatus;
import io.exflux.reactive.venue.btse.model.BtseWalletType;
import io.exflux.reactive.venue.btse.model.BtseWithdrawal;
import io.exflux.reactive.venue.btse.model.BtseWithdrawalRequest;
import io.exflux.testkit.server.FakeVenueServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every JSON example of the wallet document (and the REST answers of the spot document), verbatim in
 * {@code src/test/resources/btse/}, answered by the loopback venue and read by the client into the right records;
 * the request examples are what the client sends.
 */
class BtseDocExamplesTest {

    @RegisterExtension
    static final BtseLoopback LOOPBACK = new BtseLoopback();
    private FakeVenueServer server;
    private BtseRestClient client;

    @BeforeEach
    void start() {
        server = LOOPBACK.server();
        client = LOOPBACK.client();
    }

    @Test
    void availableCurrencyNetworks() {
        answer(server, "GET", "availableCurrencyNetworks", "available-currency-networks");
        assertThat(client.availableCurrencyNetworks("BTC").collectList().block(WAIT))
                .containsExactly("Bitcoin", "Liquid");
        assertThat(only(server, "GET", "availableCurrencyNetworks").queryParam("currency")).isEqualTo("BTC");
    }

    @Test
    void exchangeRateIsUnwrapped() {
        answer(server, "GET", "exchangeRate", "exchange-rate");
        BtseExchangeRate rate = client.exchangeRate("BTC", "USD").block(WAIT);
        assertThat(rate.data()).isEqualByComparingTo("36051.55950285");
        assertThat(rate.code()).isEqualTo(1);
        assertThat(rate.success()).isTrue();
        assertThat(rate.time()).isEqualTo(Instant.ofEpochMilli(1643085970137L));
        assertThat(only(server, "GET", "exchangeRate").queryParam("targetCurrency")).isEqualTo("USD");
    }

    @Test
    void walletBalance() {
        answer(server, "GET", "user/wallet", "wallet");
        assertThat(client.wallet().collectList().block(WAIT)).containsExactly(
                new BtseBalance("USD", new BigDecimal("5566.5566"), new BigDecimal("520.52")));
    }

    @Test
    void walletHistoryWithEveryFilter() {
        answer(server, "GET", "user/wallet_history", "wallet-history");
        List<BtseWalletHistoryEntry> entries = client.walletHistory(new BtseWalletHistoryQuery("USD",
                Instant.ofEpochMilli(1624987283000L), Instant.ofEpochMilli(1624987284000L), 10, true))
                .collectList().block(WAIT);
        assertThat(entries).hasSize(1);
        BtseWalletHistoryEntry entry = entries.get(0);
        assertThat(entry.amount()).isEqualByComparingTo("21.35823825");
        assertThat(entry.fees()).isEqualByComparingTo("0.06");
        assertThat(entry.orderId()).isEqualTo("20181213000239");
        assertThat(entry.walletStatus()).isEqualTo(BtseWalletStatus.COMPLETED);
        assertThat(entry.walletType()).isEqualTo(BtseWalletType.DEPOSIT);
        assertThat(entry.timestamp()).isEqualTo(Instant.ofEpochMilli(1571630174639L));
        assertThat(entry.txid()).isEqualTo("<Blockchain Transaction ID>");
        assertThat(entry.currencyNetwork()).isEqualTo("<Blockchain currency network>");
        var seen = only(server, "GET", "user/wallet_history");
        assertThat(seen.queryParam("currency")).isEqualTo("USD");
        assertThat(seen.queryParam("startTime")).isEqualTo("1624987283000");
        assertThat(seen.queryParam("endTime")).isEqualTo("1624987284000");
        assertThat(seen.queryParam("count")).isEqualTo("10");
        assertThat(seen.queryParam("useNewSymbolNaming")).isEqualTo("true");
    }

    @Test
    void createWalletAddress() throws IOException {
        answer(server, "POST", "user/wallet/address", "create-wallet-address");
        BtseDepositAddress address = client.createDepositAddress("BTC", "LIQUID").block(WAIT);
        assertThat(address.address()).isEqualTo("Blockchain address");
        assertThat(address.createdAt()).isEqualTo(Instant.ofEpochSecond(1592627542L));
        JsonNode sent = Json.mapper().readTree(only(server, "POST", "user/wallet/address").bodyAsString());
        assertThat(sent.get("currency").asText()).isEqualTo("BTC");
        assertThat(sent.get("network").asText()).isEqualTo("LIQUID");
        assertThat(Json.mapper().readTree(raw("create-wallet-address-request")).fieldNames())
                .toIterable().allMatch(sent::has);
    }

    @Test
    void getWalletAddressSendsTheRequestExampleAsQuery() throws IOException {
        answer(server, "GET", "user/wallet/address", "get-wallet-address");
        BtseDepositAddress address = client.depositAddress("BTC", "LIQUID").block(WAIT);
        assertThat(address).isEqualTo(new BtseDepositAddress("Blockchain address", 1592627542L));
        var seen = only(server, "GET", "user/wallet/address");
        JsonNode example = Json.mapper().readTree(raw("get-wallet-address-request"));
        assertThat(seen.queryParam("currency")).isEqualTo(example.get("currency").asText());
        assertThat(seen.queryParam("network")).isEqualTo(example.get("network").asText());
        assertThat(seen.bodyLength()).isZero();
    }

    @Test
    void withdrawSendsTheRequestExample() throws IOException {
        answer(server, "POST", "user/wallet/withdraw", "withdraw");
        BtseWithdrawal answer = client.withdraw(new BtseWithdrawalRequest("BTC-Bitcoin", "BTCAddress", "Tag",
                new BigDecimal("0.001"), null)).block(WAIT);
        assertThat(answer.withdrawId()).isEqualTo("<withdrawal ID>");
        assertThat(Json.mapper().readTree(only(server, "POST", "user/wallet/withdraw").bodyAsString()))
                .isEqualTo(Json.mapper().readTree(raw("withdraw-request")));
    }

    @Test
    void availableCurrenciesByAction() {
        answer(server, "GET", "availableCurrencies", "available-currencies");
        assertThat(client.availableCurrencies(BtseWalletAction.SEND).collectList().block(WAIT))
                .containsExactly("USD", "JPY", "GBP", "HKD", "SGD");
        assertThat(only(server, "GET", "availableCurrencies").queryParam("action")).isEqualTo("SEND");
    }

    @Test
    void convertSendsTheRequestExample() throws IOException {
        answer(server, "POST", "user/wallet/convert", "convert");
        BtseConversion conversion = client.convert("BTC", "USD", new BigDecimal("1")).block(WAIT);
        assertThat(conversion).isEqualTo(new BtseConversion(new BigDecimal("1.0"), new BigDecimal("66680.43282"),
                "BTC", "USD", new BigDecimal("66680.43282")));
        assertThat(Json.mapper().readTree(only(server, "POST", "user/wallet/convert").bodyAsString()))
                .isEqualTo(Json.mapper().readTree(raw("convert-request")));
    }

    @Test
    void transferSendsTheRequestExample() throws IOException {
        answer(server, "POST", "user/wallet/transfer", "transfer");
        BtseTransfer transfer = client.transfer("BTC", new BigDecimal("1.0"), "jamesbond", "james.bond@google.com",
                null).block(WAIT);
        assertThat(transfer.amount()).isEqualByComparingTo("1");
        assertThat(transfer.toUserMail()).isEqualTo("james.bond@google.com");
        assertThat(Json.mapper().readTree(only(server, "POST", "user/wallet/transfer").bodyAsString()))
                .isEqualTo(Json.mapper().readTree(raw("transfer-request")));
    }

    @Test
    void serverTimeAndOrderBookOfTheSpotDocument() {
        answer(server, "GET", "time", "time");
        answer(server, "GET", "orderbook", "orderbook");
        BtseServerTime time = client.time().block(WAIT);
        assertThat(time.instant()).isEqualTo(Instant.parse("2021-06-29T18:14:30.886Z"));
        assertThat(time.epoch()).isEqualTo(1624990470L);
        BtseOrderBook book = client.orderBook("BTC-USD", 0, 5, 5).block(WAIT);
        assertThat(book.buyQuote()).hasSize(1);
        assertThat(book.buyQuote().get(0).price()).isEqualByComparingTo("36371.0");
        assertThat(book.buyQuote().get(0).size()).isEqualByComparingTo("0.01485");
        assertThat(book.timestamp()).isEqualTo(Instant.ofEpochMilli(1624989459489L));
        var seen = only(server, "GET", "orderbook");
        assertThat(seen.queryParam("group")).isEqualTo("0");
        assertThat(seen.queryParam("limit_bids")).isEqualTo("5");
        assertThat(seen.header("btse-sign")).as("public calls are not signed").isNull();
    }
}
