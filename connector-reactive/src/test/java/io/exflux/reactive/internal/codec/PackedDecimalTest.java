package io.exflux.reactive.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.exflux.api.error.ProtocolException;
import io.exflux.reactive.internal.book.ScaledDecimals;
import java.io.IOException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * A packed decimal is the same decimal as the one {@link JsonValues#decimal} reads, scale included, whether the text
 * packs on the fast path or goes through {@code BigDecimal}; what does not pack says so, and the book's scaling of a
 * packed value refuses what it would round.
 */
class PackedDecimalTest {

    private final JsonFrameReader reader = JsonFrameReader.forThisThread();

    /** The first element of {@code [value]}: packed, and the BigDecimal of the slow reading, which must agree. */
    private long packed(String value) throws IOException {
        JsonParser parser = reader.open("[" + value + "]");
        parser.nextToken();
        parser.nextToken();
        long packed = JsonValues.packedDecimal(parser);
        BigDecimal expected = JsonValues.decimal(parser);
        reader.close();
        if (packed != PackedDecimal.NONE) {
            assertThat(PackedDecimal.toBigDecimal(packed)).as(value).isEqualTo(expected); // equals: scale too
            assertThat(PackedDecimal.of(expected)).as(value).isEqualTo(packed);
        } else {
            assertThat(PackedDecimal.of(expected)).as(value).isEqualTo(PackedDecimal.NONE);
        }
        return packed;
    }

    @Test
    void valuesKeepTheirScaleAsTheSlowReadingGivesIt() throws IOException {
        assertThat(PackedDecimal.toBigDecimal(packed("\"25705.02000000\""))).hasToString("25705.02000000");
        assertThat(PackedDecimal.toBigDecimal(packed("25705.020"))).hasToString("25705.02"); // JSON number: stripped
        assertThat(PackedDecimal.toBigDecimal(packed("\" -0.00 \""))).hasToString("0.00");
        assertThat(PackedDecimal.toBigDecimal(packed("-0.0"))).hasToString("0");
        assertThat(PackedDecimal.toBigDecimal(packed("-12"))).hasToString("-12");
        assertThat(PackedDecimal.toBigDecimal(packed("\"007.5\""))).hasToString("7.5");
        assertThat(PackedDecimal.toBigDecimal(packed("\"99999999999999999\""))).hasToString("99999999999999999");
        assertThat(PackedDecimal.toBigDecimal(packed("\"-0." + "0".repeat(39) + "1\""))).isEqualByComparingTo("-1e-40");
    }

    @Test
    void whatDoesNotPackIsSaid() throws IOException {
        assertThat(packed("\"100000000000000000\"")).isEqualTo(PackedDecimal.NONE); // 18 digits
        assertThat(packed("100.0")).isEqualTo(PackedDecimal.NONE); // strips to 1E+2
        assertThat(packed("1.5e3")).isEqualTo(PackedDecimal.NONE);
        assertThat(PackedDecimal.toBigDecimal(packed("\"+1.5\""))).hasToString("1.5"); // packs, the slow way
        assertThat(PackedDecimal.of(new BigDecimal("1e-64"))).isEqualTo(PackedDecimal.NONE);
        assertThat(PackedDecimal.pack(0, 63)).isNotEqualTo(PackedDecimal.NONE);
    }

    @Test
    void textThatIsNoNumberFailsAsTheSlowReadingDoes() throws IOException {
        for (String value : new String[] {"\"1.2.3\"", "\"abc\"", "\"0." + "0".repeat(45) + "1\"", "\"" + "0".repeat(101) + "\""}) {
            JsonParser parser = reader.open("[" + value + "]");
            parser.nextToken();
            assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
            assertThatThrownBy(() -> JsonValues.packedDecimal(parser)).as(value)
                    .isInstanceOf(IllegalArgumentException.class);
            reader.abandon();
        }
    }

    @Test
    void theBookScalesPackedValuesExactlyOrRefusesThem() {
        long price = PackedDecimal.pack(2570502, 2); // 25705.02
        assertThat(ScaledDecimals.toScaled(PackedDecimal.unscaled(price), PackedDecimal.scale(price), 8, "price"))
                .isEqualTo(2_570_502_000_000L);
        assertThat(ScaledDecimals.toScaled(1_500, 3, 1, "amount")).isEqualTo(15); // 1.500 at one decimal
        assertThat(ScaledDecimals.toScaled(0, 40, 2, "amount")).isZero();
        assertThatThrownBy(() -> ScaledDecimals.toScaled(1_501, 3, 1, "amount")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("amount 1.501");
        assertThatThrownBy(() -> ScaledDecimals.toScaled(99_999_999_999_999_999L, 0, 8, "price"))
                .isInstanceOf(ProtocolException.class);
        assertThat(ScaledDecimals.toScaled(-7, 0, 18, "price")).isEqualTo(-7_000_000_000_000_000_000L);
    }
}
