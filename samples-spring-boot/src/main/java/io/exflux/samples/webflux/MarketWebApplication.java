package io.exflux.samples.webflux;

import io.exflux.spring.boot.ExchangeClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A Spring Boot WebFlux application serving one venue's books and trades as server-sent events and the page
 * that draws them. The venue client is a bean of exflux-spring-boot-starter, configured in
 * {@code application.properties} ({@code exflux.venues.alp.simulator=true}: the embedded ALP simulator); the
 * entry it serves is {@code sample.venue}.
 */
@SpringBootApplication
public class MarketWebApplication {

    /** The page and its event streams, on the client of {@code exflux.venues.<sample.venue>}. */
    @Bean
    RouterFunction<ServerResponse> marketRoutes(ExchangeClients clients, @Value("${sample.venue:alp}") String venue) {
        return new MarketRoutes(clients.get(venue)).routes();
    }

    /** Serves on http://127.0.0.1:8080/ (or {@code --server.port=...}) until Ctrl-C. */
    public static void main(String[] args) {
        SpringApplication.run(MarketWebApplication.class, args);
    }
}
