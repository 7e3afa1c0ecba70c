package io.exflux.reactive.venue.alp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import io.exflux.api.error.ProtocolException;
import io.exflux.api.model.Balance;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.api.model.Ticker;
import io.exflux.api.model.Trade;
import io.exflux.reactive.venue.alp.internal.AlpFrameDecoder;
import io.exflux.reactive.venue.alp.internal.AlpMapper;
import io.exflux.reactive.venue.alp.model.AlpDepth;
import io.exflux.reactive.venue.alp.model.AlpDiff;
import io.exflux.reactive.venue.alp.model.AlpOrder;
import io.exflux.reactive.venue.alp.model.AlpOrderBook;
import io.exflux.reactive.venue.alp.model.AlpPair;
import io.exflux.reactive.venue.alp.model.AlpTicker;
import io.exflux.reactive.venue.alp.model.AlpTickerUpdate;
import io.exflux.reactive.venue.alp.model.AlpTrade;
import io.exflux.reactive.venue.alp.model.AlpWsOrder;
import io.exflux.reactive.venue.alp.model.AlpWsTrade;
import io.exflux.reactive.venue.alp.model.AlpWsWallet;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ALP records to the unified types, from the document's examples. */
class AlpMapperTest {

    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");

    @Test
    void symbolsBothWays() {
        assertThat(AlpSymbols.symbol(BTC_USDT)).isEqualTo("BTC_USDT");
        assertThat(AlpSymbols.pair("BTC_USDT")).isEqualTo(BTC_USDT);
        assertThat(AlpSymbols.pair("btc_usdt")).isEqualTo(BTC_USDT);
        assertThatThrownBy(() -> AlpSymbols.pair("BTCUSDT")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlpSymbols.pair("A_B_C")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pairInfo() {
        AlpPair pair = AlpDocExamples.read("rest/pairs.json", new TypeReference<List<AlpPair>>() { }).get(0);
        assertThat(AlpMapper.pairInfo(pair)).isEqualTo(new PairInfo(BTC_USDT, "BTC_USDT", 2, 8,
                new BigDecimal("0.001"), new BigDecimal("10.0"), new BigDecimal("10.0")));
    }

    @Test
    void restTickerBuyIsBidSellIsAsk() {
        AlpTicker t = AlpDocExamples.read("rest/ticker.json", new TypeReference<List<AlpTicker>>() { }).get(0);
        Ticker ticker = AlpMapper.ticker(t, Instant.EPOCH);
        assertThat(ticker.bid()).isEqualByComparingTo("44990");
        assertThat(ticker.ask()).isEqualByComparingTo("45010");
        assertThat(ticker.open()).isEqualByComparingTo("44990");
        assertThat(ticker.baseVolume()).isEqualByComparingTo("1000");
        assertThat(ticker.change24h()).isEqualByComparingTo("0.0002");
        assertThat(ticker.timestamp()).isEqualTo(Instant.ofEpochSecond(1630862400L));
    }

    @Test
    void streamTicker() {
        AlpTickerUpdate update = (AlpTickerUpdate) AlpFrameDecoder.decode(AlpDocExamples.raw("ws/ticker.json"));
        Ticker ticker = AlpMapper.ticker(update.rows().get(1), update.time());
        assertThat(ticker.pair()).isEqualTo(BTC_USDT);
        assertThat(ticker.last()).isEqualByComparingTo("25725.53");
        assertThat(ticker.bid()).isEqualByComparingTo("25717.69");
        assertThat(ticker.ask()).isEqualByComparingTo("25747.69");
        assertThat(ticker.quoteVolume()).isEqualByComparingTo("156489295.23543299");
        assertThat(ticker.change24h()).isEqualByComparingTo("0.0009369121");
    }

    @Test
    void restOrderBookBuyIsBids() {
        OrderBook book = AlpMapper.orderBook(BTC_USDT, AlpDocExamples.read("rest/orderbook.json", AlpOrderBook.class),
                Instant.EPOCH);
        assertThat(book.bids()).containsExactly(PriceLevel.of("45000.0", "1.0"), PriceLevel.of("44990.0", "2.0"));
        assertThat(book.asks()).containsExactly(PriceLevel.of("45010.0", "1.0"), PriceLevel.of("45020.0", "2.0"));
    }

    @Test
    void marketDepthIsAWholeBookSnapshot() {
        OrderBookUpdate update = AlpMapper.depth((AlpDepth) AlpFrameDecoder.decode(AlpDocExamples.raw("ws/market-depth.json")));
        assertThat(update.kind()).isEqualTo(OrderBookUpdate.Kind.SNAPSHOT);
        assertThat(update.mode()).isEqualTo(OrderBookUpdate.Mode.ABSOLUTE);
        assertThat(update.bids()).containsExactly(PriceLevel.of("25768.09000000", "0.05900000"),
                PriceLevel.of("25748.38000000", "0.46300000"));
        assertThat(update.asks().get(0)).isEqualTo(PriceLevel.of("26100.11000000", "0.30200000"));
    }

    @Test
    void aMarketDepthWithANegativeAmountKeepsItForTheBookToRefuse() {
        OrderBookUpdate update = AlpMapper.depth(new io.exflux.reactive.venue.alp.model.AlpDepth(Instant.EPOCH,
                "BTC_USDT", java.util.List.of(new io.exflux.reactive.venue.alp.model.AlpLevel(
                        new java.math.BigDecimal("101"), java.math.BigDecimal.ONE)),
                java.util.List.of(new io.exflux.reactive.venue.alp.model.AlpLevel(new java.math.BigDecimal("100"),
                        new java.math.BigDecimal("-5"))), null, null));

        assertThat(update.bids()).containsExactly(PriceLevel.of("100", "-5"));
    }

    @Test
    void diffIsADifferenceDelta() {
        OrderBookUpdate update = AlpMapper.diff((AlpDiff) AlpFrameDecoder.decode(AlpDocExamples.raw("ws/diff.json")));
        assertThat(update.kind()).isEqualTo(OrderBookUpdate.Kind.DELTA);
        assertThat(update.mode()).isEqualTo(OrderBookUpdate.Mode.DIFFERENCE);
        assertThat(update.asks()).containsExactly(PriceLevel.of("101.00", "5.0"), PriceLevel.of("102.00", "3.0"));
        assertThat(update.bids()).containsExactly(PriceLevel.of("99.00", "2.0"), PriceLevel.of("98.50", "1.0"));
    }

    @Test
    void trades() {
        AlpTrade rest = AlpDocExamples.read("rest/trades.json", new TypeReference<List<AlpTrade>>() { }).get(0);
        assertThat(AlpMapper.trade(rest)).isEqualTo(new Trade(BTC_USDT, "1", new BigDecimal("45000.0"),
                new BigDecimal("2.5"), Side.BUY, Instant.ofEpochSecond(1630862400L)));
        Trade ws = AlpMapper.trade((AlpWsTrade) AlpFrameDecoder.decode(AlpDocExamples.raw("ws/trade.json")));
        assertThat(ws.price()).isEqualByComparingTo("25705.02");
        assertThat(ws.amount()).isEqualByComparingTo("0.20285052");
        assertThat(ws.takerSide()).isEqualTo(Side.BUY);
    }

    /** One market's trades read as each trade alone is read, its pair taken once; another market's still read. */
    @Test
    void tradesOfOneMarketAreReadAsSingleTrades() {
        java.util.function.Function<AlpWsTrade, Trade> btcUsdt = AlpMapper.tradesOf("BTC_USDT");
        AlpWsTrade[] trades = {
            new AlpWsTrade(Instant.ofEpochSecond(1694003848L), 7, "BTC_USDT", new BigDecimal("0.2"),
                    new BigDecimal("25705.02"), "sell"),
            new AlpWsTrade(Instant.ofEpochSecond(1694003849L), 8, "BTC_USDT", new BigDecimal("0.3"),
                    new BigDecimal("25705.03"), "buy"),
            new AlpWsTrade(Instant.ofEpochSecond(1694003849L), 9, "ETH_USDT", new BigDecimal("1.5"),
                    new BigDecimal("1630.10"), "buy")};
        for (AlpWsTrade trade : trades) {
            assertThat(btcUsdt.apply(trade)).isEqualTo(AlpMapper.trade(trade));
        }
        assertThat(btcUsdt.apply(trades[0]).pair()).isEqualTo(BTC_USDT);
        assertThat(btcUsdt.apply(trades[2]).pair()).isEqualTo(CurrencyPair.of("ETH", "USDT"));
    }

    @Test
    void restOrder() {
        AlpOrder alp = AlpDocExamples.read("rest/orders.json", new TypeReference<List<AlpOrder>>() { }).get(0);
        Order order = AlpMapper.order(alp);
        assertThat(order.id()).isEqualTo("123");
        assertThat(order.side()).isEqualTo(Side.BUY);
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.type()).isEqualTo(OrderType.LIMIT);
        assertThat(order.amount()).isEqualByComparingTo("1.5");
        assertThat(order.filledAmount()).isEqualByComparingTo("1.5");
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2023-09-04T12:00:00Z"));
        assertThat(order.updatedAt()).isEqualTo(Instant.parse("2023-09-04T12:01:00Z"));
    }

    @Test
    void streamOrder() {
        Order order = AlpMapper.order((AlpWsOrder) AlpFrameDecoder.decode(AlpDocExamples.raw("ws/order.json")));
        assertThat(order.id()).isEqualTo("12345");
        assertThat(order.pair()).isEqualTo(CurrencyPair.of("BTC", "UST"));
        assertThat(order.side()).isEqualTo(Side.SELL);
        assertThat(order.price()).isEqualByComparingTo("48000");
        assertThat(order.amount()).isEqualByComparingTo("0.5");
        assertThat(order.filledAmount()).isEqualByComparingTo("0.3");
        assertThat(order.averagePrice()).isEqualByComparingTo("48000");
        assertThat(order.stopPrice()).isNull();
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.updatedAt()).isEqualTo(Instant.ofEpochSecond(1631386242L, 567_000_000L));
    }

