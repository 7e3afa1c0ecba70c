package io.exflux.spring.boot;

import io.exflux.api.ExchangeClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers, for each {@code exflux.venues.<name>} entry, an {@link ExchangeClient} bean
 * {@code <name>ExchangeClient} qualified {@code <name>} (and, with {@code simulator=true}, an
 * {@link EmbeddedSimulator} bean {@code <name>Simulator} that the client depends on), then the
 * {@link ExchangeClients} bean holding them all. Names are camel-cased: {@code btc-alpha} gives
 * {@code btcAlphaExchangeClient}.
 *
 * <p>Each client closes with {@code closeGracefully()} when the context closes (Spring waits for it): its sockets
 * send a close frame. It closes before its simulator and before the shared {@code ClientResources}.
 */
final class ExchangeClientsRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {

    static final String CLIENTS_BEAN = "exfluxExchangeClients";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        if (!(registry instanceof ConfigurableListableBeanFactory beans)) {
            throw new IllegalStateException("exflux needs a ConfigurableListableBeanFactory, not " + registry);
        }
        // the names only: values are bound and validated with ExfluxProperties when the first client is made
        Map<String, ExfluxProperties.Venue> venues = Binder.get(environment)
                .bind("exflux.venues", Bindable.mapOf(String.class, ExfluxProperties.Venue.class))
                .orElse(Map.of());
        ExchangeClientFactory factory = new ExchangeClientFactory(beans);
        Map<String, String> clientBeans = new LinkedHashMap<>();
        venues.forEach((name, venue) -> {
            String base = camelCase(name);
            String clientBean = base + "ExchangeClient";
            String simulatorBean = null;
            String venueId = venue.venueId(name);
            if (venue.isSimulator() && EmbeddedSimulator.available(venueId)) {
                simulatorBean = base + "Simulator";
                RootBeanDefinition simulator = new RootBeanDefinition(EmbeddedSimulator.class,
                        () -> SimulatorLauncher.start(venueId));
                simulator.setDestroyMethodName("close");
                registry.registerBeanDefinition(simulatorBean, simulator);
            }
            String simulatorName = simulatorBean;
            RootBeanDefinition client = new RootBeanDefinition(ExchangeClient.class,
                    () -> factory.create(name, clientBean, simulatorName));
            client.setDestroyMethodName("closeGracefully");
            client.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
            if (simulatorBean != null) {
                client.setDependsOn(simulatorBean);
            }
            registry.registerBeanDefinition(clientBean, client);
            clientBeans.put(name, clientBean);
        });
        RootBeanDefinition all = new RootBeanDefinition(ExchangeClients.class, () -> {
            Map<String, ExchangeClient> clients = new LinkedHashMap<>();
            clientBeans.forEach((name, bean) -> clients.put(name, beans.getBean(bean, ExchangeClient.class)));
            return new ExchangeClients(clients);
        });
        all.setDependsOn(clientBeans.values().toArray(String[]::new));
        registry.registerBeanDefinition(CLIENTS_BEAN, all);
    }

    /** {@code btc-alpha} to {@code btcAlpha}. */
    static String camelCase(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-' || c == '_' || c == '.') {
                upper = out.length() > 0;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
