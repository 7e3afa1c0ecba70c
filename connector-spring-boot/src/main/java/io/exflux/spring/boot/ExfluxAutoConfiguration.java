package io.exflux.spring.boot;

import io.exflux.reactive.ClientResources;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.util.ClassUtils;

/**
 * exflux for Spring Boot: one {@link ClientResources} for the application (on Spring's reactor-netty event loops
 * and pool when it has them), and an {@code ExchangeClient} bean for each {@code exflux.venues.<name>} entry (see
 * {@link ExchangeClientsRegistrar}, {@link ExfluxProperties}), closed with a close frame when the context stops
 * ({@link ExchangeClientsLifecycle}).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.reactor.netty.autoconfigure.ReactorNettyAutoConfiguration",
        "org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration"})
@EnableConfigurationProperties(ExfluxProperties.class)
@Import(ExchangeClientsRegistrar.class)
public class ExfluxAutoConfiguration {

    private static final String REACTOR_RESOURCE_FACTORY = "org.springframework.http.client.ReactorResourceFactory";

    /**
     * The resources every client shares, unless the application defines its own. On Spring's reactor-netty loops
     * and pool when the context has a {@code ReactorResourceFactory} (and {@code exflux.share-reactor-resources} is
     * true): those stay Spring's. With Micrometer, the context's {@code MeterRegistry} and
     * {@code ObservationRegistry} (when it has exactly one of each) record the clients' meters and observations.
     * Shut down when the context closes, after the clients.
     */
    @Bean(destroyMethod = "shutdown")
    @ConditionalOnMissingBean
    public ClientResources exfluxClientResources(ExfluxProperties properties, ListableBeanFactory beans) {
        ClientResources.Builder builder = ClientResources.builder();
        if (properties.isShareReactorResources()
                && ClassUtils.isPresent(REACTOR_RESOURCE_FACTORY, ExfluxAutoConfiguration.class.getClassLoader())) {
            SpringReactorResources.share(beans, builder);
        }
        ClassLoader loader = ExfluxAutoConfiguration.class.getClassLoader();
        if (ClassUtils.isPresent(MicrometerResources.METER_REGISTRY, loader)) {
            MicrometerResources.meters(beans, builder);
        }
        if (ClassUtils.isPresent(MicrometerResources.OBSERVATION_REGISTRY, loader)) {
            MicrometerResources.observations(beans, builder);
        }
        return builder.build();
    }

    /** Closes the clients with a close frame while the context stops, before shared resources go. */
    @Bean
    ExchangeClientsLifecycle exfluxExchangeClientsLifecycle(ExchangeClients clients, ExfluxProperties properties) {
        return new ExchangeClientsLifecycle(clients, properties.getShutdownTimeout());
    }
}
