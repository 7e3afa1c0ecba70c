package io.exflux.reactive.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exflux.api.model.CurrencyPair;
import org.junit.jupiter.api.Test;

/** BASE-separator-QUOTE symbols both ways. */
class SymbolFormatTest {

    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");

    @Test
    void underscoreAndDash() {
        SymbolFormat underscore = new SymbolFormat("_");
        SymbolFormat dash = new SymbolFormat("-");
        assertThat(underscore.format(BTC_USDT)).isEqualTo("BTC_USDT");
        assertThat(dash.format(CurrencyPair.of("BTC", "USD"))).isEqualTo("BTC-USD");
        assertThat(underscore.parse("btc_usdt")).isEqualTo(BTC_USDT);
        assertThat(dash.parse("BTC-USD")).isEqualTo(CurrencyPair.of("BTC", "USD"));
    }

    @Test
    void refusesWhatIsNotOneBaseAndOneQuote() {
        SymbolFormat underscore = new SymbolFormat("_");
        for (String bad : new String[] {"BTCUSDT", "A_B_C", "_USDT", "BTC_", "BTC-USDT"}) {
            assertThatThrownBy(() -> underscore.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("BASE_QUOTE");
        }
        assertThatThrownBy(() -> underscore.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SymbolFormat("")).isInstanceOf(IllegalArgumentException.class);
    }
}