    @Test
    void walletUpdate() {
        Balance b = AlpMapper.balance((AlpWsWallet) AlpFrameDecoder.decode(AlpDocExamples.raw("ws/wallet.json")));
        assertThat(b).isEqualTo(new Balance("USDT", "SPOT", new BigDecimal("5.0"), new BigDecimal("1.0"),
                Instant.ofEpochSecond(1694178331L)));
        assertThat(b.available()).isEqualByComparingTo("4");
    }

    @Test
    void unknownStatusKeepsTheRawText() {
        AlpOrder alp = AlpDocExamples.read("rest/orders.json", new TypeReference<List<AlpOrder>>() { }).get(0);
        AlpOrder odd = new AlpOrder(alp.id(), alp.accountId(), alp.pair(), alp.amount(), alp.price(), alp.side(),
                "FROZEN", "ICEBERG", alp.walletType(), alp.amountCanceled(), alp.amountFilled(), alp.date(),
                alp.openAt(), alp.tif(), alp.updatedAt(), alp.doneAt(), alp.expireAfter(), alp.stopPrice(), null);
        Order order = AlpMapper.order(odd);
        assertThat(order.status()).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(order.rawStatus()).isEqualTo("FROZEN");
        assertThat(order.type()).isEqualTo(OrderType.UNKNOWN);
    }

    @Test
    void unknownSideIsAProtocolErrorForThatRecordOnly() {
        assertThatThrownBy(() -> AlpMapper.side("LONG")).isInstanceOf(ProtocolException.class).hasMessageContaining("LONG");
    }
}
