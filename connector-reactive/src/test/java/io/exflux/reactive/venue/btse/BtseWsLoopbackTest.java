package io.exflux.reactive.venue.btse;

import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.config.StreamOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the BTSE websocket loopback tests share: a scripted venue per test, one set of event loops per class
 * (resources of its own per client would take seconds to close), the subscriptions a test opened, released
 * before the client and the venue close.
 */
abstract class BtseWsLoopbackTest {

    static ClientResources resources;

    final BtseWsScriptedVenue venue = new BtseWsScriptedVenue();
    private final List<Disposable> subscriptions = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startResources() {
        resources = ClientResources.create();
    }

    @AfterAll
    static void closeResources() {
        resources.shutdown().block(Duration.ofSeconds(10));
    }

    /** Closes the client the test made, if any. */
    abstract Mono<Void> closeClient();

    @AfterEach
    void stopLoopback() {
        subscriptions.forEach(Disposable::dispose);
        closeClient().block(Duration.ofSeconds(5));
        venue.close();
    }

    /** Options on the class's resources and the venue's two hosts, with a short unsubscribe grace and backoff. */
    BtseOptions.Builder options() {
        return BtseOptions.builder().resources(resources).wsUrl(venue.mainUrl()).orderBookWsUrl(venue.bookUrl())
                .restUrl(venue.server.baseUrl() + "/spot")
                .streamOptions(StreamOptions.builder().unsubscribeGrace(Duration.ofMillis(20))
                        .backoff(Backoff.fullJitter(Duration.ofMillis(10), Duration.ofMillis(50))).build());
    }

    /** Subscribes {@code flux} until the test ends; what it emits, as it comes. */
    <T> List<T> collect(Flux<T> flux) {
        List<T> seen = new CopyOnWriteArrayList<>();
        subscriptions.add(flux.subscribe(seen::add));
        return seen;
    }

    /** Subscribes with an error handler until the test ends. */
    <T> void subscribe(Flux<T> flux, java.util.function.Consumer<Throwable> onError) {
        subscriptions.add(flux.subscribe(value -> { }, onError));
    }
}
