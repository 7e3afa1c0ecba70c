package io.exflux.spring.boot;

import io.exflux.reactive.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Hands the context's Micrometer registries to exflux (REST timers and observations, stream counters and gauges);
 * loaded only when Micrometer is on the class path.
 */
final class MicrometerResources {

    static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";
    static final String OBSERVATION_REGISTRY = "io.micrometer.observation.ObservationRegistry";

    private MicrometerResources() {
    }

    /** Puts the context's only {@link MeterRegistry}, if it has one, into {@code builder}. */
    static void meters(ListableBeanFactory beans, ClientResources.Builder builder) {
        beans.getBeanProvider(MeterRegistry.class).ifUnique(builder::meterRegistry);
    }

    /** Puts the context's only {@link ObservationRegistry}, if it has one, into {@code builder}. */
    static void observations(ListableBeanFactory beans, ClientResources.Builder builder) {
        beans.getBeanProvider(ObservationRegistry.class).ifUnique(builder::observationRegistry);
    }
}
