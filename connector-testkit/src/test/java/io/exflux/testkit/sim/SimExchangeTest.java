package io.exflux.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.api.model.TimeInForce;
import io.exflux.testkit.sim.SimRejectedException.Reason;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimExchangeTest {

    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");
    private final List<SimEvent> events = new ArrayList<>();
    private SimExchange ex;
    private long alice;
    private long bob;

    @BeforeEach
    void setUp() {
        ex = new SimExchange(Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC), events::add);
        ex.addMarket(MarketSpec.of("BTC", "USDT", 2, 4, "0.001", "100", "1"));
        alice = fund(ex.createAccount());
        bob = fund(ex.createAccount());
    }

    private long fund(long account) {
        ex.deposit(account, "SPOT", "BTC", new BigDecimal("10"));
        ex.deposit(account, "SPOT", "USDT", new BigDecimal("100000"));
        return account;
    }

    private SimBalance balance(long account, String currency) {
        return ex.balances(account).stream().filter(b -> b.currency().equals(currency)).findFirst().orElseThrow();
    }

    private static void assertLevel(List<PriceLevel> levels, String price, String amount) {
        assertThat(levels).singleElement().satisfies(level -> {
            assertThat(level.price()).isEqualByComparingTo(price);
            assertThat(level.amount()).isEqualByComparingTo(amount);
        });
    }

    private static BigDecimal dec(String text) {
        return new BigDecimal(text);
    }

    @Test
    void restingLimitOrderReservesQuoteAndShowsOnTheBook() {
        SimOrder order = ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.BUY, "2", "100"));

        assertThat(order.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(balance(alice, "USDT").reserved()).isEqualByComparingTo("200");
        assertThat(balance(alice, "USDT").available()).isEqualByComparingTo("99800");
        assertLevel(ex.book(BTC_USDT, 5).bids(), "100", "2");
    }

    @Test
    void partialFillLeavesTheRestOnTheBookAndMovesFunds() {
        ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.SELL, "3", "100"));
        SimOrder taker = ex.place(SimOrderRequest.limit(bob, BTC_USDT, Side.BUY, "1", "105"));

        assertThat(taker.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(taker.filledValue()).isEqualByComparingTo("100");
        assertLevel(ex.book(BTC_USDT, 5).asks(), "100", "2");
        SimOrder maker = ex.orders(alice).get(0);
        assertThat(maker.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(maker.filled()).isEqualByComparingTo("1");
        // bob paid at the maker's price, and the extra reserve at 105 was released
        assertThat(balance(bob, "USDT").total()).isEqualByComparingTo("99900");
        assertThat(balance(bob, "USDT").reserved()).isZero();
        assertThat(balance(bob, "BTC").total()).isEqualByComparingTo("11");
        assertThat(balance(alice, "BTC").total()).isEqualByComparingTo("9");
        assertThat(balance(alice, "BTC").reserved()).isEqualByComparingTo("2");
        assertThat(balance(alice, "USDT").total()).isEqualByComparingTo("100100");
        assertThat(ex.trades()).singleElement().satisfies(t -> {
            assertThat(t.price()).isEqualByComparingTo("100");
            assertThat(t.amount()).isEqualByComparingTo("1");
            assertThat(t.takerSide()).isEqualTo(Side.BUY);
        });
    }

    @Test
    void priceThenTimePriority() {
        SimOrder first = ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.SELL, "1", "101"));
        SimOrder second = ex.place(SimOrderRequest.limit(bob, BTC_USDT, Side.SELL, "1", "101"));
        SimOrder better = ex.place(SimOrderRequest.limit(bob, BTC_USDT, Side.SELL, "1", "100.5"));

        ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.BUY, "1.5", "102"));

        List<SimTrade> trades = ex.trades();
        assertThat(trades).extracting(SimTrade::makerOrderId).containsExactly(better.id(), first.id());
        assertThat(trades).extracting(SimTrade::price).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(dec("100.5"), dec("101"));
        assertThat(ex.order(first.id()).orElseThrow().filled()).isEqualByComparingTo("0.5");
        assertThat(ex.order(second.id()).orElseThrow().filled()).isZero();
    }

    @Test
    void iocCancelsWhatDoesNotFillAtOnce() {
        ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.SELL, "1", "100"));
        SimOrder ioc = ex.place(SimOrderRequest.limit(bob, BTC_USDT, Side.BUY, "3", "100")
                .withTimeInForce(TimeInForce.IOC));

        assertThat(ioc.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(ioc.filled()).isEqualByComparingTo("1");
        assertThat(ioc.canceled()).isEqualByComparingTo("2");
        assertThat(ex.book(BTC_USDT, 5).bids()).isEmpty();
        assertThat(balance(bob, "USDT").reserved()).isZero();
    }

    @Test
    void fokTradesNothingUnlessItFillsCompletely() {
        ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.SELL, "1", "100"));
        SimOrder fok = ex.place(SimOrderRequest.limit(bob, BTC_USDT, Side.BUY, "2", "100")
                .withTimeInForce(TimeInForce.FOK));

        assertThat(fok.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(fok.filled()).isZero();
        assertThat(ex.trades()).isEmpty();
        assertThat(balance(bob, "USDT").reserved()).isZero();

        SimOrder fits = ex.place(SimOrderRequest.limit(bob, BTC_USDT, Side.BUY, "1", "100")
                .withTimeInForce(TimeInForce.FOK));
        assertThat(fits.status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void postOnlyThatWouldTakeIsRejectedAndReservesNothing() {
        ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.SELL, "1", "100"));

        assertThatThrownBy(() -> ex.place(SimOrderRequest.limit(bob, BTC_USDT, Side.BUY, "1", "100").withPostOnly(true)))
                .isInstanceOfSatisfying(SimRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.POST_ONLY_WOULD_TAKE));
        assertThat(balance(bob, "USDT").reserved()).isZero();
        assertThat(ex.trades()).isEmpty();

        SimOrder maker = ex.place(SimOrderRequest.limit(bob, BTC_USDT, Side.BUY, "1", "99.99").withPostOnly(true));
        assertThat(maker.status()).isEqualTo(OrderStatus.OPEN);
    }

    @Test
    void marketBuyByQuoteSpendsAtMostTheQuoteAmountAcrossLevels() {
        ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.SELL, "1", "100"));
        ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.SELL, "1", "200"));

        SimOrder market = ex.place(SimOrderRequest.marketByQuote(bob, BTC_USDT, Side.BUY, "150"));

        assertThat(market.filled()).isEqualByComparingTo("1.25");
        assertThat(market.filledValue()).isEqualByComparingTo("150");
        assertThat(market.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(balance(bob, "USDT").total()).isEqualByComparingTo("99850");
        assertThat(balance(bob, "USDT").reserved()).isZero();
        assertLevel(ex.book(BTC_USDT, 5).asks(), "200", "0.75");
    }

    @Test
    void marketSellByBaseWalksTheBids() {
        ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.BUY, "1", "100"));
        ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.BUY, "1", "90"));

        SimOrder market = ex.place(SimOrderRequest.marketByBase(bob, BTC_USDT, Side.SELL, "1.5"));

        assertThat(market.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(market.filledValue()).isEqualByComparingTo("145");
        assertThat(balance(bob, "BTC").total()).isEqualByComparingTo("8.5");
        assertThat(balance(alice, "USDT").reserved()).isEqualByComparingTo("45");
    }

    @Test
    void stopLimitWaitsForTheLastTradePriceThenTrades() {
        // bob: buy stop at 105, limit 110
        SimOrder stop = ex.place(SimOrderRequest.limit(bob, BTC_USDT, Side.BUY, "1", "110")
                .withStop("105", null));
        assertThat(stop.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(balance(bob, "USDT").reserved()).isEqualByComparingTo("110");
        ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.SELL, "1", "104"));
        ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.SELL, "1", "106"));

        long carol = fund(ex.createAccount());
        ex.place(SimOrderRequest.marketByBase(carol, BTC_USDT, Side.BUY, "1")); // prints 104: below the stop
        assertThat(ex.order(stop.id()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);

        ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.SELL, "0.5", "105"));
        ex.place(SimOrderRequest.marketByBase(carol, BTC_USDT, Side.BUY, "0.5")); // prints 105: triggers

        SimOrder triggered = ex.order(stop.id()).orElseThrow();
        assertThat(triggered.triggered()).isTrue();
        assertThat(triggered.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(triggered.filledValue()).isEqualByComparingTo("106");
        assertThat(balance(bob, "USDT").reserved()).isZero();
        assertThat(balance(bob, "USDT").total()).isEqualByComparingTo("99894");
    }

    @Test
    void stopMarketSellTriggersAtOrBelow() {
        ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.BUY, "1", "100"));
        ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.BUY, "1", "95"));
        SimOrder stop = ex.place(SimOrderRequest.marketByBase(bob, BTC_USDT, Side.SELL, "1")
                .withStop("98", StopCondition.AT_OR_BELOW));
        assertThat(balance(bob, "BTC").reserved()).isEqualByComparingTo("1");

        long carol = fund(ex.createAccount());
        ex.place(SimOrderRequest.marketByBase(carol, BTC_USDT, Side.SELL, "1")); // prints 100
        assertThat(ex.order(stop.id()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
        ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.BUY, "0.1", "97"));
        ex.place(SimOrderRequest.marketByBase(carol, BTC_USDT, Side.SELL, "0.1")); // prints 97

        SimOrder done = ex.order(stop.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(done.filledValue()).isEqualByComparingTo("95");
        assertThat(balance(bob, "BTC").total()).isEqualByComparingTo("9");
        assertThat(balance(bob, "BTC").reserved()).isZero();
    }

    @Test
    void cancelReleasesTheReserveAndEmptiesTheLevel() {
        SimOrder order = ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.SELL, "2", "100"));
        assertThat(balance(alice, "BTC").reserved()).isEqualByComparingTo("2");

        SimOrder canceled = ex.cancel(alice, order.id());

        assertThat(canceled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(canceled.canceled()).isEqualByComparingTo("2");
        assertThat(balance(alice, "BTC").reserved()).isZero();
        assertThat(ex.book(BTC_USDT, 5).asks()).isEmpty();
        assertThatThrownBy(() -> ex.cancel(alice, order.id()))
                .isInstanceOfSatisfying(SimRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ORDER_NOT_FOUND));
        SimOrder other = ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.SELL, "1", "100"));
        assertThatThrownBy(() -> ex.cancel(bob, other.id())).isInstanceOf(SimRejectedException.class);
    }

    @Test
    void insufficientFundsAndMarketRulesAreRefused() {
        assertThatThrownBy(() -> ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.BUY, "50", "10000")))
                .isInstanceOfSatisfying(SimRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INSUFFICIENT_FUNDS));
        assertThatThrownBy(() -> ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.BUY, "1.00001", "100")))
                .isInstanceOfSatisfying(SimRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_AMOUNT));
        assertThatThrownBy(() -> ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.BUY, "1", "100.001")))
                .isInstanceOfSatisfying(SimRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_PRICE));
        assertThatThrownBy(() -> ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.BUY, "0.0001", "100")))
                .isInstanceOfSatisfying(SimRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.AMOUNT_TOO_SMALL));
        assertThatThrownBy(() -> ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.BUY, "0.005", "100")))
                .isInstanceOfSatisfying(SimRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.VALUE_TOO_SMALL));
        assertThatThrownBy(() -> ex.place(SimOrderRequest.limit(alice, CurrencyPair.of("NOPE", "USDT"), Side.BUY, "1", "1")))
                .isInstanceOfSatisfying(SimRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_MARKET));
        assertThat(balance(alice, "USDT").reserved()).isZero();
    }

    @Test
    void feesAreTakenFromWhatEachSideReceives() {
        ex.setFees(new BigDecimal("0.001"), new BigDecimal("0.002"));
        ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.SELL, "1", "100"));
        ex.place(SimOrderRequest.marketByBase(bob, BTC_USDT, Side.BUY, "1"));

        assertThat(balance(alice, "USDT").total()).isEqualByComparingTo("100099.9");
        assertThat(balance(bob, "BTC").total()).isEqualByComparingTo("10.998");
        assertThat(ex.trades().get(0).takerFee()).isEqualByComparingTo("0.002");
    }

    @Test
    void eventsComeInOrderWithGrowingSequence() {
        events.clear();
        ex.place(SimOrderRequest.limit(alice, BTC_USDT, Side.SELL, "1", "100"));
        ex.place(SimOrderRequest.marketByBase(bob, BTC_USDT, Side.BUY, "1"));

        assertThat(events).extracting(SimEvent::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(events).filteredOn(e -> e instanceof SimEvent.Traded).hasSize(1);
        List<SimEvent.BookChanged> book = events.stream().filter(e -> e instanceof SimEvent.BookChanged)
                .map(e -> (SimEvent.BookChanged) e).toList();
        assertThat(book).extracting(SimEvent.BookChanged::amount).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(dec("1"), dec("0"));
        assertThat(events).filteredOn(e -> e instanceof SimEvent.BalanceUpdated)
                .extracting(e -> ((SimEvent.BalanceUpdated) e).balance().accountId()).contains(alice, bob);
        OrderBook empty = ex.book(BTC_USDT, 20);
        assertThat(empty.asks()).isEmpty();
    }

    @Test
    void accountIdsChosenByTheCallerAndHandedOutByTheExchangeNeverCollide() {
        long chosen = ex.createAccount(100_000L);
        long next = ex.createAccount();
        long third = ex.createAccount(next + 1);
        long fourth = ex.createAccount();

        assertThat(List.of(alice, bob, chosen, next, third, fourth)).doesNotHaveDuplicates();
        assertThatThrownBy(() -> ex.createAccount(chosen)).isInstanceOf(SimRejectedException.class);
    }
}
