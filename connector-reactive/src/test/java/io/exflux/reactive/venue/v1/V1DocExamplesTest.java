package io.exflux.reactive.venue.v1;

import static io.exflux.reactive.venue.v1.V1Dialect.BITEXBIT;
import static io.exflux.reactive.venue.v1.V1Dialect.BTC_ALPHA;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.reactive.venue.v1.internal.V1Codec;
import io.exflux.reactive.venue.v1.model.V1BookEntry;
import io.exflux.reactive.venue.v1.model.V1BookEvent;
import io.exflux.reactive.venue.v1.model.V1Candle;
import io.exflux.reactive.venue.v1.model.V1Currency;
import io.exflux.reactive.venue.v1.model.V1Deposit;
import io.exflux.reactive.venue.v1.model.V1Exchange;
import io.exflux.reactive.venue.v1.model.V1Order;
import io.exflux.reactive.venue.v1.model.V1OrderBook;
import io.exflux.reactive.venue.v1.model.V1OrderStatus;
import io.exflux.reactive.venue.v1.model.V1Pair;
import io.exflux.reactive.venue.v1.model.V1PlacedOrder;
import io.exflux.reactive.venue.v1.model.V1Side;
import io.exflux.reactive.venue.v1.model.V1Trade;
import io.exflux.reactive.venue.v1.model.V1Wallet;
import io.exflux.reactive.venue.v1.model.V1Withdraw;
import io.exflux.reactive.venue.v1.model.V1WithdrawStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Every JSON example of both documents, verbatim, read into its record with the values the document shows. */
class V1DocExamplesTest {

    /** Equal record by record, decimals by value (the JSON reader keeps no trailing zeros). */
    static void same(Object actual, Object expected) {
        // in lists, so that the type comparators below serve the root object too
        assertThat(java.util.Arrays.asList(actual)).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .withComparatorForType(byAccessors(V1DocExamplesTest::accessors), V1Trade.class)
                .withComparatorForType(byAccessors(V1DocExamplesTest::accessors), V1BookEvent.NewOrder.class)
                .withComparatorForType(byAccessors(V1DocExamplesTest::accessors), V1BookEvent.Cancel.class)
                .isEqualTo(java.util.Arrays.asList(expected));
    }

    /**
     * The packed records (final classes, not records) compared by every accessor's value, decimals by
     * {@code compareTo} as for the records: their fields hold packed numbers, not the values a user sees.
     */
    private static <T> java.util.Comparator<T> byAccessors(java.util.function.Function<T, List<?>> accessors) {
        return (a, b) -> sameValues(accessors.apply(a), accessors.apply(b)) ? 0 : 1;
    }

