package io.exflux.reactive.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedDecimalsTest {

    record Price(BigDecimal price) {
    }

    @Test
    void ordinaryVenueNumbersPassUnchanged() {
        for (String text : List.of("0", "65013.00", "0.00000001", "-12.5", "1E+3", "156489295.23543299",
                "123456789012345678901234567890.1234567890")) {
            assertThat(BoundedDecimals.parse(text)).isEqualByComparingTo(new BigDecimal(text));
        }
    }

    @Test
    void absurdExponentsAreRefusedWithAShortMessage() {
        for (String text : List.of("1e99999999", "1E+999999999", "1e-999999999", "-5e41", "1e-41")) {
            assertThatThrownBy(() -> BoundedDecimals.parse(text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("number out of range")
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(80));
        }
    }

    @Test
    void overlongTextIsRefusedBeforeItIsRead() {
        String text = "1".repeat(BoundedDecimals.MAX_TEXT_LENGTH + 1);
        assertThatThrownBy(() -> BoundedDecimals.parse(text)).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("101 characters");
    }

    @Test
    void aDescriptionNeverExpandsTheValue() {
        assertThat(BoundedDecimals.describe(new BigDecimal("1e-999999999"))).isEqualTo("1E-999999999");
        assertThat(BoundedDecimals.describe(new BigDecimal("-2.5e99999999"))).isEqualTo("-25E99999998");
        assertThat(BoundedDecimals.describe(new BigDecimal("1234567890123456789012345.5")))
                .isEqualTo("12345678901234567890... (26 digits)E-1");
    }

    @Test
    void theSharedMapperRefusesOutOfRangeNumbersAsJsonNumbersAndAsStrings() throws Exception {
        assertThat(Json.mapper().readValue("{\"price\":\"65013.50\"}", Price.class).price())
                .isEqualByComparingTo("65013.50");
        assertThat(Json.mapper().readValue("{\"price\":65013.50}", Price.class).price())
                .isEqualByComparingTo("65013.50");
        for (String body : List.of("{\"price\":1e99999999}", "{\"price\":\"1E+999999999\"}",
                "{\"price\":\"1e-999999999\"}")) {
            assertThatThrownBy(() -> Json.mapper().readValue(body, Price.class))
                    .isInstanceOf(JsonMappingException.class)
                    .hasMessageContaining("number out of range");
        }
        assertThatThrownBy(() -> Json.mapper().readTree("[\"t\",1e99999999]"))
                .hasMessageContaining("number out of range");
    }
}
