package io.exflux.reactive.venue.btse;

import static io.exflux.reactive.venue.btse.BtseWire.WAIT;
import static io.exflux.reactive.venue.btse.BtseWire.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.InsufficientFundsException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.RateLimitedException;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.RateLimit;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.venue.btse.internal.BtseOrderChecks;
import io.exflux.reactive.venue.btse.model.BtseDepositAddress;
import io.exflux.reactive.venue.btse.model.BtseFees;
import io.exflux.reactive.venue.btse.model.BtseOrderRequest;
import io.exflux.reactive.venue.btse.model.BtseTradeHistoryQuery;
import io.exflux.reactive.venue.btse.model.BtseUserTrade;
import io.exflux.reactive.venue.btse.model.BtseWalletHistoryEntry;
import io.exflux.reactive.venue.btse.model.BtseWalletHistoryQuery;
import io.exflux.reactive.venue.btse.model.BtseWalletStatus;
import io.exflux.reactive.venue.btse.model.BtseWalletType;
import io.exflux.reactive.venue.btse.model.BtseWithdrawalRequest;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The REST items of the wallet document's inconsistencies (docs/venues/btse.md lists them), each with the choice
 * made. Items 1 (the spot endpoints live in another document) and 2/3 (headers, signed path) are also covered by
 * {@code BtseDocExamplesTest} and {@code BtseSignatureTest}.
 */
class BtseInconsistenciesTest {

    @RegisterExtension
    static final BtseLoopback LOOPBACK = new BtseLoopback();
    private FakeVenueServer server;
    private BtseRestClient client;

    @BeforeEach
    void start() {
        server = LOOPBACK.server();
        client = LOOPBACK.client();
    }

    /** 1: the spot market-data and order endpoints (from the spot document) are served beside the wallet's. */
    @Test
    void item1SpotEndpointsBesideTheWallet() {
        BtseWire.markets(server);
        server.route("GET", BtseWire.API + "price").respond(FakeResponse.ok("[{\"symbol\":\"BTC-USD\","
                + "\"indexPrice\":36000,\"lastPrice\":36000.5,\"markPrice\":36000.2}]"));
        assertThat(client.marketSummary("BTC-USD").blockFirst(WAIT).minPriceIncrement()).isEqualByComparingTo("0.5");
        assertThat(client.price("BTC-USD").blockFirst(WAIT).lastPrice()).isEqualByComparingTo("36000.5");
    }

    /** 2 and 3: the document's btse-* headers by default; the signature covers the path without /spot. */
    @Test
    void items2And3HeadersAndSignedPath() {
        server.route("GET", BtseWire.API + "user/wallet").respond(FakeResponse.ok("[]"));
        client.wallet().collectList().block(WAIT);
        var seen = only(server, "GET", "user/wallet");
        assertThat(seen.path()).isEqualTo("/spot/api/v3.2/user/wallet");
        assertThat(seen.header("btse-sign")).isEqualTo(new io.exflux.reactive.venue.btse.internal.BtseSignature(
                BtseWire.API_KEY, BtseWire.SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                BtseHeaderNaming.BTSE).sign("/api/v3.2/user/wallet", Long.parseLong(seen.header("btse-nonce")), null));
    }

    /** 4: wallet history status and type as numbers or as names; orderId as number or text; wallet kept as sent. */
    @Test
    void item4WalletHistoryNumbersOrNames() {
        server.route("GET", BtseWire.API + "user/wallet_history").respond(FakeResponse.ok("["
                + "{\"amount\":1,\"currency\":\"BTC\",\"orderId\":20181213000239,\"status\":10,\"type\":2,"
                + "\"wallet\":\"Wallet\",\"timestamp\":1571630174639},"
                + "{\"amount\":\"2\",\"currency\":\"BTC\",\"orderId\":\"X-1\",\"status\":\"PROCESSING\","
                + "\"type\":\"Transfer_Out\",\"wallet\":\"@SPOT\",\"timestamp\":\"1571630174640\"},"
                + "{\"amount\":3,\"currency\":\"BTC\",\"orderId\":\"X-2\",\"status\":\"EXPIRED\","
                + "\"type\":\"token voucher in\"}]"));
        List<BtseWalletHistoryEntry> entries = client.walletHistory(BtseWalletHistoryQuery.ALL).collectList()
                .block(WAIT);
        assertThat(entries).extracting(BtseWalletHistoryEntry::walletStatus)
                .containsExactly(BtseWalletStatus.COMPLETED, BtseWalletStatus.PROCESSING, BtseWalletStatus.EXPIRED);
        assertThat(entries).extracting(BtseWalletHistoryEntry::walletType)
                .containsExactly(BtseWalletType.WITHDRAW, BtseWalletType.TRANSFER_OUT, BtseWalletType.OTHER);
        assertThat(entries).extracting(BtseWalletHistoryEntry::orderId).containsExactly("20181213000239", "X-1", "X-2");
        assertThat(entries).extracting(BtseWalletHistoryEntry::wallet).containsExactly("Wallet", "@SPOT", null);
        assertThat(entries.get(2).type()).isEqualTo("token voucher in");
    }

