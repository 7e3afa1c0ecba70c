package io.exflux.reactive.venue.alp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.api.error.ExchangeException;
import io.exflux.reactive.venue.alp.internal.AlpJwt;
import io.exflux.reactive.venue.alp.model.AlpAccount;
import io.exflux.reactive.venue.alp.model.AlpAccountTrade;
import io.exflux.reactive.venue.alp.model.AlpActivity;
import io.exflux.reactive.venue.alp.model.AlpBalance;
import io.exflux.reactive.venue.alp.model.AlpCandle;
import io.exflux.reactive.venue.alp.model.AlpCurrency;
import io.exflux.reactive.venue.alp.model.AlpFeeInfo;
import io.exflux.reactive.venue.alp.model.AlpOrder;
import io.exflux.reactive.venue.alp.model.AlpOrderBook;
import io.exflux.reactive.venue.alp.model.AlpPair;
import io.exflux.reactive.venue.alp.model.AlpServerTime;
import io.exflux.reactive.venue.alp.model.AlpTicker;
import io.exflux.reactive.venue.alp.model.AlpTrade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every REST response example of the ALP document parses into its record with the right values. */
class AlpRestRecordsTest {

    @Test
    void serverTimeIsUnixSeconds() {
        AlpServerTime time = AlpDocExamples.read("rest/time.json", AlpServerTime.class);
        assertThat(time.serverTime()).isEqualTo(Instant.parse("2021-09-05T17:20:00Z"));
    }

    @Test
    void currencyRatesAreAMapOfDecimalStrings() {
        Map<String, BigDecimal> rates = AlpDocExamples.read("rest/currency-rates.json", new TypeReference<>() { });
        assertThat(rates).containsEntry("BTC", new BigDecimal("45000.00000000"))
                .containsEntry("USDT", new BigDecimal("1.00000000")).hasSize(3);
    }

    @Test
    void currencies() {
        List<AlpCurrency> list = AlpDocExamples.read("rest/currencies.json", new TypeReference<>() { });
        assertThat(list).containsExactly(new AlpCurrency("BTC", "BTC"));
    }

    @Test
    void pairs() {
        List<AlpPair> list = AlpDocExamples.read("rest/pairs.json", new TypeReference<>() { });
        assertThat(list).containsExactly(new AlpPair("BTC_USDT", "BTC", "USDT", 2, 8, new BigDecimal("0.001"),
                new BigDecimal("10.0"), new BigDecimal("10.0")));
    }

    @Test
    void ticker() {
        AlpTicker t = AlpDocExamples.read("rest/ticker.json", new TypeReference<List<AlpTicker>>() { }).get(0);
        assertThat(t.pair()).isEqualTo("BTC_USDT");
        assertThat(t.last()).isEqualByComparingTo("45000");
        assertThat(t.buy()).isEqualByComparingTo("44990");
        assertThat(t.sell()).isEqualByComparingTo("45010");
        assertThat(t.diffPercent()).isEqualByComparingTo("0.02");
        assertThat(t.pricePrecision()).isEqualTo(2);
        assertThat(t.timestamp()).isEqualTo(Instant.ofEpochSecond(1630862400L));
    }

    @Test
    void orderBook() {
        AlpOrderBook book = AlpDocExamples.read("rest/orderbook.json", AlpOrderBook.class);
        assertThat(book.buy()).hasSize(2);
        assertThat(book.buy().get(0).price()).isEqualByComparingTo("45000");
        assertThat(book.sell().get(1).price()).isEqualByComparingTo("45020");
        assertThat(book.sell().get(1).amount()).isEqualByComparingTo("2");
    }

    @Test
    void charts() {
        AlpCandle c = AlpDocExamples.read("rest/charts.json", new TypeReference<List<AlpCandle>>() { }).get(0);
        assertThat(c.time()).isEqualTo(Instant.ofEpochSecond(1630862400L));
        assertThat(c.close()).isEqualByComparingTo("45100");
        assertThat(c.quoteVolume()).isEqualByComparingTo("45050000");
        assertThat(c.tradesCount()).isEqualTo(150L);
        assertThat(c.takerBuyQuoteVolume()).isEqualByComparingTo("27030000");
    }

    @Test
    void trades() {
        AlpTrade t = AlpDocExamples.read("rest/trades.json", new TypeReference<List<AlpTrade>>() { }).get(0);
        assertThat(t).isEqualTo(new AlpTrade(1, new BigDecimal("45000.0"), new BigDecimal("2.5"),
                Instant.ofEpochSecond(1630862400L), "BTC_USDT", "buy"));
    }

    @Test
    void authTokenIsAJsonString() {
        assertThat(AlpJwt.fromBody(AlpDocExamples.raw("rest/auth-token-response.json")))
                .isEqualTo("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...");
    }

    @Test
    void accounts() {
        List<AlpAccount> list = AlpDocExamples.read("rest/accounts.json", new TypeReference<>() { });
        assertThat(list).containsExactly(new AlpAccount(123, "example@email.com", "John Doe", null));
    }

