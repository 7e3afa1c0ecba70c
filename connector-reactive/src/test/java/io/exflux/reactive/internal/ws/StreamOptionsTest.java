package io.exflux.reactive.internal.ws;

import io.exflux.reactive.config.Backoff;

import io.exflux.reactive.config.StreamKind;

import io.exflux.reactive.config.StreamOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exflux.api.stream.OverflowPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamOptionsTest {

    @Test
    void streamsUseTheResourcesReconnectBackoffUnlessTheyNameTheirOwn() {
        assertThat(StreamOptions.defaults().backoff()).isEmpty();
        Backoff own = Backoff.constant(Duration.ofSeconds(2));
        StreamOptions options = StreamOptions.builder().backoff(own).build();
        assertThat(options.backoff()).containsSame(own);
        assertThat(options.mutate().build().backoff()).containsSame(own);
        assertThat(options.mutate().backoff(null).build().backoff()).isEmpty();
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
        assertThatThrownBy(() -> StreamOptions.builder().unsubscribeGrace(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stallTimeoutAndConnectAttempts_defaultToABoundedStallAndEightAttempts_zeroMeansOffOrUnlimited() {
        StreamOptions defaults = StreamOptions.defaults();
        assertThat(defaults.stallTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(defaults.maxConnectAttempts()).isEqualTo(8);
        assertThat(defaults.limitsConnectAttempts()).isTrue();

        StreamOptions changed = defaults.mutate().stallTimeout(Duration.ZERO)
                .maxConnectAttempts(StreamOptions.UNLIMITED_CONNECT_ATTEMPTS).build();
        assertThat(changed.stallTimeout()).isZero();
        assertThat(changed.limitsConnectAttempts()).isFalse();
        assertThat(changed.mutate().build().maxConnectAttempts()).isZero();
        assertThat(changed.toString()).contains("maxConnectAttempts=unlimited");

        assertThatThrownBy(() -> StreamOptions.builder().stallTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stallTimeout");
        assertThatThrownBy(() -> StreamOptions.builder().maxConnectAttempts(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConnectAttempts");
    }
}
