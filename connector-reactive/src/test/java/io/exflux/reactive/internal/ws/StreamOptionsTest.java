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
}
