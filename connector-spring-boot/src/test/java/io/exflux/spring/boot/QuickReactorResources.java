package io.exflux.spring.boot;

import java.time.Duration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Spring's reactor-netty resources as a WebFlux application has them, but closing without Netty's two-second
 * quiet period: the starter shares them, so a test context closes in milliseconds.
 */
final class QuickReactorResources {

    private QuickReactorResources() {
    }

    static ReactorResourceFactory create() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        factory.setShutdownQuietPeriod(Duration.ZERO);
        return factory;
    }
}
