package io.exflux.reactive.internal.ws;

import io.exflux.reactive.config.StreamKind;

import io.exflux.reactive.config.StreamOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exflux.api.stream.OverflowPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamOptionsTest {

    @Test
    void backoffIsFullJitterOverAnExponentialBoundCappedAtTheMaximum() {
        StreamOptions options = StreamOptions.builder()
                .initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofSeconds(1))
                .jitter(() -> 0.5)
                .build();
        assertThat(options.backoff(1)).isEqualTo(Duration.ofMillis(50));
        assertThat(options.backoff(2)).isEqualTo(Duration.ofMillis(100));
        assertThat(options.backoff(3)).isEqualTo(Duration.ofMillis(200));
        assertThat(options.backoff(4)).isEqualTo(Duration.ofMillis(400));
        assertThat(options.backoff(5)).isEqualTo(Duration.ofMillis(500));
        assertThat(options.backoff(60)).isEqualTo(Duration.ofMillis(500));
        assertThat(options.mutate().jitter(() -> 0.0).build().backoff(7)).isZero();
    }

    @Test
    void defaultsFollowTheDesign_perStreamKind() {
        StreamOptions defaults = StreamOptions.defaults();
        assertThat(defaults.overflowPolicy(StreamKind.ORDER_BOOK).kind()).isEqualTo(OverflowPolicy.Kind.LATEST);
        assertThat(defaults.overflowPolicy(StreamKind.TICKER).kind()).isEqualTo(OverflowPolicy.Kind.LATEST);
        assertThat(defaults.overflowPolicy(StreamKind.TRADES).kind()).isEqualTo(OverflowPolicy.Kind.BUFFER_THEN_FAIL);
        assertThat(defaults.overflowPolicy(StreamKind.PRIVATE).kind()).isEqualTo(OverflowPolicy.Kind.BUFFER_THEN_FAIL);
        assertThat(defaults.overflowPolicy(StreamKind.BOOK_UPDATES).kind()).isEqualTo(OverflowPolicy.Kind.BUFFER_THEN_RESYNC);
        assertThat(defaults.mutate().overflowPolicy(StreamKind.TRADES, OverflowPolicy.latest()).build()
                .overflowPolicy(StreamKind.TRADES)).isEqualTo(OverflowPolicy.latest());
        assertThat(defaults.overflowPolicy(StreamKind.TRADES).kind()).isEqualTo(OverflowPolicy.Kind.BUFFER_THEN_FAIL);
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> StreamOptions.builder().connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamOptions.builder().backoffMultiplier(0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamOptions.builder().initialBackoff(Duration.ofSeconds(5))
                .maxBackoff(Duration.ofSeconds(1)).build()).isInstanceOf(IllegalArgumentException.class);
    }
}