    @Test
    void balances() {
        AlpBalance b = AlpDocExamples.read("rest/balances.json", new TypeReference<List<AlpBalance>>() { }).get(0);
        assertThat(b.balance()).isEqualByComparingTo("1000");
        assertThat(b.reserve()).isEqualByComparingTo("500");
        assertThat(b.walletType()).isEqualTo("SPOT");
        assertThat(b.lastUpdateAt()).isEqualTo(Instant.parse("2023-09-04T12:00:00Z"));
        assertThat(b.accountId()).isEqualTo(12345L);
    }

    @Test
    void feeInfo() {
        AlpFeeInfo f = AlpDocExamples.read("rest/feeinfo.json", new TypeReference<List<AlpFeeInfo>>() { }).get(0);
        assertThat(f.activeOnce()).containsExactly("2023-09-04T12:00:00Z", "2023-09-05T12:00:00Z");
        assertThat(f.takerFeeRate()).isEqualByComparingTo("0.002");
        assertThat(f.makerFeeRate()).isEqualByComparingTo("0.0015");
        assertThat(f.currency()).isNull();
        assertThat(f.pair()).isNull();
        assertThat(f.active()).isTrue();
    }

    @Test
    void orders() {
        AlpOrder o = AlpDocExamples.read("rest/orders.json", new TypeReference<List<AlpOrder>>() { }).get(0);
        assertThat(o.id()).isEqualTo(123);
        assertThat(o.side()).isEqualTo("BID");
        assertThat(o.amountFilled()).isEqualByComparingTo("1.5");
        assertThat(o.date()).isEqualTo(Instant.parse("2023-09-04T12:00:00Z"));
        assertThat(o.openAt()).isEqualTo(Instant.parse("2023-09-04T11:59:00Z"));
        assertThat(o.doneAt()).isNull();
        assertThat(o.stopPrice()).isNull();
    }

    @Test
    void accountTrades() {
        AlpAccountTrade t = AlpDocExamples.read("rest/account-trades.json",
                new TypeReference<List<AlpAccountTrade>>() { }).get(0);
        assertThat(t.id()).isEqualTo(293107798L);
        assertThat(t.side()).isEqualTo("BUY");
        assertThat(t.fee()).isEqualByComparingTo("0.005");
        assertThat(t.orderId()).isEqualTo(123456L);
    }

    @Test
    void activity() {
        AlpActivity a = AlpDocExamples.read("rest/activity.json", new TypeReference<List<AlpActivity>>() { }).get(0);
        assertThat(a.balance()).isEqualByComparingTo("500");
        assertThat(a.reserve()).isEqualByComparingTo("0");
        assertThat(a.opType()).isEqualTo("1");
    }

    @Test
    void placeOrderAnswerIsAnArrayOfIds() {
        List<Long> ids = AlpDocExamples.read("rest/place-order-response.json", new TypeReference<>() { });
        assertThat(ids).containsExactly(34L);
    }

    @Test
    void cancelByIdsAnswerIsAMapOfIdToStatus() {
        Map<String, String> answer = AlpDocExamples.read("rest/cancel-by-ids-response.json", new TypeReference<>() { });
        assertThat(answer).containsEntry("1", "CANCELLED").containsEntry("8", "order not found");
    }

    @Test
    void errorBodies() {
        ExchangeException format = AlpErrorAnswers.map(400, AlpDocExamples.raw("rest/error-format.json"));
        assertThat(format.venueCode()).isEqualTo("ERROR_CODE");
        assertThat(format).hasMessageEndingWith(": code ERROR_CODE, Human-readable error description");
        ExchangeException placed = AlpErrorAnswers.map(400, AlpDocExamples.raw("rest/place-order-error.json"));
        assertThat(placed.venueCode()).isEqualTo("1003");
    }

    @Test
    void numbersAsJsonStringsReadTheSame() throws Exception {
        AlpPair pair = Json.mapper().readValue("{\"name\":\"BTC_USDT\",\"currency1\":\"BTC\",\"currency2\":\"USDT\","
                + "\"price_precision\":\"2\",\"amount_precision\":\"8\",\"minimum_order_size\":\"0.001\","
                + "\"maximum_order_size\":\"10.0\",\"minimum_order_value\":\"10.0\"}", AlpPair.class);
        assertThat(pair).isEqualTo(AlpDocExamples.read("rest/pairs.json",
                new TypeReference<List<AlpPair>>() { }).get(0));
        AlpTrade trade = Json.mapper().readValue("{\"id\":\"1\",\"price\":\"45000.0\",\"amount\":\"2.5\","
                + "\"timestamp\":\"1630862400.0\",\"pair\":\"BTC_USDT\",\"type\":\"buy\"}", AlpTrade.class);
        assertThat(trade.timestamp()).isEqualTo(Instant.ofEpochSecond(1630862400L));
        assertThat(trade.price()).isEqualTo(new BigDecimal("45000.0"));
    }
}
