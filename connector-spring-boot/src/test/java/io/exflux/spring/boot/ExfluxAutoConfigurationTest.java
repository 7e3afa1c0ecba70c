package io.exflux.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.ExchangeClient;
import io.exflux.api.model.PairInfo;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.venue.alp.AlpExchangeClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/** The beans the starter makes: one client per venue entry, on one shared {@link ClientResources}. */
class ExfluxAutoConfigurationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ExfluxAutoConfiguration.class));

    @Test
    void twoVenuesInSimulatorModeGiveTwoClientsEachAnsweringFromItsSimulator() {
        runner.withPropertyValues("exflux.venues.alp.simulator=true", "exflux.venues.btc-alpha.simulator=true")
                .withBean(ReactorResourceFactory.class, QuickReactorResources::create)
                .withUserConfiguration(Injected.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeansOfType(ExchangeClient.class))
                            .containsOnlyKeys("alpExchangeClient", "btcAlphaExchangeClient");
                    assertThat(context.getBeansOfType(EmbeddedSimulator.class))
                            .containsOnlyKeys("alpSimulator", "btcAlphaSimulator");
                    ExchangeClients clients = context.getBean(ExchangeClients.class);
                    assertThat(clients.names()).containsExactlyInAnyOrder("alp", "btc-alpha");
                    assertThat(clients.get("alp").venue()).isEqualTo("alp");
                    assertThat(clients.get("btc-alpha").venue()).isEqualTo("btc-alpha");

                    Injected injected = context.getBean(Injected.class);
                    assertThat(injected.alp).isSameAs(clients.get("alp"));
                    assertThat(injected.btcAlpha).isSameAs(clients.get("btc-alpha"));

                    List<PairInfo> alpPairs = clients.get("alp").pairs().collectList().block(PATIENCE);
                    List<PairInfo> btcAlphaPairs = clients.get("btc-alpha").pairs().collectList().block(PATIENCE);
                    assertThat(alpPairs).extracting(p -> p.pair().toString()).contains("BTC/USDT");
                    assertThat(btcAlphaPairs).isNotEmpty();
                    assertThat(clients.get("alp").balances().collectList().block(PATIENCE))
                            .as("simulator mode signs in with the simulator's funded demo account")
                            .anySatisfy(b -> {
                                assertThat(b.currency()).isEqualTo("USDT");
                                assertThat(b.total()).isEqualByComparingTo("100000");
                            });
                    EmbeddedSimulator alpSimulator = context.getBean("alpSimulator", EmbeddedSimulator.class);
                    assertThat(alpSimulator.simulatedVenue().server().requests())
                            .as("the alp client asked its simulator").isNotEmpty();
                });
    }

    @Test
    void theContextsMeterRegistryTimesTheClientsRestCalls() {
        runner.withPropertyValues("exflux.venues.alp.simulator=true")
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    context.getBean(ExchangeClients.class).get("alp").pairs().collectList().block(PATIENCE);

                    assertThat(meters.find("exflux.rest.calls").tag("venue", "alp").tag("outcome", "success").timers())
                            .as("the call was timed in the application's registry")
                            .isNotEmpty()
                            .allSatisfy(timer -> assertThat(timer.count()).isPositive());
                });
    }

    @Test
    void withoutVenuesThereAreResourcesAndNoClient() {
        AtomicReference<ClientResources> resources = new AtomicReference<>();
        runner.run(context -> {
            assertThat(context).hasSingleBean(ClientResources.class).doesNotHaveBean(ExchangeClient.class);
            assertThat(context.getBean(ExchangeClients.class).names()).isEmpty();
            resources.set(context.getBean(ClientResources.class));
        });
        assertThat(resources.get().isShutdown()).as("shut down with the context").isTrue();
    }

    @Test
    void springsReactorNettyLoopsAndPoolAreSharedAndStaySpringS() {
        AtomicReference<ClientResources> resources = new AtomicReference<>();
        runner.withUserConfiguration(SpringReactorNetty.class).run(context -> {
            ReactorResourceFactory spring = context.getBean(ReactorResourceFactory.class);
            ClientResources exflux = context.getBean(ClientResources.class);
            assertThat(exflux.loopResources()).isSameAs(spring.getLoopResources());
            assertThat(exflux.connectionProvider()).isSameAs(spring.getConnectionProvider());
            resources.set(exflux);
        });
        assertThat(resources.get().isShutdown()).isTrue();

        runner.withUserConfiguration(SpringReactorNetty.class)
                .withPropertyValues("exflux.share-reactor-resources=false").run(context ->
                        assertThat(context.getBean(ClientResources.class).loopResources())
                                .isNotSameAs(context.getBean(ReactorResourceFactory.class).getLoopResources()));
    }

    @Test
    void theApplicationsOwnResourcesAreUsed() {
        ClientResources own = ClientResources.create();
        try {
            runner.withBean(ClientResources.class, () -> own).withPropertyValues("exflux.venues.alp.api-key=k",
                    "exflux.venues.alp.api-secret=s").run(context -> {
                        assertThat(context).getBean(ClientResources.class).isSameAs(own);
                        AlpExchangeClient alp = (AlpExchangeClient) context.getBean(ExchangeClients.class).get("alp");
                        assertThat(alp.resources()).isSameAs(own);
                    });
            assertThat(own.isShutdown()).as("the application's resources stay the application's").isFalse();
        } finally {
            own.shutdown().block(PATIENCE);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Injected {
        final ExchangeClient alp;
        final ExchangeClient btcAlpha;

        Injected(@Qualifier("alp") ExchangeClient alp, @Qualifier("btc-alpha") ExchangeClient btcAlpha) {
            this.alp = alp;
            this.btcAlpha = btcAlpha;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SpringReactorNetty {
        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory factory = new ReactorResourceFactory();
            factory.setUseGlobalResources(false);
            return factory;
        }
    }
}
