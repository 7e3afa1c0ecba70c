package io.exflux.spring.boot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributors;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * With Actuator: the health contributor {@code exflux}, one indicator per configured venue client
 * ({@code /actuator/health/exflux/<name>}); off with {@code management.health.exflux.enabled=false}.
 */
@AutoConfiguration(after = ExfluxAutoConfiguration.class)
@ConditionalOnClass(ReactiveHealthIndicator.class)
@ConditionalOnBean(ExchangeClients.class)
@ConditionalOnVenues
@ConditionalOnEnabledHealthIndicator("exflux")
public class ExfluxHealthAutoConfiguration {

    /** The health of each venue client, by the name of its entry. */
    @Bean
    public CompositeReactiveHealthContributor exfluxHealthContributor(ExchangeClients clients,
            ExfluxProperties properties) {
        Map<String, VenueHealthIndicator> indicators = new LinkedHashMap<>();
        clients.asMap().forEach((name, client) ->
                indicators.put(name, new VenueHealthIndicator(client, properties.getHealthTimeout())));
        return new Indicators(indicators);
    }

    /** The indicators, which stop following their clients' events when the context closes. */
    private static final class Indicators implements CompositeReactiveHealthContributor, DisposableBean {

        private final Map<String, VenueHealthIndicator> indicators;
        private final CompositeReactiveHealthContributor composite;

        Indicators(Map<String, VenueHealthIndicator> indicators) {
            this.indicators = indicators;
            this.composite = CompositeReactiveHealthContributor.fromMap(indicators);
        }

        @Override
        public ReactiveHealthContributor getContributor(String name) {
            return composite.getContributor(name);
        }

        @Override
        public Stream<ReactiveHealthContributors.Entry>
                stream() {
            return composite.stream();
        }

        @Override
        public void destroy() {
            indicators.values().forEach(VenueHealthIndicator::dispose);
        }
    }
}
