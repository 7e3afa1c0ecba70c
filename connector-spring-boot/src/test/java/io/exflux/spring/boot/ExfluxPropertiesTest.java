package io.exflux.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.RateLimit;
import io.exflux.reactive.config.VenueOptions;
import io.exflux.reactive.venue.alp.AlpOptions;
import io.exflux.reactive.venue.v1.V1Options;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.ReactorResourceFactory;

/** What {@code exflux.*} properties become, and how a bad one is reported: by its property name. */
class ExfluxPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ExfluxAutoConfiguration.class))
            .withBean(ReactorResourceFactory.class, QuickReactorResources::create);

    @Test
    void everyPropertyReachesTheVenuesOptions() {
        runner.withPropertyValues(
                "exflux.venues.alp.api-key=key-1",
                "exflux.venues.alp.api-secret=secret-1",
                "exflux.venues.alp.rest-url=https://alp.example/api/v3",
                "exflux.venues.alp.ws-url=wss://alp.example/ws",
                "exflux.venues.alp.response-timeout=7s",
                "exflux.venues.alp.max-attempts=2",
                "exflux.venues.alp.rate-limits.public.permits=5",
                "exflux.venues.alp.rate-limits.public.period=2s",
                "exflux.venues.alp.stream.stall-timeout=20s",
                "exflux.venues.alp.stream.max-connect-attempts=3",
                "exflux.venues.main.type=btc-alpha",
                "exflux.venues.main.settings.engine-io=3").run(context -> {
                    assertThat(context).hasNotFailed();
                    ExfluxProperties properties = context.getBean(ExfluxProperties.class);
                    ClientResources resources = context.getBean(ClientResources.class);

                    VenueOptions alp = VenueOptionsFactory.options("alp", properties.getVenues().get("alp"),
                            resources, null);
                    assertThat(alp).isInstanceOf(AlpOptions.class);
                    assertThat(alp.credentials().apiKey()).isEqualTo("key-1");
                    assertThat(alp.restUrl()).hasToString("https://alp.example/api/v3");
                    assertThat(alp.wsUrl()).hasToString("wss://alp.example/ws");
                    assertThat(alp.http().responseTimeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(alp.retry().maxAttempts()).isEqualTo(2);
                    assertThat(alp.rateLimit(RateLimit.PUBLIC_SCOPE)).contains(RateLimit.of(5, Duration.ofSeconds(2)));
                    assertThat(alp.streamOptions().stallTimeout()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(alp.streamOptions().maxConnectAttempts()).isEqualTo(3);
                    assertThat(alp.resources()).containsSame(resources);

                    VenueOptions main = VenueOptionsFactory.options("main", properties.getVenues().get("main"),
                            resources, null);
                    assertThat(main).isInstanceOf(V1Options.class);
                    assertThat(((V1Options) main).dialect().venue()).isEqualTo("btc-alpha");
                    assertThat(((V1Options) main).engineIoVersion()).isEqualTo(3);
                    assertThat(context).getBean("mainExchangeClient").isNotNull();
                });
    }

    @Test
    void aBadValueFailsTheStartAndNamesItsProperty() {
        assertStartFails("exflux.venues.alp.max-attempts=0", "exflux.venues.alp.max-attempts");
        assertStartFails("exflux.venues.alp.rest-url=ftp://alp.example", "exflux.venues.alp.rest-url");
        assertStartFails("exflux.venues.alp.rate-limits.public.permits=0", "exflux.venues.alp.rate-limits.public");
        assertStartFails("exflux.venues.alp.stream.stall-timeout=-1s", "exflux.venues.alp.stream.stall-timeout");
        assertStartFails("exflux.venues.alp.settings.colour=blue", "exflux.venues.alp.colour");
        assertStartFails("exflux.venues.alp.api-key=key-only", "exflux.venues.alp.api-secret");
        assertStartFails("exflux.venues.mine.type=nasdaq", "exflux.venues.mine.type");
        assertStartFails("exflux.venues.nasdaq.simulator=true", "exflux.venues.nasdaq");
        assertStartFails("exflux.health-timeout=0s", "exflux.health-timeout");
        assertStartFails("exflux.shutdown-timeout=-1s", "exflux.shutdown-timeout");
    }

    @Test
    void aSecretNeverAppearsInTheError() {
        runner.withPropertyValues("exflux.venues.alp.api-key=key-1", "exflux.venues.alp.api-secret=TOP-SECRET",
                "exflux.venues.alp.max-attempts=0").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure())).doesNotContain("TOP-SECRET");
                });
    }

    @Test
    void aUrlWithCredentialsFailsTheStartWithoutShowingThem() {
        for (String venue : List.of("alp", "btc-alpha", "bitexbit", "btse")) {
            for (String property : List.of("rest-url=https://trader:URL-PASSWORD@api.example.com",
                    "ws-url=wss://trader:URL-PASSWORD@ws.example.com")) {
                runner.withPropertyValues("exflux.venues." + venue + "." + property).run(context -> {
                    assertThat(context).as(venue + " " + property).hasFailed();
                    assertThat(messages(context.getStartupFailure())).as(venue + " " + property)
                            .contains("exflux.venues." + venue + "." + property.substring(0, property.indexOf('=')))
                            .contains("must not carry credentials").doesNotContain("URL-PASSWORD");
                });
            }
        }
    }

    @Test
    void theGeneratedMetadataDescribesTheProperties() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated by spring-boot-configuration-processor").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        List<String> names = new ArrayList<>();
        metadata.get("properties").forEach(p -> names.add(p.get("name").asText()));
        assertThat(names).contains("exflux.venues", "exflux.share-reactor-resources", "exflux.health-timeout",
                "exflux.shutdown-timeout");
        metadata.get("properties").forEach(p -> assertThat(p.path("description").asText())
                .as(p.get("name").asText()).isNotBlank());
        assertThat(metadata.get("hints").toString()).contains("exflux.venues.keys", "btc-alpha");
    }

    private void assertStartFails(String property, String named) {
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).as(property).hasFailed();
            assertThat(messages(context.getStartupFailure())).as(property).contains(named);
        });
    }

    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
