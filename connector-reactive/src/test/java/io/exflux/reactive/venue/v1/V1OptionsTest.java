package io.exflux.reactive.venue.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exflux.reactive.Exchanges;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The v1 options: each venue's defaults, the textual settings, refusals that name the setting, no secret shown. */
class V1OptionsTest {

    @Test
    void eachDialectBringsItsDefaults() {
        V1Options alpha = V1Options.defaults(V1Dialect.BTC_ALPHA);
        assertThat(alpha.restUrl()).hasToString("https://btc-alpha.com/api");
        assertThat(alpha.wsUrl()).hasToString("wss://btc-alpha.com");
        assertThat(alpha.bookRoute()).isEqualTo(V1Dialect.BookRoute.QUERY);
        assertThat(alpha.socketFlavour()).isEqualTo(V1SocketFlavour.ENGINE_IO);
        V1Options bitexbit = V1Options.defaults(V1Dialect.BITEXBIT);
        assertThat(bitexbit.restUrl()).hasToString("https://bitexbit.com/api");
        assertThat(bitexbit.bookRoute()).isEqualTo(V1Dialect.BookRoute.PATH);
        assertThat(bitexbit.socketFlavour()).isEqualTo(V1SocketFlavour.SOCKET_IO);
        assertThat(bitexbit.engineIoVersion()).isEqualTo(3);
        assertThat(bitexbit.bodyFormat()).isEqualTo(V1BodyFormat.FORM);
    }

    @Test
    void textualSettingsReachEveryVenueSetting() {
        V1Options options = (V1Options) Exchanges.provider("btc-alpha").options(Map.of(
                "rest-url", "http://127.0.0.1:9/api/", "ws-url", "ws://127.0.0.1:9", "socket-path", "/socket.v2/",
                "engine-io", "4", "socket", "socket.io", "body", "json", "book-route", "path",
                "api-key", "k", "api-secret", "very-secret"));
        assertThat(options.restUrl()).as("a trailing slash is dropped").hasToString("http://127.0.0.1:9/api");
        assertThat(options.socketPath()).isEqualTo("/socket.v2/");
        assertThat(options.engineIoVersion()).isEqualTo(4);
        assertThat(options.socketFlavour()).isEqualTo(V1SocketFlavour.SOCKET_IO);
        assertThat(options.bodyFormat()).isEqualTo(V1BodyFormat.JSON);
        assertThat(options.bookRoute()).isEqualTo(V1Dialect.BookRoute.PATH);
        assertThat(options.toString()).doesNotContain("very-secret");
        assertThat(options.mutate().build().toString()).isEqualTo(options.toString());
    }

    @Test
    void badValuesAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> V1Options.builder(V1Dialect.BITEXBIT).engineIoVersion(5))
                .hasMessageContaining("engineIoVersion");
        assertThatThrownBy(() -> V1Options.builder(V1Dialect.BITEXBIT).socketPath("socket.io"))
                .hasMessageContaining("socketPath");
        assertThatThrownBy(() -> V1Options.builder(V1Dialect.BITEXBIT).wsUrl("https://bitexbit.com"))
                .hasMessageContaining("wsUrl");
        assertThatThrownBy(() -> V1Options.builder(V1Dialect.BITEXBIT).bookSnapshotDepth(0).build())
                .hasMessageContaining("bookSnapshotDepth");
        assertThatThrownBy(() -> V1Options.builder(V1Dialect.BITEXBIT).pairsCacheTtl(Duration.ZERO).build())
                .hasMessageContaining("pairsCacheTtl");
        assertThatThrownBy(() -> Exchanges.provider("bitexbit").options(Map.of("socket", "websocket")))
                .hasMessageContaining("socket must be");
        assertThatThrownBy(() -> Exchanges.provider("bitexbit").create(V1Options.defaults(V1Dialect.BTC_ALPHA)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
