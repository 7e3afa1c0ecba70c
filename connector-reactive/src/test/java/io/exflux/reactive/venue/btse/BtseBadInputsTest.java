package io.exflux.reactive.venue.btse;

import static io.exflux.reactive.venue.btse.BtseWire.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.reactive.venue.btse.model.BtseAmendRequest;
import io.exflux.reactive.venue.btse.model.BtseAmendType;
import io.exflux.reactive.venue.btse.model.BtseOrderRequest;
import io.exflux.reactive.venue.btse.model.BtseOrderType;
import io.exflux.reactive.venue.btse.model.BtseTradeHistoryQuery;
import io.exflux.reactive.venue.btse.model.BtseWithdrawalRequest;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.docs.GeneratedSection;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

/**
 * Bad input fails with an {@code InvalidRequestException} naming the rule, and the request never leaves: the
 * loopback venue sees nothing but the market list that the rules are read from.
 */
class BtseBadInputsTest {

    @RegisterExtension
    static final BtseLoopback LOOPBACK = new BtseLoopback();
    private FakeVenueServer server;
    private BtseRestClient client;

    @BeforeEach
    void start() {
        server = LOOPBACK.server();
        client = LOOPBACK.client();
    }

    private void refused(Supplier<Mono<?>> call, String rule) {
        Throwable error = catchThrowable(() -> call.get().block(WAIT));
        assertThat(error).isInstanceOf(InvalidRequestException.class).hasMessageContaining(rule);
        assertThat(error.getMessage()).doesNotContainPattern("\\d{25}").hasSizeLessThan(300);
        assertThat(server.requests()).allMatch(r -> r.path().endsWith("/market_summary"));
    }

    private static BtseOrderRequest limit(String size, String price) {
        return BtseOrderRequest.limit("BTC-USD", "BUY", new BigDecimal(size), new BigDecimal(price));
    }

