package io.exflux.samples.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** One price, one look: whatever scale a value arrives with, it prints with the market's decimals. */
class MarketScaleTest {

    private final MarketScale btcUsdt = new MarketScale(2, 8);

    @Test
    void restAndStreamScalesOfOnePricePrintAlike() {
        assertThat(btcUsdt.price(new BigDecimal("65013"))).isEqualTo("65013.00");
        assertThat(btcUsdt.price(new BigDecimal("65013.00"))).isEqualTo("65013.00");
        assertThat(btcUsdt.price(new BigDecimal("64980.5"))).isEqualTo("64980.50");
    }

    @Test
    void aZeroAmountIsDecimalsNotAnExponent() {
        assertThat(btcUsdt.amount(new BigDecimal("0E-8"))).isEqualTo("0.00000000");
        assertThat(btcUsdt.amount(new BigDecimal("1.5"))).isEqualTo("1.50000000");
    }

    @Test
    void aMidBetweenTwoTicksRoundsHalfEvenForDisplay() {
        assertThat(btcUsdt.price(new BigDecimal("65076.555"))).isEqualTo("65076.56");
        assertThat(btcUsdt.price(new BigDecimal("65076.565"))).isEqualTo("65076.56");
    }

    @Test
    void aFractionPrintsAsASignedPercentage() {
        assertThat(MarketScale.percent(new BigDecimal("0.0123"))).isEqualTo("+1.23%");
        assertThat(MarketScale.percent(new BigDecimal("-0.0001"))).isEqualTo("-0.01%");
        assertThat(MarketScale.percent(BigDecimal.ZERO)).isEqualTo("0.00%");
        assertThat(MarketScale.percent(null)).isEqualTo("-");
    }

    @Test
    void unknownMarketsAndMissingValues() {
        assertThat(MarketScale.AS_IS.price(new BigDecimal("0E-8"))).isEqualTo("0.00000000");
        assertThat(MarketScale.AS_IS.price(new BigDecimal("65013"))).isEqualTo("65013");
        assertThat(btcUsdt.price(null)).isEqualTo("-");
    }
}
