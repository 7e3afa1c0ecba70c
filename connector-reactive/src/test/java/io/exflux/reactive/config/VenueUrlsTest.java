package io.exflux.reactive.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.exflux.api.config.Credentials;
import io.exflux.reactive.Exchanges;
import io.exflux.reactive.venue.btse.BtseOptions;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The REST and websocket URLs every venue's options share: set through the core builder or the textual settings,
 * checked once, and never printed with credentials, whichever venue, whichever way they are given.
 */
class VenueUrlsTest {

    private static final String PASSWORD = "hunter2-url-password";

    @ParameterizedTest
    @ValueSource(strings = {"alp", "btc-alpha", "bitexbit", "btse"})
    void aUrlWithCredentialsIsRefusedAndNeverPrinted(String venue) {
        VenueOptions defaults = Exchanges.provider(venue).options(Map.of());
        VenueOptions.Builder<?, ?> builder = defaults.mutate();
        List<Attempt> attempts = List.of(
                new Attempt("restUrl", () -> builder.restUrl("https://trader:" + PASSWORD + "@api.example.com/v1")),
                new Attempt("restUrl", () -> builder.restUrl(URI.create("http://" + PASSWORD + "@api.example.com"))),
                new Attempt("wsUrl", () -> builder.wsUrl("wss://trader:" + PASSWORD + "@ws.example.com/ws")),
                new Attempt("wsUrl", () -> builder.wsUrl(URI.create("ws://trader:" + PASSWORD + "@ws.example.com"))),
                new Attempt("restUrl", () -> builder.properties(Map.of("rest-url",
                        "https://trader:" + PASSWORD + "@api.example.com"))),
                new Attempt("wsUrl", () -> builder.properties(Map.of("ws-url",
                        "wss://trader:" + PASSWORD + "@ws.example.com"))),
                new Attempt("restUrl", () -> builder.restUrl("https://trader:" + PASSWORD + "@not a url")));
        for (Attempt attempt : attempts) {
            assertThatIllegalArgumentException().isThrownBy(attempt.call::run)
                    .withMessageContaining(attempt.setting)
                    .withMessageNotContaining(PASSWORD);
        }
        VenueOptions built = builder.credentials(Credentials.of("KEY-1", PASSWORD)).build();
        assertThat(built.restUrl()).as("a refused URL leaves the venue's own").isEqualTo(defaults.restUrl());
        assertThat(built.wsUrl()).isEqualTo(defaults.wsUrl());
        assertThat(built.toString()).doesNotContain(PASSWORD).contains("restUrl=" + defaults.restUrl())
                .contains("wsUrl=" + defaults.wsUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"alp", "btc-alpha", "bitexbit", "btse"})
    void everyVenueReadsTheUrlsTheSameWay(String venue) {
        VenueOptions options = Exchanges.provider(venue).options(Map.of(
                "rest-url", " http://127.0.0.1:9/api/ ", "ws-url", "ws://127.0.0.1:9/ws"));
        assertThat(options.restUrl()).as("a trailing slash is dropped").hasToString("http://127.0.0.1:9/api");
        assertThat(options.wsUrl()).hasToString("ws://127.0.0.1:9/ws");
        assertThat(options.mutate().build().restUrl()).isEqualTo(options.restUrl());
        assertThat(options.toString()).contains("restUrl=http://127.0.0.1:9/api", "wsUrl=ws://127.0.0.1:9/ws");
        VenueOptions.Builder<?, ?> builder = options.mutate();
        assertRefused("restUrl must be an absolute https or http URL", b -> b.restUrl("wss://127.0.0.1:9"), builder);
        assertRefused("wsUrl must be an absolute wss or ws URL", b -> b.wsUrl("https://127.0.0.1:9"), builder);
        assertRefused("restUrl must not carry a query", b -> b.restUrl("https://127.0.0.1:9/api?k=v"), builder);
        assertRefused("wsUrl must name a host", b -> b.wsUrl("ws:///ws"), builder);
        assertRefused("restUrl is required", b -> b.restUrl((URI) null), builder);
    }

    @Test
    void btseOrderBookWebsocketIsCheckedLikeTheOthers() {
        BtseOptions.Builder builder = BtseOptions.builder();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.orderBookWsUrl("wss://trader:" + PASSWORD + "@ws.example.com/oss"))
                .withMessageContaining("orderBookWsUrl must not carry credentials").withMessageNotContaining(PASSWORD);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.properties(Map.of("order-book-ws-url",
                        "wss://" + PASSWORD + "@ws.example.com")))
                .withMessageContaining("orderBookWsUrl").withMessageNotContaining(PASSWORD);
        assertThat(builder.build().toString()).doesNotContain(PASSWORD)
                .contains("orderBookWsUrl=" + BtseOptions.DEFAULT_ORDER_BOOK_WS_URL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://trader:secret@h.example:8443/api?token=secret#secret",
            "https://trader:secret@h.example:8443/api"})
    void aShownUrlKeepsOnlySchemeHostPortAndPath(String url) {
        assertThat(EndpointUrls.shown(URI.create(url))).isEqualTo("https://h.example:8443/api");
    }

    private static void assertRefused(String message, Consumer<VenueOptions.Builder<?, ?>> change,
            VenueOptions.Builder<?, ?> builder) {
        assertThatIllegalArgumentException().isThrownBy(() -> change.accept(builder)).withMessageContaining(message);
    }

    private record Attempt(String setting, Runnable call) {
    }
}
