package io.exflux.reactive.venue.alp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exflux.api.error.ProtocolException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.PriceLevel;
import io.exflux.reactive.internal.book.ApplyResult;
import io.exflux.reactive.internal.book.OrderBookEngine;
import io.exflux.reactive.internal.book.ScaledBookUpdate;
import io.exflux.reactive.venue.alp.internal.AlpFrameDecoder;
import io.exflux.reactive.venue.alp.internal.AlpPlainFrames;
import io.exflux.reactive.venue.alp.internal.AlpMapper;
import io.exflux.reactive.venue.alp.model.AlpAck;
import io.exflux.reactive.venue.alp.model.AlpDepth;
import io.exflux.reactive.venue.alp.model.AlpDiff;
import io.exflux.reactive.venue.alp.model.AlpLevel;
import io.exflux.reactive.venue.alp.model.AlpMessage;
import io.exflux.reactive.venue.alp.model.AlpRates;
import io.exflux.reactive.venue.alp.model.AlpTextPing;
import io.exflux.reactive.venue.alp.model.AlpTickerUpdate;
import io.exflux.reactive.venue.alp.model.AlpUnknownMessage;
import io.exflux.reactive.venue.alp.model.AlpWelcome;
import io.exflux.reactive.venue.alp.model.AlpWsAccountTrade;
import io.exflux.reactive.venue.alp.model.AlpWsError;
import io.exflux.reactive.venue.alp.model.AlpWsOrder;
import io.exflux.reactive.venue.alp.model.AlpWsTicker;
import io.exflux.reactive.venue.alp.model.AlpWsTrade;
import io.exflux.reactive.venue.alp.model.AlpWsWallet;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every websocket example of the ALP document decodes into its record; malformed frames are typed errors. */
class AlpFrameDecoderTest {

    private static Object decode(String example) {
        return AlpFrameDecoder.decode(AlpDocExamples.raw(example));
    }

