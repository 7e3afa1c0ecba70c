package io.exflux.api;

import io.exflux.api.error.UnsupportedCapabilityException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The answers of the default methods: a typed error, delivered through the publisher. */
final class Unsupported {

    private Unsupported() {
    }

    static <T> Mono<T> mono(Venue venue, Capability capability) {
        return Mono.error(() -> new UnsupportedCapabilityException(venue.venue(), capability));
    }

    static <T> Flux<T> flux(Venue venue, Capability capability) {
        return Flux.error(() -> new UnsupportedCapabilityException(venue.venue(), capability));
    }
}
