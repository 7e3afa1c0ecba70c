package io.exflux.reactive.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The plain cursor reads a value exactly as the streaming parser's {@link JsonValues} reads it, or not at all: every
 * other spelling is left for the full reader, the cursor where it was.
 */
class PlainJsonCursorTest {

    private final PlainJsonCursor cursor = new PlainJsonCursor();
    private final JsonFrameReader reader = JsonFrameReader.forThisThread();

    /** The value of {@code [value]} packed by the streaming parser. */
    private long parsed(String value) throws IOException {
        JsonParser parser = reader.open("[" + value + "]");
        parser.nextToken();
        parser.nextToken();
        long packed = JsonValues.packedDecimal(parser);
        reader.close();
        return packed;
    }

    /** The value of {@code [value]} read by the cursor, which must then stand on the closing bracket. */
    private long plain(String value) {
        assertThat(cursor.on("[" + value + "]")).isTrue();
        assertThat(cursor.token('[')).isTrue();
        long packed = cursor.number();
        if (packed != PackedDecimal.NONE) {
            assertThat(cursor.token(']') && cursor.atEnd()).as(value).isTrue();
        } else {
            assertThat(cursor.number()).as("nothing consumed: " + value).isEqualTo(PackedDecimal.NONE);
        }
        return packed;
    }

    @Test
    void numbersReadAsTheParserReadsThem() throws IOException {
        for (String value : new String[] {"0", "-0", "0.0", "-0.0", "\"-0\"", "\"-0.0\"", "25705.020", "\"25705.02000000\"",
            "-12", "\"-12\"", "\"007.5\"", "0.00000001", "\"99999999999999999\"", "99999999.999999999", "7",
            "\"0." + "0".repeat(30) + "1\"", "1.10", "-1.10"}) {
            long packed = plain(value);
            assertThat(packed).as(value).isNotEqualTo(PackedDecimal.NONE).isEqualTo(parsed(value));
        }
    }

    @Test
    void otherSpellingsAreLeftToTheFullReader() {
        for (String value : new String[] {"1e5", "1.5E-3", "\"1e5\"", "01", "-01.5", "00", "5.", "\"5.\"", ".5", "\".5\"",
            "+5", "\"+5\"", "\" 5\"", "\"5 \"", "\"\"", "-", "\"-\"", "100.0", "\"100000000000000000\"",
            "123456789012345678", "\"0." + "0".repeat(40) + "1\"", "\"5\\u0030\"", "\"5", "null", "true", "\"x\"",
            "1.2.3", "\"1.2.3\""}) {
            assertThat(plain(value)).as(value).isEqualTo(PackedDecimal.NONE);
        }
    }

