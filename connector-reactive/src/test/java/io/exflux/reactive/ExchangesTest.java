package io.exflux.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.exflux.api.ExchangeClient;
import io.exflux.reactive.config.VenueOptions;
import io.exflux.reactive.venue.alp.AlpExchangeClient;
import io.exflux.reactive.venue.alp.AlpOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Venues found through ServiceLoader (META-INF/services on the class path this suite runs on). */
class ExchangesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void listsTheVenuesOnThePath() {
        assertThat(Exchanges.venues()).contains("alp");
        assertThat(Exchanges.provider("ALP ").optionsType()).isEqualTo(AlpOptions.class);
    }

    @Test
    void createsAClientFromOptions() {
        AlpOptions options = AlpOptions.builder().restUrl("http://127.0.0.1:9/api/v3").build();
        ExchangeClient client = Exchanges.create("alp", options);
        try {
            assertThat(client).isInstanceOf(AlpExchangeClient.class);
            assertThat(client.venue()).isEqualTo("alp");
            assertThat(((AlpExchangeClient) client).options()).isSameAs(options);
        } finally {
            client.closeGracefully().block(WAIT);
        }
    }

    @Test
    void createsAClientFromTextualSettings() {
        ExchangeClient client = Exchanges.create("alp", Map.of("rest-url", "http://127.0.0.1:9/api/v3",
                "api-key", "KEY-123456", "api-secret", "TOPSECRET", "max-attempts", "1"));
        try {
            AlpOptions options = ((AlpExchangeClient) client).options();
            assertThat(options.restUrl()).hasToString("http://127.0.0.1:9/api/v3");
            assertThat(options.credentials().apiKey()).isEqualTo("KEY-123456");
            assertThat(options.retry().maxAttempts()).isEqualTo(1);
        } finally {
            client.closeGracefully().block(WAIT);
        }
    }

    @Test
    void anUnknownVenueOrAnotherVenuesOptionsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Exchanges.create("nowhere", Map.of()))
                .withMessageContaining("no exflux venue 'nowhere'").withMessageContaining("alp");
        assertThatIllegalArgumentException().isThrownBy(() -> Exchanges.create("alp", new OtherOptions()))
                .withMessageContaining("AlpOptions");
    }

    /** Some other venue's options. */
    private static final class OtherOptions extends VenueOptions {
        OtherOptions() {
            super(new OtherBuilder());
        }

        @Override
        public OtherBuilder mutate() {
            return new OtherBuilder();
        }
    }

    private static final class OtherBuilder extends VenueOptions.Builder<OtherOptions, OtherBuilder> {
        OtherBuilder() {
            super(URI.create("https://other.example"), URI.create("wss://other.example"));
        }

        @Override
        protected OtherBuilder self() {
            return this;
        }

        @Override
        public OtherOptions build() {
            return new OtherOptions();
        }
    }
}