    private static boolean sameValues(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            boolean same = x instanceof BigDecimal dx && y instanceof BigDecimal dy ? dx.compareTo(dy) == 0
                    : x instanceof V1Trade tx && y instanceof V1Trade ty ? sameValues(accessors(tx), accessors(ty))
                    : x instanceof List<?> lx && y instanceof List<?> ly ? sameValues(lx, ly)
                    : java.util.Objects.equals(x, y);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static List<?> accessors(V1Trade t) {
        return java.util.Arrays.asList(t.tid(), t.type(), t.price(), t.amount(), t.orderId());
    }

    private static List<?> accessors(V1BookEvent.NewOrder e) {
        return java.util.Arrays.asList(e.success(), e.date(), e.oid(), e.type(), e.price(), e.amount(), e.pair(),
                e.trades());
    }

    private static List<?> accessors(V1BookEvent.Cancel e) {
        return java.util.Arrays.asList(e.success(), e.date(), e.oid(), e.cancelOrderId(), e.type(), e.price(),
                e.amount(), e.pair());
    }

    private static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    private static Instant seconds(String text) {
        BigDecimal s = new BigDecimal(text);
        long whole = s.longValue();
        return Instant.ofEpochSecond(whole, s.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue());
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void currencies(V1Dialect venue) {
        assertThat(V1Codec.list(V1Examples.tree(venue, "currencies"), V1Codec::currency))
                .containsExactly(new V1Currency("BTC", "Ƀ"), new V1Currency("ETH", "Ξ"));
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void pairs(V1Dialect venue) {
        assertThat(V1Codec.list(V1Examples.tree(venue, "pairs"), V1Codec::pair)).singleElement().satisfies(p -> {
            assertThat(p).isEqualTo(new V1Pair("BTC_USD", "BTC", "USD", 3, p.minimumOrderSize(), p.maximumOrderSize()));
            assertThat(p.minimumOrderSize()).isEqualByComparingTo("0.00000001");
            assertThat(p.maximumOrderSize()).isEqualByComparingTo("100000000");
        });
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void wallets(V1Dialect venue) {
        V1Wallet wallet = V1Codec.list(V1Examples.tree(venue, "wallets"), V1Codec::wallet).get(0);
        assertThat(wallet.currency()).isEqualTo("BTC");
        assertThat(wallet.balance()).isEqualByComparingTo("0");
        assertThat(wallet.reserve()).isEqualByComparingTo("0");
    }

    @Test
    void btcAlphaPublicOrders() {
        same(V1Codec.list(V1Examples.tree(BTC_ALPHA, "orders"), V1Codec::order), List.of(new V1Order(11259, "BTC_USD", V1Side.SELL, V1OrderStatus.DONE, 3, d("845.33000000"), d("0.00000000"))));
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void ownOrders(V1Dialect venue) {
        same(V1Codec.list(V1Examples.tree(venue, "orders-own"), V1Codec::order), List.of(new V1Order(11249, "ETH_USD", V1Side.BUY, V1OrderStatus.DONE, 3, d("0.00113000"), d("0.500000000"))));
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void singleOrderWithItsStatusAsAString(V1Dialect venue) {
        same(V1Codec.order(V1Examples.tree(venue, "order")), new V1Order(11259, "BTC_USD", V1Side.BUY, V1OrderStatus.ACTIVE, 1, d("870.69000000"), d("0.1250000")));
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void orderBookInSellAndBuyTermsWhateverTheKeys(V1Dialect venue) {
        V1OrderBook book = V1Codec.orderBook(V1Examples.tree(venue, "orderbook"));
        assertThat(book.grouped()).isFalse();
        same(book.sell(), List.of(new V1BookEntry(d("911.519"), d("0.000446"), 44667L,
                seconds("1485777324.410015"))));
        same(book.buy(), List.of(new V1BookEntry(d("911.122"), d("0.001233"), 44647L,
                seconds("1485777124.415542"))));
    }

    @Test
    void bitexbitGroupedOrderBookHoldsPriceLevels() {
        V1OrderBook book = V1Codec.orderBook(V1Examples.tree(BITEXBIT, "orderbook-grouped"));
        assertThat(book.grouped()).isTrue();
        same(book.sell(), List.of(new V1BookEntry(d("911.519"), d("0.000446"), null, null)));
        same(book.buy(), List.of(new V1BookEntry(d("911.122"), d("0.001233"), null, null)));
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void createdOrderWithItsTrade(V1Dialect venue) {
        V1PlacedOrder placed = V1Codec.placedOrder(V1Examples.tree(venue, "order-create"));
        assertThat(placed.success()).isEqualTo(venue == BITEXBIT ? Boolean.TRUE : null);
        assertThat(placed.oid()).isEqualTo(11268);
        assertThat(placed.type()).isEqualTo(V1Side.BUY);
        assertThat(placed.date()).isEqualTo(seconds("1483721079.51632"));
        assertThat(placed.price()).isEqualByComparingTo("870.69");
        assertThat(placed.amount()).isEqualByComparingTo("0");
        same(placed.trades(), List.of(new V1Trade(6049, V1Side.SELL, d("870.69000000"), d("0.00010000"), 11266)));
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void cancelledOrder(V1Dialect venue) {
        assertThat(V1Codec.cancelledOrder(V1Examples.tree(venue, "order-cancel")).order()).isEqualTo(63568);
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void exchanges(V1Dialect venue) {
        same(V1Codec.list(V1Examples.tree(venue, "exchanges"), V1Codec::exchange), List.of(new V1Exchange(6030, "BTC_USD", V1Side.SELL, d("839.36000000"), d("0.00281167"),
                        seconds("1483705817.735508"))));
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void deposits(V1Dialect venue) {
        same(V1Codec.list(V1Examples.tree(venue, "deposits"), V1Codec::deposit), List.of(new V1Deposit(317, "BTC", d("530.00000000"), seconds("1485363039.18359"))));
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void withdraws(V1Dialect venue) {
        same(V1Codec.list(V1Examples.tree(venue, "withdraws"), V1Codec::withdraw), List.of(new V1Withdraw(403, "BTC", d("0.53000000"), V1WithdrawStatus.VERIFIED, 20,
                        seconds("1485363466.868539"))));
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void charts(V1Dialect venue) {
        same(V1Codec.list(V1Examples.tree(venue, "charts"), V1Codec::candle), List.of(new V1Candle(Instant.ofEpochSecond(1485777600L), d("910.424"), d("912.236"), d("910.086"),
                        d("911.915"), d("0.262929"))));
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void socketNewOrderEvent(V1Dialect venue) {
        V1BookEvent event = V1Codec.bookEvent(V1Examples.tree(venue, "ws-new-order"));
        same(event, new V1BookEvent.NewOrder(venue == BITEXBIT ? Boolean.TRUE : null,
                seconds("1485686507.0944622"), 15234, V1Side.SELL, d("935.23"), d("0.0"), null,
                List.of(new V1Trade(14876, V1Side.BUY, d("936.00"), d("0.1"), 15201))));
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void socketCancelEvent(V1Dialect venue) {
        V1BookEvent event = V1Codec.bookEvent(V1Examples.tree(venue, "ws-cancel"));
        same(event, new V1BookEvent.Cancel(Boolean.TRUE, seconds("1485686413.5688234"), 15235,
                venue == BITEXBIT ? 4535L : null, V1Side.SELL, d("935.23"), d("0.0123"), "BTC_USD"));
    }
}
