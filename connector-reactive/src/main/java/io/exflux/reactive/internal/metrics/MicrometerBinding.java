package io.exflux.reactive.internal.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;

/**
 * Builds the Micrometer {@link EngineMetrics}. Called only when the application gave a registry, so Micrometer's
 * classes are loaded only then.
 */
public final class MicrometerBinding {

    private MicrometerBinding() {
    }

    /** Meters only. */
    public static EngineMetrics meters(MeterRegistry registry, Clock clock) {
        return new MicrometerMetrics(registry, clock);
    }

    /** Observations of REST calls only. */
    public static EngineMetrics observations(ObservationRegistry registry) {
        return new RestObservations(registry);
    }

    /** Both: each hook goes to the meters and the observations. */
    public static EngineMetrics both(EngineMetrics meters, EngineMetrics observations) {
        return new CompositeMetrics(meters, observations);
    }
}
