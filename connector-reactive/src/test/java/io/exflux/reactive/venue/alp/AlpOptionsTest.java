package io.exflux.reactive.venue.alp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exflux.api.config.Credentials;
import io.exflux.reactive.config.RateLimit;
import io.exflux.reactive.venue.alp.model.AlpWalletType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Immutable options with public defaults; the secret never shows. */
class AlpOptionsTest {

    @Test
    void defaults() {
        AlpOptions options = AlpOptions.defaults();
        assertThat(options.publicRateLimit()).isEqualTo(RateLimit.perSecond(10));
        assertThat(options.privateRateLimit()).isEqualTo(RateLimit.perSecond(5));
        assertThat(options.credentials()).isNull();
        assertThat(options.walletType()).isEqualTo(AlpWalletType.SPOT);
        assertThat(options.maxRetries()).isEqualTo(AlpOptions.DEFAULT_MAX_RETRIES);
        assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void mutateCopiesAndLeavesTheOriginalAlone() {
        AlpOptions original = AlpOptions.defaults();
        AlpOptions changed = original.mutate().credentials(Credentials.of("KEY-123456", "TOPSECRET"))
                .publicRateLimit(RateLimit.perSecond(2)).build();
        assertThat(original.credentials()).isNull();
        assertThat(changed.publicRateLimit()).isEqualTo(RateLimit.perSecond(2));
        assertThat(changed.restUrl()).isEqualTo(original.restUrl());
        assertThat(changed.toString()).doesNotContain("TOPSECRET").contains("KEY-****");
    }

    @Test
    void badValuesAreRefused() {
        assertThatThrownBy(() -> AlpOptions.builder().maxRetries(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlpOptions.builder().requestTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlpOptions.builder().walletType(AlpWalletType.UNKNOWN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