    @Test
    void welcomeOfTheDocumentInNanoseconds() {
        AlpWelcome welcome = (AlpWelcome) decode("ws/welcome.json");
        assertThat(welcome.time()).isEqualTo(Instant.ofEpochSecond(1694002700L));
        assertThat(welcome.pingInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(welcome.pingTimeout()).isEqualTo(Duration.ofSeconds(65));
        assertThat(welcome.idleTimeout()).isEqualTo(Duration.ofSeconds(95));
        assertThat(welcome.clientId()).isEqualTo("5c00d9c2-607e-4c7f-927b-b204b29e387b");
    }

    @Test
    void welcomeOfTheLiveVenueInMilliseconds() {
        AlpWelcome welcome = (AlpWelcome) AlpFrameDecoder.decode("[\"welcome\",1790139140,20000,30000,\"ec9a0e3f\"]");
        assertThat(welcome.pingInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(welcome.idleTimeout()).isEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void acksWithFloatTimes() {
        AlpAck sub = (AlpAck) decode("ws/subscribe-ack.json");
        assertThat(sub.kind()).isEqualTo(AlpAck.Kind.SUBSCRIBE);
        assertThat(sub.time()).isEqualTo(Instant.ofEpochSecond(1586857703L, 901_509_000L));
        assertThat(sub.topics()).containsExactly("topic1", "topic1");
        AlpAck unsub = (AlpAck) decode("ws/unsubscribe-ack.json");
        assertThat(unsub.kind()).isEqualTo(AlpAck.Kind.UNSUBSCRIBE);
    }

    @Test
    void errorOfTheDocumentHasNoOperation() {
        AlpWsError error = (AlpWsError) decode("ws/error.json");
        assertThat(error.message()).isEqualTo("Topic does not exist");
        assertThat(error.operation()).isNull();
        assertThat(error.topic()).isNull();
    }

    @Test
    void tickerRows() {
        AlpTickerUpdate update = (AlpTickerUpdate) decode("ws/ticker.json");
        assertThat(update.time()).isEqualTo(Instant.ofEpochSecond(1694003337L));
        assertThat(update.rows()).hasSize(7);
        assertThat(update.rows().get(1)).isEqualTo(new AlpWsTicker("BTC_USDT", new BigDecimal("25725.53000000"),
                new BigDecimal("6074.90520117"), new BigDecimal("156489295.23543299"), new BigDecimal("0.09369121"),
                new BigDecimal("25889.00000000"), new BigDecimal("25629.43000000"), new BigDecimal("25717.69000000"),
                new BigDecimal("25747.69000000")));
        assertThat(update.rows().get(0).changePercent()).isEqualByComparingTo("-0.28287417");
    }

    @Test
    void shortTickerRowsAreSkippedNotFatal() {
        AlpTickerUpdate update = (AlpTickerUpdate) AlpFrameDecoder.decode(
                "[\"tk\",1,[\"BTC_USDT\",\"1\"],[\"ETH_USDT\",\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\"]]");
        assertThat(update.rows()).extracting(AlpWsTicker::symbol).containsExactly("ETH_USDT");
    }

    @Test
    void trade() {
        assertThat(decode("ws/trade.json")).isEqualTo(new AlpWsTrade(Instant.ofEpochSecond(1694003848L), 293107798L,
                "BTC_USDT", new BigDecimal("0.20285052"), new BigDecimal("25705.02000000"), "buy"));
    }

    /**
     * The market-data records hold their numbers packed, or as {@code BigDecimal}s when they do not pack (18 digits,
     * a negative scale): decoded or built by hand, equal values are equal records with equal hashes, and their
     * accessors give the values back with their scale.
     */
    @Test
    void decodedRecordsEqualTheirBuiltTwinsWhetherTheirNumbersPackOrNot() {
        String big = "123456789012345678.5"; // 19 digits: kept as a BigDecimal
        AlpWsTrade trade = (AlpWsTrade) AlpFrameDecoder.decode("[\"t\",1694003848,7,\"BTC_USDT\",\"" + big
                + "\",1.50E+3,\"sell\"]");
        AlpWsTrade built = new AlpWsTrade(Instant.ofEpochSecond(1694003848L), 7, "BTC_USDT", new BigDecimal(big),
                new BigDecimal("1.5E+3"), "sell");
        assertThat(trade).isEqualTo(built).hasSameHashCodeAs(built).hasToString(built.toString());
        assertThat(trade.amount()).isEqualTo(new BigDecimal(big));
        assertThat(trade.price()).isEqualTo(new BigDecimal("1.5E+3")); // equals: the scale -2 too

        AlpDiff diff = (AlpDiff) AlpFrameDecoder.decode("[\"d\",1,\"BTC_USDT\",[[[\"" + big + "\",\"-0.10\"]],null]]");
        AlpDiff builtDiff = new AlpDiff(Instant.ofEpochSecond(1), "BTC_USDT",
                List.of(new AlpLevel(new BigDecimal(big), new BigDecimal("-0.10"))), List.of());
        assertThat(diff).isEqualTo(builtDiff).hasSameHashCodeAs(builtDiff);
        assertThat(diff.asks()).singleElement().isEqualTo(new AlpLevel(new BigDecimal(big), new BigDecimal("-0.10")));
        assertThat(diff.bids()).isEmpty();

        AlpTickerUpdate ticker = (AlpTickerUpdate) AlpFrameDecoder.decode(
                "[\"tk\",1,[\"BTC_USDT\",\"1.0\",\"2\",\"" + big + "\",\"-4\",\"5\",\"6\",\"7\",\"8\"]]");
        AlpWsTicker row = new AlpWsTicker("BTC_USDT", new BigDecimal("1.0"), new BigDecimal("2"), new BigDecimal(big),
                new BigDecimal("-4"), new BigDecimal("5"), new BigDecimal("6"), new BigDecimal("7"), new BigDecimal("8"));
        AlpTickerUpdate builtTicker = new AlpTickerUpdate(Instant.ofEpochSecond(1), List.of(row));
        assertThat(ticker).isEqualTo(builtTicker).hasSameHashCodeAs(builtTicker);
        assertThat(ticker.rows()).containsExactly(row);
        assertThat(ticker.rows().get(0).close()).hasToString("1.0");
    }

    @Test
    void diffIsAsksThenBids() {
        AlpDiff diff = (AlpDiff) decode("ws/diff.json");
        assertThat(diff.symbol()).isEqualTo("BTC_USDT");
        assertThat(diff.asks()).containsExactly(new AlpLevel(new BigDecimal("101.00"), new BigDecimal("5.0")),
                new AlpLevel(new BigDecimal("102.00"), new BigDecimal("3.0")));
        assertThat(diff.bids()).containsExactly(new AlpLevel(new BigDecimal("99.00"), new BigDecimal("2.0")),
                new AlpLevel(new BigDecimal("98.50"), new BigDecimal("1.0")));
    }

    @Test
    void marketDepth() {
        AlpDepth depth = (AlpDepth) decode("ws/market-depth.json");
        assertThat(depth.symbol()).isEqualTo("BTC_USDT");
        assertThat(depth.asks()).extracting(AlpLevel::price).containsExactly(new BigDecimal("26100.11000000"),
                new BigDecimal("26149.68000000"));
        assertThat(depth.bids().get(1).amount()).isEqualTo(new BigDecimal("0.46300000"));
        assertThat(depth.totalAsks()).isEqualTo(new BigDecimal("148953.50292677"));
    }

    @Test
    void orderOfNineteenElements() {
        AlpWsOrder o = (AlpWsOrder) decode("ws/order.json");
        assertThat(o).isEqualTo(new AlpWsOrder(Instant.ofEpochSecond(1694178331L), 12345L, "BTC_UST", "ASK", "LIMIT",
                new BigDecimal("0.5"), new BigDecimal("48000.00"), new BigDecimal("0.2"), new BigDecimal("0.3"),
                new BigDecimal("0.0"), new BigDecimal("14400.00"), new BigDecimal("48000.00"),
                Instant.ofEpochSecond(1631386242L, 567_000_000L), "FILLED", new BigDecimal("14400.00"), "SPOT",
                new BigDecimal("0.00"), null));
    }

    @Test
    void wallet() {
        assertThat(decode("ws/wallet.json")).isEqualTo(new AlpWsWallet(Instant.ofEpochSecond(1694178331L), "USDT",
                "SPOT", null, new BigDecimal("5.0"), new BigDecimal("1.0")));
    }

    @Test
    void ratesOfTheOfficialClient() {
        AlpRates rates = (AlpRates) AlpFrameDecoder.decode("[\"r\",1694003337,[[\"45000.1\",\"BTC\",\"USDT\"]]]");
        assertThat(rates.rates()).hasSize(1);
        assertThat(rates.rates().get(0).rate()).isEqualByComparingTo("45000.1");
        assertThat(rates.rates().get(0).quote()).isEqualTo("USDT");
    }

    @Test
    void accountTradeIsPassedOnRaw() {
        AlpWsAccountTrade ta = (AlpWsAccountTrade) AlpFrameDecoder.decode("[\"ta\",1694178331,77,\"BTC_USDT\"]");
        assertThat(ta.time()).isEqualTo(Instant.ofEpochSecond(1694178331L));
        assertThat(ta.raw().get(2).asLong()).isEqualTo(77L);
    }

    @Test
    void textOneIsThePing() {
        assertThat(AlpFrameDecoder.decode("1")).isInstanceOf(AlpTextPing.class);
    }

    @Test
    void unknownTypesArePassedOn() {
        AlpUnknownMessage m = (AlpUnknownMessage) AlpFrameDecoder.decode("[\"zz\",1,2]");
        assertThat(m.type()).isEqualTo("zz");
    }

    @Test
    void malformedFramesAreProtocolErrors() {
        for (String bad : List.of("{}", "[]", "not json", "[1,2]", "[\"t\",1,2]", "[\"t\",1,2,\"BTC_USDT\",\"x\",\"1\",\"buy\"]",
                "[\"o\",1,2,3]", "[\"p\",1,{\"Asks\":[]}]", "[\"d\",1,\"BTC_USDT\",[[]]]")) {
            assertThatThrownBy(() -> AlpFrameDecoder.decode(bad)).as(bad).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("unreadable ALP frame");
        }
    }

    @Test
    void numbersAsJsonNumbersReadTheSame() {
        assertThat(AlpFrameDecoder.decode("[\"t\",1694003848,\"293107798\",\"BTC_USDT\",0.20285052,25705.02,\"buy\"]"))
                .isEqualTo(new AlpWsTrade(Instant.ofEpochSecond(1694003848L), 293107798L, "BTC_USDT",
                        new BigDecimal("0.20285052"), new BigDecimal("25705.02"), "buy"));
    }

    @Test
    void diffOfTheDocumentReadStraightIntoAScaledUpdateIsTheMappedRecord() {
        String frame = AlpDocExamples.raw("ws/diff.json");
        PairInfo info = new PairInfo(CurrencyPair.of("BTC", "USDT"), "BTC_USDT", 2, 8, null, null, null);
        OrderBookEngine viaRecord = new OrderBookEngine(info);
        OrderBookEngine viaScaled = new OrderBookEngine(info);
        OrderBook start = new OrderBook(info.pair(), List.of(new PriceLevel(new BigDecimal("99.00"), BigDecimal.ONE)),
                List.of(new PriceLevel(new BigDecimal("101.00"), BigDecimal.ONE)), Instant.EPOCH, 0);
        viaRecord.applySnapshot(start);
        viaScaled.applySnapshot(start);
        ScaledBookUpdate update = new ScaledBookUpdate();

        assertThat(AlpFrameDecoder.diffInto(frame, "BTC_USDT", update, 2, 8)).isTrue();

        assertThat(update.bidCount()).isEqualTo(2);
        assertThat(update.askCount()).isEqualTo(2);
        assertThat(update.mode()).isEqualTo(OrderBookUpdate.Mode.DIFFERENCE);
        assertThat(update.timestamp()).isEqualTo(Instant.ofEpochSecond(1694004500L));
        assertThat(viaScaled.apply(update)).isEqualTo(ApplyResult.APPLIED);
        assertThat(viaRecord.apply(AlpMapper.diff((AlpDiff) AlpFrameDecoder.decode(frame)))).isEqualTo(ApplyResult.APPLIED);
        assertThat(viaScaled.view()).isEqualTo(viaRecord.view());
        assertThat(viaScaled.view().asks().get(0).amount()).isEqualByComparingTo("6.0");
    }

    @Test
    void diffIntoSkipsOtherSymbolsAndRefusesWhatDoesNotFitTheScale() {
        ScaledBookUpdate update = new ScaledBookUpdate();
        assertThat(AlpFrameDecoder.diffInto(AlpDocExamples.raw("ws/diff.json"), "ETH_USDT", update, 2, 8)).isFalse();
        assertThat(AlpFrameDecoder.diffInto(AlpDocExamples.raw("ws/trade.json"), "BTC_USDT", update, 2, 8)).isFalse();
        assertThat(update.bidCount() + update.askCount()).isZero();
        for (String bad : List.of("[\"d\",1,\"BTC_USDT\",[[[\"1.001\",\"1\"]],[]]]",
                "[\"d\",1,\"BTC_USDT\",[[[\"1e99999999\",\"1\"]],[]]]", "[\"d\",1,\"BTC_USDT\",[[]]]",
                "[\"d\",1,\"BTC_USDT\",[[[\"1\",\"x\"]],[]]]", "[\"d\",1,\"BTC_USDT\",[[[\"1\"")) {
            assertThatThrownBy(() -> AlpFrameDecoder.diffInto(bad, "BTC_USDT", update, 2, 8)).as(bad)
                    .isInstanceOf(ProtocolException.class);
        }
        // the reader recovers: the next frame reads whole
        assertThat(AlpFrameDecoder.diffInto(AlpDocExamples.raw("ws/diff.json"), "BTC_USDT", update, 2, 8)).isTrue();
    }

    /** The frame's bytes as a socket may hand them over: a heap buffer (read in place) or a direct one (copied). */
    private static List<ByteBuf> asBytes(String frame) {
        byte[] utf8 = frame.getBytes(StandardCharsets.UTF_8);
        return List.of(Unpooled.wrappedBuffer(utf8), Unpooled.directBuffer().writeBytes(utf8));
    }

    @Test
    void framesReadFromTheirBytesDecodeAsTheirText() {
        for (String example : List.of("ws/welcome.json", "ws/subscribe-ack.json", "ws/unsubscribe-ack.json",
                "ws/error.json", "ws/trade.json", "ws/diff.json", "ws/market-depth.json", "ws/ticker.json",
                "ws/order.json", "ws/wallet.json")) {
            String frame = AlpDocExamples.raw(example);
            for (ByteBuf bytes : asBytes(frame)) {
                assertThat(AlpFrameDecoder.decode(bytes)).as(example).isEqualTo(AlpFrameDecoder.decode(frame));
                assertThat(bytes.readableBytes()).isEqualTo(frame.getBytes(StandardCharsets.UTF_8).length);
                bytes.release();
            }
        }
        for (ByteBuf bytes : asBytes("1")) {
            assertThat(AlpFrameDecoder.decode(bytes)).isInstanceOf(AlpTextPing.class);
            bytes.release();
        }
    }

    @Test
    void malformedByteFramesAreProtocolErrorsThatQuoteTheFrame() {
        for (String bad : List.of("{}", "[1,2,3,4,5,6,7,8,9]", "not json at all, no", "[\"t\",1,2,\"BTC_USDT\",\"x\",\"1\",\"buy\"]",
                "[\"d\",1,\"BTC_USDT\",[[]]]", "[\"d\",1,\"BTC_USDT\",[[[\"1\"")) {
            for (ByteBuf bytes : asBytes(bad)) {
                assertThatThrownBy(() -> AlpFrameDecoder.decode(bytes)).as(bad).isInstanceOf(ProtocolException.class)
                        .hasMessageContaining("unreadable ALP frame")
                        .satisfies(e -> assertThat(((ProtocolException) e).context().rawBody()).isEqualTo(bad));
                bytes.release();
            }
        }
        ScaledBookUpdate update = new ScaledBookUpdate();
        for (ByteBuf bytes : asBytes(AlpDocExamples.raw("ws/diff.json"))) {
            assertThat(AlpFrameDecoder.diffInto(bytes, "BTC_USDT", update, 2, 8)).as("the reader recovers").isTrue();
            bytes.release();
        }
    }

    @Test
    void theDocumentsTradeAndDiffAreReadPlainlyAndTheirOddSpellingsByTheParserAlike() {
        for (String example : List.of("ws/trade.json", "ws/diff.json")) {
            String frame = AlpDocExamples.raw(example);
            AlpMessage plain = AlpPlainFrames.read(frame);
            assertThat(plain).as(example).isNotNull().isEqualTo(AlpFrameDecoder.decode(frame));
            for (ByteBuf bytes : asBytes(frame)) {
                assertThat(AlpPlainFrames.read(bytes)).as(example).isEqualTo(plain);
                bytes.release();
            }
            // an escape in the pair, a number with an exponent or spaces in its string: left to the parser, read alike
            String odd = frame.replace("\"BTC_USDT\"", "\"BTC\\u005FUSDT\"").replace("\"5.0\"", "\" 5.0 \"")
                    .replace("\"0.20285052\"", "2.0285052E-1");
            assertThat(odd).isNotEqualTo(frame);
            assertThat(AlpPlainFrames.read(odd)).as(odd).isNull();
            assertThat(AlpFrameDecoder.decode(odd)).as(odd).isEqualTo(plain).hasToString(plain.toString());
        }
    }
}