    @Test
    void numbersOfAnyLengthReadAsTheParserReadsThemOrNotAtAll() throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261130L);
        int read = 0;
        for (int n = 0; n < 20_000; n++) {
            String whole = digits(random, random.nextInt(20));
            String spelled = (random.nextInt(4) == 0 ? "-" : "") + whole
                    + (random.nextBoolean() ? "." + digits(random, random.nextInt(20)) : "");
            String value = random.nextBoolean() ? "\"" + spelled + "\"" : spelled;
            long packed = plain(value);
            if (packed != PackedDecimal.NONE) {
                read++;
                assertThat(packed).as(value).isEqualTo(parsed(value));
            }
        }
        assertThat(read).as("numbers the cursor read").isGreaterThan(5_000);
    }

    private static String digits(java.util.SplittableRandom random, int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    @Test
    void aNumberIsReadUpToItsFrameEndAndNeverFromBytesPastIt() throws IOException {
        // bytes exactly the frame: nothing past its last digit to look at
        for (String value : new String[] {"7", "123456789012", "\"1234567.1234567\"", "0.000001"}) {
            ByteBuf frame = Unpooled.wrappedBuffer(("[" + value + "]").getBytes(StandardCharsets.US_ASCII));
            assertThat(cursor.on(frame) && cursor.token('[')).isTrue();
            assertThat(cursor.number()).as(value).isEqualTo(parsed(value));
        }
        // a frame cut inside a number, read from the copy a longer frame filled before: its old digits stay unread
        assertThat(cursor.on("[\"12345678901234\"]")).isTrue();
        assertThat(cursor.on("[\"12") && cursor.token('[')).isTrue();
        assertThat(cursor.number()).isEqualTo(PackedDecimal.NONE);
        assertThat(cursor.on("[12") && cursor.token('[')).isTrue();
        assertThat(cursor.number()).isEqualTo(PackedDecimal.NONE);
    }

    @Test
    void textsComeFromTheParsersCacheAndOnlyWhenPlain() throws IOException {
        JsonParser parser = reader.open("[\"BTC_USDT\"]");
        parser.nextToken();
        parser.nextToken();
        String parsed = JsonValues.text(parser);
        reader.close();
        assertThat(cursor.on(" [ \"BTC_USDT\" ] ")).isTrue();
        assertThat(cursor.token('[')).isTrue();
        assertThat(cursor.text()).isSameAs(parsed);
        for (String frame : new String[] {"[\"BTC\\u005fUSDT\"]", "[\"BTC\\\"\"]", "[\"caf\u00e9\"]", "[\"a\tb\"]", "[BTC]",
            "[\"" + "x".repeat(TextCache.MAX_LENGTH + 1) + "\"]", "[\"unclosed"}) {
            assertThat(!cursor.on(frame) || cursor.token('[') && cursor.text() == null).as(frame).isTrue();
        }
    }

    @Test
    void aTextLikeTheOneBeforeIsReadForWhatItIs() {
        String[] texts = {"BTC_USD", "ETH_USD", "ETH_USD", "BTC_USDT", "BTC_USD", "ETH_BTC", "BTC_USD"};
        for (String text : texts) {
            assertThat(cursor.on("[\"" + text + "\"]") && cursor.token('[')).isTrue();
            assertThat(cursor.text()).isEqualTo(text);
        }
        ByteBuf both = Unpooled.wrappedBuffer("[\"BTC_USD\",\"BTC_EUR\"]".getBytes(StandardCharsets.US_ASCII));
        assertThat(cursor.on(both) && cursor.token('[')).isTrue();
        assertThat(cursor.text()).isEqualTo("BTC_USD");
        assertThat(cursor.token(',') && "BTC_EUR".equals(cursor.text())).isTrue();
    }

    @Test
    void wholeNumbersAndSecondsOnlyAsPlainJsonIntegers() {
        assertThat(cursor.on("[1694003848,0,293107798]")).isTrue();
        assertThat(cursor.token('[')).isTrue();
        assertThat(cursor.epochSeconds()).isEqualTo(Instant.ofEpochSecond(1694003848));
        assertThat(cursor.token(',') && cursor.wholeNumber() == 0 && cursor.token(',')).isTrue();
        assertThat(cursor.wholeNumber()).isEqualTo(293107798L);
        for (String value : new String[] {"1694003848.5", "\"1694003848\"", "01", "-5", "1e9", "1234567890123", ""}) {
            assertThat(cursor.on("[" + value + "]") && cursor.token('[')).isTrue();
            assertThat(cursor.epochSeconds()).as(value).isNull();
        }
    }

    @Test
    void readsBytesInPlaceOrCopiedAndTextOnlyWhenAscii() {
        byte[] bytes = "xx[\"d\"]".getBytes(StandardCharsets.UTF_8);
        ByteBuf heap = Unpooled.wrappedBuffer(bytes).skipBytes(2);
        ByteBuf direct = Unpooled.directBuffer(16).writeBytes(bytes).skipBytes(2);
        try {
            for (ByteBuf frame : new ByteBuf[] {heap, direct}) {
                assertThat(cursor.on(frame)).isTrue();
                assertThat(cursor.token('[') && cursor.stringIs("d") && cursor.token(']') && cursor.atEnd()).isTrue();
                assertThat(frame.readerIndex()).isEqualTo(2);
            }
        } finally {
            direct.release();
        }
        assertThat(cursor.on("[\"caf\u00e9\"]")).isFalse();
        assertThat(cursor.on("[\"t\"]") && cursor.token('[') && !cursor.stringIs("d") && cursor.stringIs("t")).isTrue();
    }
}