    /** 5: the GET address call sends its parameters as a query, no body. */
    @Test
    void item5GetAddressWithQueryNotBody() {
        server.route("GET", BtseWire.API + "user/wallet/address").respond(FakeResponse.ok("[]"));
        assertThat(client.depositAddress("BTC", "LIQUID").block(WAIT)).isNull();
        var seen = only(server, "GET", "user/wallet/address");
        assertThat(seen.queryParam("network")).isEqualTo("LIQUID");
        assertThat(seen.bodyLength()).isZero();
    }

    /** 6: network is required (the example omits it); a 400 carrying the existing unused address is the answer. */
    @Test
    void item6CreateAddressNeedsANetworkAndA400WithAnAddressIsAnAnswer() {
        Throwable missing = catchThrowable(() -> client.createDepositAddress("BTC-LIQUID", null).block(WAIT));
        assertThat(missing).isInstanceOf(InvalidRequestException.class);
        assertThat(server.requests()).isEmpty();
        server.route("POST", BtseWire.API + "user/wallet/address").respond(FakeResponse.json(400,
                "[{\"address\":\"bc1-unused\",\"created\":1592627542}]"));
        assertThat(client.createDepositAddress("BTC", "Bitcoin").block(WAIT))
                .isEqualTo(new BtseDepositAddress("bc1-unused", 1592627542L));
        server.route("POST", BtseWire.API + "user/wallet/address").respond(FakeResponse.json(400,
                "{\"code\":400,\"msg\":\"BADREQUEST: invalid network\"}"));
        assertThat(catchThrowable(() -> client.createDepositAddress("BTC", "Nope").block(WAIT)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("invalid network");
    }

    /** 7: the tag is sent empty when none; 3506 is a typed refusal never retried; withdraw_id or withdrawId. */
    @Test
    void item7WithdrawTagCodeAndIdSpellings() throws Exception {
        server.route("POST", BtseWire.API + "user/wallet/withdraw").respond(
                FakeResponse.ok("{\"withdrawId\":\"w-2\"}"),
                FakeResponse.json(400, "{\"code\":3506,\"msg\":\"CRYPTO_WITHDRAW_INVALID_AMOUNT\"}"));
        BtseWithdrawalRequest request = new BtseWithdrawalRequest("XRP-Ripple", "r-addr", null,
                new BigDecimal("1.5"), false);
        assertThat(client.withdraw(request).block(WAIT).withdrawId()).isEqualTo("w-2");
        var sent = Json.mapper().readTree(server.requests("POST", BtseWire.API + "user/wallet/withdraw").get(0)
                .bodyAsString());
        assertThat(sent.get("tag").asText()).isEmpty();
        assertThat(sent.get("amount").asText()).isEqualTo("1.5");
        assertThat(sent.get("includeWithdrawFee").asBoolean()).isFalse();
        Throwable refused = catchThrowable(() -> client.withdraw(request).block(WAIT));
        assertThat(refused).isInstanceOf(InvalidRequestException.class).hasMessageContaining("3506");
        assertThat(server.requests("POST", BtseWire.API + "user/wallet/withdraw")).hasSize(2);
    }

    /** 8: exchangeRate's wrapped answer (covered verbatim in BtseDocExamplesTest); a bare number is refused. */
    @Test
    void item8OnlyTheWrappedRateIsRead() {
        server.route("GET", BtseWire.API + "exchangeRate").respond(FakeResponse.ok("36051.5"));
        assertThat(catchThrowable(() -> client.exchangeRate("BTC", "USD").block(WAIT)))
                .isInstanceOf(io.exflux.api.error.ProtocolException.class);
    }

    /** 9: a transfer echoes "1" for "1.0": amounts compare by value; convert numbers for string requests. */
    @Test
    void item9EchoedAmountsCompareByValue() {
        server.route("POST", BtseWire.API + "user/wallet/transfer").respond(FakeResponse.ok(BtseWire.raw("transfer")));
        assertThat(client.transfer("BTC", new BigDecimal("1.0"), "jamesbond", "james.bond@google.com", null)
                .block(WAIT).amount()).isEqualByComparingTo(new BigDecimal("1.0"));
    }

    /** 10: wallet 5/s from the wallet document, query 15/s and orders 75/s from the spot document; 429 is typed. */
    @Test
    void item10RateLimitScopesAndA429() {
        BtseOptions defaults = BtseOptions.defaults();
        assertThat(defaults.rateLimit(BtseOptions.WALLET_SCOPE)).contains(RateLimit.perSecond(5));
        assertThat(defaults.rateLimit(BtseOptions.QUERY_SCOPE)).contains(RateLimit.perSecond(15));
        assertThat(defaults.rateLimit(BtseOptions.ORDERS_SCOPE)).contains(RateLimit.perSecond(75));
        server.route("POST", BtseWire.API + "user/wallet/convert").respond(FakeResponse.tooManyRequests("7"));
        Throwable limited = catchThrowable(() -> client.convert("BTC", "USD", BigDecimal.ONE).block(WAIT));
        assertThat(limited).isInstanceOf(RateLimitedException.class);
        assertThat(((RateLimitedException) limited).retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(server.requests("POST", BtseWire.API + "user/wallet/convert")).as("never retried").hasSize(1);
    }

    /** A 429 on a query is waited out for its Retry-After (on the client's clock), then the query is sent again. */
    @Test
    void item10ARetryAfterIsHonouredForQueries() throws Exception {
        reactor.test.scheduler.VirtualTimeScheduler time = reactor.test.scheduler.VirtualTimeScheduler.create();
        ClientResources virtual = ClientResources.builder().scheduler(time).build();
        try {
            server.route("GET", BtseWire.API + "user/wallet").respond(FakeResponse.tooManyRequests("3"),
                    FakeResponse.ok(BtseWire.raw("wallet")));
            BtseRestClient patient = new BtseRestClient(BtseWire.options(server, virtual).maxAttempts(2).build());
            var answer = patient.wallet().collectList().toFuture();
            awaitRequests(1);
            // the virtual clock moves in steps until the retry arrives: never before the 3 s the venue asked for
            Duration advanced = Duration.ZERO;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (server.requests("GET", BtseWire.API + "user/wallet").size() < 2 && System.nanoTime() < deadline) {
                time.advanceTimeBy(Duration.ofMillis(100));
                advanced = advanced.plusMillis(100);
                Thread.sleep(5);
            }
            assertThat(advanced).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
            assertThat(answer.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).hasSize(1);
            assertThat(server.requests("GET", BtseWire.API + "user/wallet")).hasSize(2);
        } finally {
            virtual.shutdown().subscribe();
        }
    }

    private void awaitRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (server.requests("GET", BtseWire.API + "user/wallet").size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** 11: STOP takes stopPrice or triggerPrice; /price without symbol; "sell" in any case; lower-case fee keys. */
    @Test
    void item11SpotDocumentDrift() {
        BtseOrderRequest base = BtseOrderRequest.limit("BTC-USD", "SELL", BigDecimal.ONE, BigDecimal.TEN);
        assertThat(BtseOrderChecks.violations(base.withStop(new BigDecimal("9")))).isEmpty();
        BtseOrderRequest stopByTrigger = new BtseOrderRequest("BTC-USD", BigDecimal.ONE, "SELL", base.type(),
                BigDecimal.TEN, null, io.exflux.reactive.venue.btse.model.BtseTxType.STOP, null, new BigDecimal("9"),
                null, null, null, null, null, null);
        assertThat(BtseOrderChecks.violations(stopByTrigger)).isEmpty();

        server.route("GET", BtseWire.API + "price").respond(FakeResponse.ok("[]"));
        client.price(null).collectList().block(WAIT);
        assertThat(only(server, "GET", "price").rawQuery()).isNullOrEmpty();

        server.route("GET", BtseWire.API + "user/trade_history").respond(FakeResponse.ok("[{\"tradeId\":\"t\","
                + "\"side\":\"sell\",\"symbol\":\"BTC-USD\",\"price\":1,\"size\":1,\"timestamp\":1624985375123}]"));
        BtseUserTrade trade = client.tradeHistory(BtseTradeHistoryQuery.of("BTC-USD")).blockFirst(WAIT);
        assertThat(io.exflux.reactive.venue.btse.internal.BtseMapper.fill(trade).side())
                .isEqualTo(io.exflux.api.model.Side.SELL);

        server.route("GET", BtseWire.API + "user/fees").respond(FakeResponse.ok(
                "{\"makerfee\":0.001,\"takerfee\":0.002,\"symbol\":\"BTC-USD\"}"));
        assertThat(client.fees("BTC-USD").collectList().block(WAIT)).containsExactly(
                new BtseFees(new BigDecimal("0.001"), new BigDecimal("0.002"), "BTC-USD"));
    }

    /** Error bodies of the spot document: 10002 authentication, 51523 insufficient balance. */
    @Test
    void theDocumentedErrorBodies() {
        server.route("GET", BtseWire.API + "user/wallet").respond(FakeResponse.json(401,
                BtseWire.raw("error-unauthorized")));
        assertThat(catchThrowable(() -> client.wallet().collectList().block(WAIT)))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("10002");
        server.route("POST", BtseWire.API + "user/wallet/convert").respond(FakeResponse.json(400,
                BtseWire.raw("error-insufficient-balance")));
        assertThat(catchThrowable(() -> client.convert("BTC", "USD", BigDecimal.TEN).block(WAIT)))
                .isInstanceOf(InsufficientFundsException.class).hasMessageContaining("51523");
    }
}
