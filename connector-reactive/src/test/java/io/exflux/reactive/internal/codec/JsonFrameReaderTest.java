package io.exflux.reactive.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One long-lived parser reads frame after frame: whole, in any script, and never one frame into the next. */
class JsonFrameReaderTest {

    private final JsonFrameReader reader = JsonFrameReader.forThisThread();

    /** The frame's first string after the opening bracket, then the frame closed. */
    private String firstText(String frame) throws IOException {
        JsonParser parser = reader.open(frame);
        assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
        parser.nextToken();
        String text = JsonValues.text(parser);
        reader.close();
        return text;
    }

    @Test
    void framesInAnyScriptReadBackExactly() throws IOException {
        assertThat(firstText("[\"BTC_USDT\",1]")).isEqualTo("BTC_USDT");
        assertThat(firstText("[\"café été\",1]")).isEqualTo("café été");
        assertThat(firstText("[\"\\u00e9 \uD83D\uDE80 ok\"]")).isEqualTo("é \uD83D\uDE80 ok");
        assertThat(firstText("[\"数字\",{\"x\":[1,2]}]")).isEqualTo("数字");
    }

    @Test
    void whatFollowsTheValueNeverReachesTheNextFrame() throws IOException {
        assertThat(firstText("[\"a\"] [\"b\"]")).isEqualTo("a");
        assertThat(firstText("[\"c\"] not json")).isEqualTo("c");
        assertThat(firstText("[\"d\"]")).isEqualTo("d");
    }

    @Test
    void aFrameCutShortFailsAndTheNextOneReadsWhole() throws IOException {
        JsonParser parser = reader.open("[\"a\",[1,2");
        parser.nextToken();
        parser.nextToken();
        assertThatThrownBy(reader::close).isInstanceOf(IOException.class);
        assertThat(firstText("[\"next\",[1,2]]")).isEqualTo("next");
    }

    @Test
    void aBigFrameReadsAndTheReaderCarriesOn() throws IOException {
        String big = "x".repeat(200_000);
        assertThat(firstText("[\"" + big + "\"]")).isEqualTo(big);
        assertThat(firstText("[\"small\"]")).isEqualTo("small");
    }

    @Test
    void valuesReadAsLenientJsonReadsThem() throws IOException {
        JsonParser parser = reader.open("[\"0.50\",0.50,1e2,\" 7 \",1694003848.5,\"2023-09-06T12:37:28Z\",null,\"\"]");
        parser.nextToken();
        parser.nextToken();
        assertThat(JsonValues.decimal(parser)).isEqualTo(new BigDecimal("0.50"));
        parser.nextToken();
        assertThat(JsonValues.decimal(parser)).isEqualTo(new BigDecimal("0.5")); // a JSON number, as readTree gives it
        parser.nextToken();
        assertThat(JsonValues.decimal(parser)).isEqualTo(new BigDecimal("1E+2"));
        parser.nextToken();
        assertThat(JsonValues.longValue(parser)).isEqualTo(7);
        parser.nextToken();
        assertThat(JsonValues.epochSeconds(parser)).isEqualTo(Instant.ofEpochSecond(1694003848L, 500_000_000L));
        parser.nextToken();
        assertThat(JsonValues.epochSeconds(parser)).isEqualTo(Instant.parse("2023-09-06T12:37:28Z"));
        parser.nextToken();
        assertThat(JsonValues.optionalDecimal(parser)).isNull();
        parser.nextToken();
        assertThat(JsonValues.optionalDecimal(parser)).isNull();
        reader.close();
    }

    @Test
    void absurdNumbersAreRefusedWithoutBeingExpanded() throws IOException {
        for (String number : new String[] {"1e99999999", "\"1e-999999999\"", "\"" + "9".repeat(150) + "\""}) {
            JsonParser parser = reader.open("[" + number + "]");
            parser.nextToken();
            parser.nextToken();
            assertThatThrownBy(() -> JsonValues.decimal(parser)).as(number).isInstanceOf(IllegalArgumentException.class);
            reader.abandon();
        }
    }

