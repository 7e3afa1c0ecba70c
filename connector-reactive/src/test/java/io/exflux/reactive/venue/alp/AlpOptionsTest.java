package io.exflux.reactive.venue.alp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exflux.api.config.Credentials;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.config.HttpOptions;
import io.exflux.reactive.config.RateLimit;
import io.exflux.reactive.config.RetryOptions;
import io.exflux.reactive.venue.alp.model.AlpWalletType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Immutable options with public defaults; the secret never shows. */
class AlpOptionsTest {

    @Test
    void defaults() {
        AlpOptions options = AlpOptions.defaults();
        assertThat(options.rateLimit(AlpOptions.PUBLIC_SCOPE)).contains(RateLimit.perSecond(10));
        assertThat(options.rateLimit(AlpOptions.PRIVATE_SCOPE)).contains(RateLimit.perSecond(5));
        assertThat(options.credentials()).isNull();
        assertThat(options.resources()).isEmpty();
        assertThat(options.walletType()).isEqualTo(AlpWalletType.SPOT);
        assertThat(options.retry().maxAttempts()).isEqualTo(AlpOptions.DEFAULT_MAX_ATTEMPTS).isEqualTo(4);
        assertThat(options.retry().backoff()).isSameAs(RetryOptions.DEFAULT_BACKOFF);
        assertThat(options.http().responseTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.http()).isSameAs(HttpOptions.defaults());
    }

    @Test
    void mutateCopiesAndLeavesTheOriginalAlone() {
        AlpOptions original = AlpOptions.defaults();
        ClientResources resources = ClientResources.create();
        Backoff backoff = Backoff.constant(Duration.ofMillis(5));
        AlpOptions changed = original.mutate().credentials(Credentials.of("KEY-123456", "TOPSECRET"))
                .rateLimit(AlpOptions.PUBLIC_SCOPE, RateLimit.perSecond(2)).maxAttempts(1).backoff(backoff)
                .responseTimeout(Duration.ofSeconds(3)).resources(resources).build();
        assertThat(original.credentials()).isNull();
        assertThat(original.rateLimit(AlpOptions.PUBLIC_SCOPE)).contains(RateLimit.perSecond(10));
        assertThat(original.retry().maxAttempts()).isEqualTo(4);
        assertThat(original.resources()).isEmpty();
        assertThat(changed.rateLimit(AlpOptions.PUBLIC_SCOPE)).contains(RateLimit.perSecond(2));
        assertThat(changed.rateLimit(AlpOptions.PRIVATE_SCOPE)).contains(RateLimit.perSecond(5));
        assertThat(changed.retry().maxAttempts()).isEqualTo(1);
        assertThat(changed.retry().backoff()).isSameAs(backoff);
        assertThat(changed.http().responseTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(changed.resources()).containsSame(resources);
        assertThat(changed.restUrl()).isEqualTo(original.restUrl());
        assertThat(changed.mutate().build().retry().backoff()).isSameAs(backoff);
        assertThat(changed.toString()).doesNotContain("TOPSECRET").contains("KEY-****");
        assertThat(changed.mutate().rateLimit(AlpOptions.PUBLIC_SCOPE, null).build().rateLimits())
                .containsOnlyKeys(AlpOptions.PRIVATE_SCOPE);
        resources.shutdown().block(Duration.ofSeconds(10));
    }

    @Test
    void badValuesAreRefused() {
        assertThatThrownBy(() -> AlpOptions.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlpOptions.builder().responseTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlpOptions.builder().backoff(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlpOptions.builder().rateLimit(" ", RateLimit.perSecond(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlpOptions.builder().walletType(AlpWalletType.UNKNOWN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textualSettingsUseTheSameVocabulary() {
        AlpOptions options = AlpOptions.builder().properties(Map.of("rest-url", "http://127.0.0.1:9/api/v3",
                "ws-url", "ws://127.0.0.1:9/ws", "api-key", "KEY-123456", "api-secret", "TOPSECRET",
                "response-timeout", "PT3S", "max-attempts", "2")).build();
        assertThat(options.restUrl()).hasToString("http://127.0.0.1:9/api/v3");
        assertThat(options.wsUrl()).hasToString("ws://127.0.0.1:9/ws");
        assertThat(options.credentials().apiKey()).isEqualTo("KEY-123456");
        assertThat(options.http().responseTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.retry().maxAttempts()).isEqualTo(2);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> AlpOptions.builder().properties(Map.of("request-timeout", "PT3S")))
                .withMessage("unknown setting 'request-timeout'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AlpOptions.builder().properties(Map.of("response-timeout", "3 seconds")))
                .withMessageContaining("ISO-8601");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AlpOptions.builder().properties(Map.of("api-secret", "TOPSECRET")))
                .withMessageNotContaining("TOPSECRET");
    }

    @Test
    void theBoundsOfAnAnswerAreSettingsToo() {
        AlpOptions options = AlpOptions.builder().properties(Map.of("attempt-timeout", "PT20S",
                "max-rate-limit-wait", "PT5S", "max-response-body-size", "1048576")).build();

        assertThat(options.http().attemptTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.http().maxRateLimitWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.http().maxResponseBodySize()).isEqualTo(1_048_576);
        assertThat(AlpOptions.builder().build().http().maxResponseBodySize()).isEqualTo(8 * 1024 * 1024);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AlpOptions.builder().properties(Map.of("max-response-body-size", "8 MiB")))
                .withMessageContaining("whole number of bytes");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AlpOptions.builder().properties(Map.of("max-response-body-size", "0")))
                .withMessageContaining("at least 1");
    }
}
