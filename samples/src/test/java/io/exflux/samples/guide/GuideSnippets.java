package io.exflux.samples.guide;

import io.exflux.api.ExchangeClient;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.RateLimitedException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.Ticker;
import io.exflux.api.model.Trade;
import io.exflux.api.stream.ConnectionEvent;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.Exchanges;
import io.exflux.reactive.venue.alp.AlpExchangeClient;
import io.exflux.reactive.venue.alp.AlpOptions;
import io.exflux.testkit.alp.AlpSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Every Java snippet of {@code docs/guide/}: each region between {@code tag::name[]} and {@code end::name[]} is
 * copied, as is, into the page that names it ({@code GuideSnippetsTest} checks they are equal), so every snippet
 * of the guide compiles.
 */
final class GuideSnippets {

    private GuideSnippets() {
    }

    static Mono<Ticker> gettingStarted(AlpSimulator sim) {
        // tag::getting-started[]
        AlpExchangeClient alp = AlpExchangeClient.create(AlpOptions.builder()
                .restUrl(sim.restBaseUrl())        // the embedded simulator: no keys, no network
                .wsUrl(sim.websocketUrl())
                .build());
        CurrencyPair btcUsdt = CurrencyPair.of("BTC", "USDT");

        Mono<Ticker> ticker = alp.ticker(btcUsdt);            // cold: nothing is sent before subscribe
        Flux<OrderBook> books = alp.watchOrderBook(btcUsdt, 10); // hot, shared, survives reconnects
        // end::getting-started[]
        return ticker.zipWith(books.next(), (t, b) -> t).doFinally(signal -> alp.closeGracefully().subscribe());
    }

    static ExchangeClient byName(AlpSimulator sim) {
        // tag::by-name[]
        ExchangeClient client = Exchanges.create("alp", Map.of(
                "rest-url", sim.restBaseUrl(),
                "ws-url", sim.websocketUrl()));
        // end::by-name[]
        return client;
    }

    static Flux<Trade> streams(AlpExchangeClient alp, CurrencyPair btcUsdt) {
        // tag::streams[]
        Flux<ConnectionEvent> events = alp.connectionEvents();   // connecting, connected, reconnecting...
        Flux<Trade> trades = alp.watchTrades(btcUsdt)
                .onBackpressureBuffer(10_000)                    // your buffer, before exflux's runs out
                .publishOn(reactor.core.scheduler.Schedulers.boundedElastic()); // slow work off the event loop
        // end::streams[]
        return trades.mergeWith(events.thenMany(Flux.empty()));
    }

    static Mono<Ticker> errors(AlpExchangeClient alp, CurrencyPair btcUsdt) {
        // tag::errors[]
        return alp.ticker(btcUsdt)
                .retryWhen(Retry.backoff(3, Duration.ofMillis(200))
                        .filter(error -> error instanceof ExchangeException e && e.isTransient()))
                .onErrorResume(RateLimitedException.class, limited -> Mono.delay(limited.retryAfter())
                        .then(alp.ticker(btcUsdt)));
        // end::errors[]
    }

    static ClientResources metrics(MeterRegistry meterRegistry, ObservationRegistry observationRegistry) {
        // tag::metrics[]
        ClientResources resources = ClientResources.builder()
                .meterRegistry(meterRegistry)              // timers, counters, gauges: docs/guide/metrics.md
                .observationRegistry(observationRegistry)  // one observation per REST call, for tracing
                .build();
        AlpExchangeClient alp = AlpExchangeClient.create(AlpOptions.builder().resources(resources).build());
        // end::metrics[]
        alp.closeGracefully().subscribe();
        return resources;
    }
}
