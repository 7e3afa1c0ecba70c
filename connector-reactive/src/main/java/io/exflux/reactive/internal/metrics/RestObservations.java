package io.exflux.reactive.internal.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Mono;

/**
 * Observes each REST call ({@link MeterNames#REST_OBSERVATION}) as a child of the observation the caller put in the
 * Reactor {@code Context} (Micrometer's context-propagation key, as Reactor's {@code tap(Micrometer.observation())}
 * and Spring do), and puts the call's observation there for what runs beneath it. Only loaded when the application
 * gives an observation registry.
 */
final class RestObservations implements EngineMetrics {

    /**
     * The Context key of the current observation. Micrometer's {@code ObservationThreadLocalAccessor.KEY}; spelled
     * out so that this class does not load context-propagation, which the application may not have.
     */
    static final String OBSERVATION_KEY = "micrometer.observation";

    private final ObservationRegistry registry;

    RestObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public <T> Mono<T> restCall(String venue, String operation, Mono<T> call) {
        return Mono.deferContextual(context -> {
            Object parent = context.getOrDefault(OBSERVATION_KEY, null);
            Observation observation = Observation.createNotStarted(MeterNames.REST_OBSERVATION, registry)
                    .contextualName(venue + " " + operation)
                    .lowCardinalityKeyValue("venue", venue)
                    .lowCardinalityKeyValue("operation", operation)
                    .parentObservation(parent instanceof Observation given ? given : null)
                    .start();
            return call.doOnSuccess(value -> observation.lowCardinalityKeyValue("outcome", Outcomes.outcome(null)))
                    .doOnError(error -> {
                        observation.lowCardinalityKeyValue("outcome", Outcomes.outcome(error));
                        observation.error(error);
                    })
                    .doFinally(signal -> observation.stop())
                    .contextWrite(inner -> inner.put(OBSERVATION_KEY, observation));
        });
    }
}
