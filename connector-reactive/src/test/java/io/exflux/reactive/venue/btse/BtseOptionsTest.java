package io.exflux.reactive.venue.btse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.exflux.api.config.Credentials;
import io.exflux.reactive.config.RateLimit;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documented hosts, headers and rate limits are the defaults; every drift is one setting; no secret shows. */
class BtseOptionsTest {

    @Test
    void defaultsAreTheDocumentsValues() {
        BtseOptions options = BtseOptions.defaults();
        assertThat(options.restUrl()).isEqualTo(URI.create("https://api.btse.com/spot"));
        assertThat(options.wsUrl()).isEqualTo(URI.create("wss://ws.btse.com/ws/spot"));
        assertThat(options.orderBookWsUrl()).isEqualTo(URI.create("wss://ws.btse.com/ws/oss/spot"));
        assertThat(options.headerNaming().apiHeader()).isEqualTo("btse-api");
        assertThat(options.headerNaming().nonceHeader()).isEqualTo("btse-nonce");
        assertThat(options.headerNaming().signHeader()).isEqualTo("btse-sign");
        assertThat(options.rateLimits()).containsOnly(
                Map.entry(BtseOptions.QUERY_SCOPE, RateLimit.perSecond(15)),
                Map.entry(BtseOptions.ORDERS_SCOPE, RateLimit.perSecond(75)),
                Map.entry(BtseOptions.WALLET_SCOPE, RateLimit.perSecond(5)));
        assertThat(options.pingInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.maxTopicsPerConnection()).isEqualTo(100);
        assertThat(options.bookGrouping()).isZero();
        assertThat(options.credentials()).isNull();
    }

    @Test
    void testnetAndRenamedHeadersAreOneSettingEach() {
        BtseOptions options = BtseOptions.builder()
                .properties(Map.of("testnet", "true", "headers", "request")).build();
        assertThat(options.restUrl()).isEqualTo(URI.create("https://testapi.btse.io/spot"));
        assertThat(options.wsUrl()).isEqualTo(URI.create("wss://testws.btse.io/ws/spot"));
        assertThat(options.orderBookWsUrl()).isEqualTo(URI.create("wss://testws.btse.io/ws/oss/spot"));
        assertThat(options.headerNaming()).isEqualTo(BtseHeaderNaming.REQUEST);
        assertThat(options.headerNaming().signHeader()).isEqualTo("request-sign");
        assertThat(BtseOptions.testnet().restUrl()).isEqualTo(options.restUrl());
    }

    @Test
    void mutateCopiesAndTheSecretNeverShows() {
        BtseOptions original = BtseOptions.defaults();
        BtseOptions changed = original.mutate().credentials(Credentials.of("KEY-123456", "TOPSECRET"))
                .restUrl("http://127.0.0.1:8080/spot").bookGrouping(3).build();
        assertThat(original.credentials()).isNull();
        assertThat(original.bookGrouping()).isZero();
        assertThat(changed.bookGrouping()).isEqualTo(3);
        assertThat(changed.mutate().build().restUrl()).isEqualTo(URI.create("http://127.0.0.1:8080/spot"));
        assertThat(changed.toString()).doesNotContain("TOPSECRET");
    }

    @Test
    void badSettingsNameTheRule() {
        assertThatIllegalArgumentException().isThrownBy(() -> BtseOptions.builder().bookGrouping(9))
                .withMessageContaining("bookGrouping");
        assertThatIllegalArgumentException().isThrownBy(() -> BtseOptions.builder().pingInterval(Duration.ofSeconds(60)))
                .withMessageContaining("pingInterval");
        assertThatIllegalArgumentException().isThrownBy(() -> BtseOptions.builder().wsUrl("https://ws.btse.com/ws/spot"))
                .withMessageContaining("wsUrl");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BtseOptions.builder().properties(Map.of("headers", "x-btse")))
                .withMessageContaining("headers");
    }
}
