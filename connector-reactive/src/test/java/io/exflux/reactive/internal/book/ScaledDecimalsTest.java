package io.exflux.reactive.internal.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exflux.api.error.ProtocolException;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScaledDecimalsTest {

    @Test
    void venueTextIsReadExactlyIntoScaledLongs() {
        assertThat(ScaledDecimals.parse("59252.5", 2, "price")).isEqualTo(5_925_250L);
        assertThat(ScaledDecimals.parse("-0.00100", 5, "amount")).isEqualTo(-100L);
        assertThat(ScaledDecimals.parse("+3", 2, "price")).isEqualTo(300L);
        assertThat(ScaledDecimals.parse("1.500000", 1, "price")).isEqualTo(15L);
        assertThat(ScaledDecimals.parse("0", 8, "amount")).isZero();
        assertThat(ScaledDecimals.parse("1.5E-3", 4, "amount")).isEqualTo(15L);
        assertThat(ScaledDecimals.parse("92233720368547758.07", 2, "price")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void moreDecimalsThanTheScaleIsATypedErrorNotARounding() {
        assertThatThrownBy(() -> ScaledDecimals.parse("1.55", 1, "price"))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("price 1.55 has more than 1 decimals or does not fit a 64-bit scaled value; "
                        + "it is not rounded");
        assertThatThrownBy(() -> ScaledDecimals.toScaled(new BigDecimal("1.55"), 1, "price"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("price 1.55 has more than 1 decimals");
        assertThatThrownBy(() -> ScaledDecimals.parse("1.5E-5", 4, "amount"))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void valuesBeyondALongAreTypedErrors() {
        assertThatThrownBy(() -> ScaledDecimals.parse("92233720368547758.08", 2, "price"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> ScaledDecimals.toScaled(new BigDecimal("92233720368547758.08"), 2, "price"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("does not fit");
    }

    @Test
    void textThatIsNotANumberIsATypedError() {
        for (String text : new String[] {"", "-", ".", "1.2.3", "12a", "NaN", "1,5"}) {
            assertThatThrownBy(() -> ScaledDecimals.parse(text, 2, "price"))
                    .as(text).isInstanceOf(ProtocolException.class).hasMessageContaining("price");
        }
    }

    @Test
    void parsingTextAgreesWithScalingTheBigDecimal() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            int scale = random.nextInt(9);
            BigDecimal value = BigDecimal.valueOf(random.nextLong() >> random.nextInt(64), random.nextInt(scale + 1));
            if (random.nextBoolean()) {
                value = value.setScale(value.scale() + random.nextInt(4)); // trailing zeros
            }
            String text = value.toPlainString();
            long expected;
            try {
                expected = value.movePointRight(scale).longValueExact();
            } catch (ArithmeticException tooLarge) {
                BigDecimal tooLargeValue = value;
                assertThatThrownBy(() -> ScaledDecimals.parse(text, scale, "v")).as(text)
                        .isInstanceOf(ProtocolException.class);
                assertThatThrownBy(() -> ScaledDecimals.toScaled(tooLargeValue, scale, "v")).as(text)
                        .isInstanceOf(ProtocolException.class);
                continue;
            }
            assertThat(ScaledDecimals.parse(text, scale, "v")).as(text).isEqualTo(expected);
            assertThat(ScaledDecimals.toScaled(value, scale, "v")).as(text).isEqualTo(expected);
            assertThat(ScaledDecimals.fromScaled(expected, scale)).isEqualByComparingTo(value);
        }
    }

    @Test
    void bigDecimalsUpToFifteenDigitsAndJustBeyondConvertExactlyAtEveryScale() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            int digits = 1 + random.nextInt(17); // around the 15-digit limit of the allocation-free path
            long unscaled = (long) (random.nextDouble() * Math.pow(10, digits));
            if (random.nextBoolean()) {
                unscaled = -unscaled;
            }
            int scale = random.nextInt(19);
            int valueScale = random.nextInt(scale + 1);
            BigDecimal value = BigDecimal.valueOf(unscaled, valueScale);
            long expected;
            try {
                expected = value.movePointRight(scale).longValueExact();
            } catch (ArithmeticException tooLarge) {
                assertThatThrownBy(() -> ScaledDecimals.toScaled(value, scale, "v")).as(value.toPlainString())
                        .isInstanceOf(ProtocolException.class);
                continue;
            }
            assertThat(ScaledDecimals.toScaled(value, scale, "v")).as(value + " at scale " + scale).isEqualTo(expected);
        }
        assertThat(ScaledDecimals.toScaled(new BigDecimal("999999999999999"), 0, "v")).isEqualTo(999_999_999_999_999L);
        assertThat(ScaledDecimals.toScaled(new BigDecimal("-9.99999999999999"), 14, "v")).isEqualTo(-999_999_999_999_999L);
        assertThat(ScaledDecimals.toScaled(new BigDecimal("0.000000000000001"), 18, "v")).isEqualTo(1_000L);
    }

    @Test
    void textAtTheEdgesOfTheShortPathIsReadLikeAnyOther() {
        assertThat(ScaledDecimals.parse("5.", 2, "price")).isEqualTo(500L);
        assertThat(ScaledDecimals.parse(".5", 2, "price")).isEqualTo(50L);
        assertThat(ScaledDecimals.parse("-0", 2, "price")).isZero();
        assertThat(ScaledDecimals.parse("123456789012345678", 0, "v")).isEqualTo(123_456_789_012_345_678L);
        assertThat(ScaledDecimals.parse("12345678901234567.8", 1, "v")).isEqualTo(123_456_789_012_345_678L);
        assertThat(ScaledDecimals.parse("1234567890123456789", 0, "v")).isEqualTo(1_234_567_890_123_456_789L);
        assertThat(ScaledDecimals.parse("9.22337203685477580", 18, "v")).isEqualTo(9_223_372_036_854_775_800L);
        assertThatThrownBy(() -> ScaledDecimals.parse("9.3", 18, "v"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> ScaledDecimals.parse("-.", 2, "price")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> ScaledDecimals.parse("1-", 2, "price")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> ScaledDecimals.parse("--1", 2, "price")).isInstanceOf(ProtocolException.class);
    }
}
