package io.exflux.spring.boot;

import io.exflux.reactive.ClientResources;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.http.client.ReactorResourceFactory;

/** Hands Spring's reactor-netty resources to exflux; loaded only when spring-web is on the class path. */
final class SpringReactorResources {

    private SpringReactorResources() {
    }

    /** Puts the context's {@link ReactorResourceFactory} loops and pool, if it has one, into {@code builder}. */
    static void share(ListableBeanFactory beans, ClientResources.Builder builder) {
        beans.getBeanProvider(ReactorResourceFactory.class).ifAvailable(factory -> builder
                .loopResources(factory.getLoopResources())
                .connectionProvider(factory.getConnectionProvider()));
    }
}