    @Test
    void aNineDecimalWithdrawalNeverLeaves() {
        refused(() -> client.withdraw(new BtseWithdrawalRequest("BTC-Bitcoin", "addr", null,
                new BigDecimal("0.123456789"), null)), "has 9 decimals, BTSE withdraws at most 8");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anEightDecimalWithdrawalWithTrailingZerosIsFine() {
        server.route("POST", BtseWire.API + "user/wallet/withdraw")
                .respond(io.exflux.testkit.server.FakeResponse.ok("{\"withdraw_id\":\"w-1\"}"));
        assertThat(client.withdraw(new BtseWithdrawalRequest("BTC-Bitcoin", "addr", null,
                new BigDecimal("0.12345678000"), null)).block(WAIT).withdrawId()).isEqualTo("w-1");
    }

    @Test
    void ordersBreakingTheMarketsIncrementsAndSizes() {
        refused(() -> client.placeOrder(limit("0.002", "8500.25")), "price 8500.25 is not a multiple of the "
                + "increment 0.5 of BTC-USD");
        refused(() -> client.placeOrder(limit("0.0025", "8500")), "size 0.0025 is not a multiple of the increment "
                + "0.001 of BTC-USD");
        refused(() -> client.placeOrder(limit("0.001", "8500")), "size 0.001 is below the minimum order size 0.002");
        refused(() -> client.placeOrder(limit("2001", "8500")), "size 2001 is above the maximum order size 2000");
        refused(() -> client.placeOrder(limit("0.002", "8500").withStop(new BigDecimal("8000.3"))),
                "stopPrice 8000.3 is not a multiple");
    }

    @Test
    void ordersMissingWhatTheirTypeNeeds() {
        refused(() -> client.placeOrder(new BtseOrderRequest("BTC-USD", new BigDecimal("0.002"), "BUY",
                BtseOrderType.LIMIT, null, null, null, null, null, null, null, null, null, null, null)),
                "price is required");
        refused(() -> client.placeOrder(new BtseOrderRequest("BTC-USD", new BigDecimal("0.002"), "BUY",
                BtseOrderType.PEG, null, null, null, null, null, null, null, null, null, new BigDecimal("11"), null)),
                "deviation must lie within -10..10, was 11");
        refused(() -> client.placeOrder(new BtseOrderRequest("BTC-USD", new BigDecimal("0.002"), "BUY",
                BtseOrderType.OCO, new BigDecimal("8500"), null, null, null, null, null, null, null, null, null,
                null)), "an OCO order needs a stopPrice or a triggerPrice");
        refused(() -> client.placeOrder(limit("0.002", "8500").withTrigger(null)), "a TRIGGER order needs a "
                + "triggerPrice");
        refused(() -> client.placeOrder(BtseOrderRequest.market("BTC-USD", "buy", new BigDecimal("1"))),
                "side must be BUY or SELL, was buy");
        refused(() -> client.placeOrder(BtseOrderRequest.market("BTC-USD", "BUY", new BigDecimal("1"))
                .withPostOnly(true)), "a MARKET order cannot be postOnly");
        refused(() -> client.placeOrder(limit("0.002", "8500").withClOrderID(" ")), "clOrderID must not be blank");
    }

    /** One row of the guide's table: what the caller passed, the words of the rule, the call. */
    record Row(String name, String rule, Function<BtseRestClient, Mono<?>> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("order at price 1E+999999999", "price 1E999999999 has more than 40 digits before or after "
                        + "the point", c -> c.placeOrder(limit("0.002", "1E+999999999"))),
                new Row("order of size 1E-999999999", "size 1E-999999999 has more than 40 digits",
                        c -> c.placeOrder(limit("1E-999999999", "8500"))),
                new Row("stop price -1E+999999999", "stopPrice -1E999999999 has more than 40 digits",
                        c -> c.placeOrder(limit("0.002", "8500").withStop(new BigDecimal("-1E+999999999")))),
                new Row("amendment to price 1E+999999999", "value 1E999999999 has more than 40 digits",
                        c -> c.amendOrder(BtseAmendRequest.of("BTC-USD", "1", BtseAmendType.PRICE,
                                new BigDecimal("1E+999999999")))),
                new Row("clOrderID of 100,000 characters", "clOrderID has 100000 characters, at most 64 are sent",
                        c -> c.placeOrder(limit("0.002", "8500").withClOrderID("x".repeat(100_000)))),
                new Row("clOrderID of 65 characters", "clOrderID has 65 characters, at most 64 are sent",
                        c -> c.placeOrder(limit("0.002", "8500").withClOrderID("x".repeat(65)))),
                new Row("blank clOrderID", "clOrderID must not be blank",
                        c -> c.placeOrder(limit("0.002", "8500").withClOrderID(" "))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void isRefusedBeforeSendingWithoutSpellingTheNumberOut(Row row) {
        refused(() -> row.call().apply(client), row.rule());
    }

    /** The rows above are the guide's table of BTSE's native client. */
    @Test
    void theGuidesTableIsTheseRows() {
        StringBuilder table = new StringBuilder("| Call | Error | The message names |\n|---|---|---|\n");
        rows().forEach(row -> table.append("| ").append(GeneratedSection.cell(row.name()))
                .append(" | InvalidRequestException | ").append(GeneratedSection.cell(row.rule())).append(" |\n"));
        GeneratedSection.check(Path.of("..", "docs", "guide", "bad-inputs.md"), "api-btse", table.toString());
    }

    @Test
    void anOrderOnAnUnknownMarket() {
        refused(() -> client.placeOrder(BtseOrderRequest.limit("ETH-USD", "BUY", BigDecimal.ONE, BigDecimal.TEN)),
                "BTSE has no market ETH-USD");
    }

    @Test
    void amendmentsNameOneOrderAndRespectTheIncrements() {
        refused(() -> client.amendOrder(new BtseAmendRequest("BTC-USD", "1", "mine", BtseAmendType.PRICE,
                BigDecimal.TEN, null, null, null)), "exactly one of orderID and clOrderID names the order");
        refused(() -> client.amendOrder(BtseAmendRequest.of("BTC-USD", "1", BtseAmendType.PRICE,
                new BigDecimal("8500.2"))), "price 8500.2 is not a multiple of the increment 0.5");
        refused(() -> client.amendOrder(new BtseAmendRequest("BTC-USD", "1", null, BtseAmendType.ALL, null, null,
                null, null)), "an ALL amendment needs orderPrice, orderSize or triggerPrice");
    }

    @Test
    void windowsAndRangesOfTheQueries() {
        Instant now = Instant.parse("2026-01-10T00:00:00Z");
        refused(() -> client.tradeHistory(new BtseTradeHistoryQuery("BTC-USD", now.minus(Duration.ofDays(8)), now,
                null, null, null, null)).collectList(), "trade history window must be at most 7 days");
        refused(() -> client.trades("BTC-USD", now.minus(Duration.ofDays(31)), now, null).collectList(),
                "trades window must be at most 30 days");
        refused(() -> client.tradeHistory(BtseTradeHistoryQuery.of(null)).collectList(),
                "trade history needs a symbol");
        refused(() -> client.orderBook("BTC-USD", 9, null, null), "orderbook group must lie within 0..8, was 9");
        refused(() -> client.cancelOrder("BTC-USD", "1", "mine"), "not both");
        refused(() -> client.cancelAllAfter(Duration.ofSeconds(-1)), "not negative");
        refused(() -> client.convert("BTC", "USD", BigDecimal.ZERO), "convert amount must be positive, was 0");
        refused(() -> client.transfer("BTC", BigDecimal.ONE, "jamesbond", null, null),
                "transfer needs asset, toUser and toUserMail");
        refused(() -> client.createDepositAddress("BTC", null), "needs a currency and a network");
    }

    @Test
    void privateCallsWithoutCredentialsNeverLeave() {
        BtseRestClient anonymous = new BtseRestClient(LOOPBACK.options().credentials(null).build());
        Throwable error = catchThrowable(() -> anonymous.wallet().collectList().block(WAIT));
        assertThat(error).isInstanceOf(AuthenticationException.class).hasMessageContaining("without credentials");
        assertThat(server.requests()).isEmpty();
    }
}
