package io.exflux.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueRecordsTest {

    private static final CurrencyPair PAIR = CurrencyPair.of("btc", "usdt");

    @Test
    void currencyPairNormalisesAndParsesEverySeparator() {
        assertThat(PAIR).isEqualTo(CurrencyPair.of("BTC", "USDT"));
        assertThat(CurrencyPair.parse("BTC_USDT")).isEqualTo(PAIR);
        assertThat(CurrencyPair.parse("btc-usdt")).isEqualTo(PAIR);
        assertThat(CurrencyPair.parse("BTC/USDT")).isEqualTo(PAIR);
        assertThat(PAIR.symbol("_")).isEqualTo("BTC_USDT");
        assertThat(PAIR).hasToString("BTC/USDT");
        assertThatThrownBy(() -> CurrencyPair.parse("BTCUSDT")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BASE/QUOTE");
    }

    @Test
    void orderBookKeepsBestFirstAndAnswersSpreadAndMid() {
        OrderBook book = new OrderBook(PAIR,
                List.of(PriceLevel.of("100.5", "1"), PriceLevel.of("100", "2")),
                List.of(PriceLevel.of("101", "1"), PriceLevel.of("102", "3")), Instant.EPOCH, 7);
        assertThat(book.spread()).contains(new BigDecimal("0.5"));
        assertThat(book.mid()).contains(new BigDecimal("100.75"));
        assertThat(book.isCrossed()).isFalse();
        assertThat(book.depth(1).bids()).containsExactly(PriceLevel.of("100.5", "1"));
        assertThat(book.depth(1).asks()).containsExactly(PriceLevel.of("101", "1"));
    }

    @Test
    void aBookIsFreshUnlessMarkedStale_andTheMarkSurvivesCuttingItsDepth() {
        OrderBook book = new OrderBook(PAIR,
                List.of(PriceLevel.of("100.5", "1"), PriceLevel.of("100", "2")),
                List.of(PriceLevel.of("101", "1")), Instant.EPOCH, 7);
        assertThat(book.stale()).isFalse();
        OrderBook stale = book.asStale();
        assertThat(stale.stale()).isTrue();
        assertThat(stale).isNotEqualTo(book);
        assertThat(stale.bids()).isEqualTo(book.bids());
        assertThat(stale.sequence()).isEqualTo(7);
        assertThat(stale.asStale()).isSameAs(stale);
        assertThat(stale.depth(1).stale()).isTrue();
    }

    @Test
    void orderBookRefusesUnorderedSidesAndEmptyLevels() {
        assertThatThrownBy(() -> new OrderBook(PAIR, List.of(PriceLevel.of("100", "1"), PriceLevel.of("101", "1")),
                List.of(), Instant.EPOCH, -1)).hasMessageContaining("bids must be strictly ordered");
        assertThatThrownBy(() -> new OrderBook(PAIR, List.of(), List.of(PriceLevel.of("101", "0")),
                Instant.EPOCH, -1)).hasMessageContaining("amount must be positive");
    }

    @Test
    void balanceAvailableIsTotalMinusReserved() {
        Balance balance = new Balance("USDT", "SPOT", new BigDecimal("5.0"), new BigDecimal("1.0"), null);
        assertThat(balance.available()).isEqualByComparingTo("4.0");
    }

    @Test
    void orderRemainingAmountIsNeverNegative() {
        Order order = new Order("1", null, PAIR, Side.BUY, OrderType.LIMIT, OrderStatus.PARTIALLY_FILLED, "PARTIAL_FILLED",
                new BigDecimal("100"), null, new BigDecimal("0.5"), new BigDecimal("0.3"), null, null,
                TimeInForce.GTC, Instant.EPOCH, null);
        assertThat(order.remainingAmount()).isEqualByComparingTo("0.2");
        assertThat(order.status().isFinal()).isFalse();
    }
}