    /** The frame's first value as text, read from its bytes, then the frame closed. */
    private String firstValue(ByteBuf frame) throws IOException {
        JsonParser parser = reader.open(frame);
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_ARRAY) {
            parser.nextToken();
        }
        String text = parser.currentToken() == JsonToken.NOT_AVAILABLE ? null : parser.getText();
        reader.close();
        return text;
    }

    @Test
    void framesReadFromTheirBytesInPlaceOrCopiedAndTheBufferIsLeftAsItWas() throws IOException {
        byte[] utf8 = "xx[\"café 数字\",1]yy".getBytes(StandardCharsets.UTF_8);
        ByteBuf slice = Unpooled.wrappedBuffer(utf8).slice(2, utf8.length - 4); // an array with an offset: in place
        ByteBuf direct = Unpooled.directBuffer().writeBytes(utf8, 2, utf8.length - 4); // no array: copied
        try {
            for (ByteBuf frame : new ByteBuf[] {slice, direct, slice}) {
                int readerIndex = frame.readerIndex();
                assertThat(firstValue(frame)).isEqualTo("café 数字");
                assertThat(frame.readerIndex()).isEqualTo(readerIndex);
                assertThat(frame.refCnt()).isEqualTo(1);
                assertThat(firstText("[\"text\",2]")).as("a text frame between byte frames").isEqualTo("text");
            }
        } finally {
            direct.release();
        }
    }

    @Test
    void aRootNumberEndsWhenReadFromBytesAndWhatFollowsTheValueIsDropped() throws IOException {
        assertThat(firstValue(Unpooled.wrappedBuffer("42".getBytes(StandardCharsets.UTF_8)))).isEqualTo("42");
        assertThat(firstValue(Unpooled.wrappedBuffer("[\"a\"] [\"b\"]".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("a");
        assertThat(firstValue(Unpooled.wrappedBuffer("[\"c\"] 7".getBytes(StandardCharsets.UTF_8)))).isEqualTo("c");
        assertThat(firstValue(Unpooled.wrappedBuffer("[\"d\"]".getBytes(StandardCharsets.UTF_8)))).isEqualTo("d");
        assertThat(firstText("[\"e\"]")).isEqualTo("e");
    }

    @Test
    void aByteFrameCutShortFailsAndTheNextOneReadsWhole() throws IOException {
        JsonParser parser = reader.open(Unpooled.wrappedBuffer("[\"a\",[1,2]".getBytes(StandardCharsets.UTF_8)));
        parser.nextToken();
        parser.nextToken();
        assertThatThrownBy(reader::close).isInstanceOf(IOException.class);
        assertThat(firstValue(Unpooled.wrappedBuffer("[\"next\",[1,2]]".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("next");
    }

    @Test
    void bodiesReadFromAByteArrayInPlaceOrCopiedAndTheArrayIsLeftAsItWas() throws IOException {
        for (String body : List.of("[\"café\",1]", "[\"café\",1]\n", "[\"café\",1] [\"next\"]")) {
            byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
            byte[] before = utf8.clone();
            JsonParser parser = reader.open(utf8);
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            parser.nextToken();
            assertThat(JsonValues.text(parser)).as(body).isEqualTo("café");
            reader.close();
            assertThat(utf8).isEqualTo(before);
        }
        JsonParser root = reader.open("42".getBytes(StandardCharsets.UTF_8));
        assertThat(root.nextToken()).as("a root number ends").isEqualTo(JsonToken.VALUE_NUMBER_INT);
        reader.close();
        JsonParser empty = reader.open(new byte[0]);
        assertThat(empty.nextToken()).isEqualTo(JsonToken.NOT_AVAILABLE);
        reader.abandon();
        JsonParser cut = reader.open("[1,[2".getBytes(StandardCharsets.UTF_8));
        cut.nextToken();
        assertThatThrownBy(reader::close).isInstanceOf(IOException.class);
        assertThat(firstText("[\"after\"]")).isEqualTo("after");
    }
}
