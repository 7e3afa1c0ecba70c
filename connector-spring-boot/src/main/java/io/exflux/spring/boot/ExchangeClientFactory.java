package io.exflux.spring.boot;

import io.exflux.api.ExchangeClient;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.Exchanges;
import io.exflux.reactive.config.VenueOptions;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Creates the client of one {@code exflux.venues} entry from the bound (and validated) properties, on the shared
 * {@link ClientResources}, and records that the client must close before those resources (and before its
 * simulator).
 */
final class ExchangeClientFactory {

    private final ConfigurableListableBeanFactory beans;

    ExchangeClientFactory(ConfigurableListableBeanFactory beans) {
        this.beans = beans;
    }

    /** The client of the entry {@code name}, bean {@code clientBean}; {@code simulatorBean} may be null. */
    ExchangeClient create(String name, String clientBean, String simulatorBean) {
        ExfluxProperties properties = beans.getBean(ExfluxProperties.class);
        ExfluxProperties.Venue venue = properties.getVenues().get(name);
        String[] resourceBeans = beans.getBeanNamesForType(ClientResources.class);
        ClientResources resources = beans.getBean(ClientResources.class);
        for (String resourceBean : resourceBeans) {
            beans.registerDependentBean(resourceBean, clientBean);
        }
        EmbeddedSimulator simulator = simulatorBean == null ? null
                : beans.getBean(simulatorBean, EmbeddedSimulator.class);
        VenueOptions options = VenueOptionsFactory.options(name, venue, resources, simulator);
        return Exchanges.create(venue.venueId(name), options);
    }
}
