package io.exflux.reactive.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Numbers and times read from a JSON number or a string alike. */
class LenientJsonTest {

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void decimalsFromNumbersAndStringsExactly() {
        JsonNode row = json("[0.1, \"0.30000000000000004\", \" 12.50 \", 7]");
        assertThat(LenientJson.decimal(row.get(0))).isEqualByComparingTo("0.1");
        assertThat(LenientJson.decimal(row.get(1)).toPlainString()).isEqualTo("0.30000000000000004");
        assertThat(LenientJson.decimal(row.get(2)).toPlainString()).isEqualTo("12.50");
        assertThat(LenientJson.decimal(row.get(3))).isEqualByComparingTo("7");
    }

    @Test
    void optionalValuesAreNullWhenAbsentNullOrBlank() {
        JsonNode row = json("[null, \"\", \"  \"]");
        assertThat(LenientJson.optionalDecimal(row.get(0))).isNull();
        assertThat(LenientJson.optionalDecimal(row.get(1))).isNull();
        assertThat(LenientJson.optionalDecimal(row.get(2))).isNull();
        assertThat(LenientJson.optionalDecimal(row.get(3))).isNull();
        assertThat(LenientJson.optionalEpochSeconds(row.get(1))).isNull();
        assertThat(LenientJson.text(row.get(1))).isNull();
        assertThat(LenientJson.text(row.get(0))).isNull();
    }

    @Test
    void wholeNumbersRefuseFractions() {
        JsonNode row = json("[293107798, \"293107798\", 1.5]");
        assertThat(LenientJson.longValue(row.get(0))).isEqualTo(293107798L);
        assertThat(LenientJson.longValue(row.get(1))).isEqualTo(293107798L);
        assertThatThrownBy(() -> LenientJson.longValue(row.get(2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secondsAsNumberOrText() {
        JsonNode row = json("[1586857703.901509, \"1694003848\", \"2023-09-04T12:00:00Z\"]");
        assertThat(LenientJson.epochSeconds(row.get(0))).isEqualTo(Instant.ofEpochSecond(1586857703L, 901_509_000L));
        assertThat(LenientJson.epochSeconds(row.get(1))).isEqualTo(Instant.ofEpochSecond(1694003848L));
        assertThat(LenientJson.epochSeconds(row.get(2))).isEqualTo(Instant.parse("2023-09-04T12:00:00Z"));
    }

    @Test
    void somethingElseIsRefusedByName() {
        JsonNode row = json("[true, \"abc\", {}]");
        assertThatThrownBy(() -> LenientJson.decimal(row.get(0))).hasMessageContaining("not a number");
        assertThatThrownBy(() -> LenientJson.decimal(row.get(1))).hasMessageContaining("not a number");
        assertThatThrownBy(() -> LenientJson.epochSeconds(row.get(2))).hasMessageContaining("neither a number nor text");
    }
}
