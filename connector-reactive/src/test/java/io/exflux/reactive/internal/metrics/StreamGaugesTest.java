package io.exflux.reactive.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Two streams to one URL share its gauges: the sum shows, and the gauges leave with the last stream. */
class StreamGaugesTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EngineMetrics metrics = MicrometerBinding.meters(meters, Clock.systemUTC());

    private double gauge(String name) {
        return meters.get(name).tag("endpoint", "ws://venue/ws").gauge().value();
    }

    @Test
    void twoStreamsToOneEndpointShowTheirSum_theGaugesLeaveWithTheLast() {
        Runnable first = metrics.streamOpened("ws://venue/ws", () -> 1, () -> 3);
        Runnable second = metrics.streamOpened("ws://venue/ws", () -> 2, () -> 4);
        assertThat(gauge("exflux.stream.sockets")).isEqualTo(3);
        assertThat(gauge("exflux.stream.topics")).isEqualTo(7);

        first.run();
        assertThat(gauge("exflux.stream.sockets")).isEqualTo(2);
        assertThat(gauge("exflux.stream.topics")).isEqualTo(4);

        second.run();
        assertThat(meters.find("exflux.stream.sockets").gauge()).isNull();
        assertThat(meters.find("exflux.stream.topics").gauge()).isNull();
    }
}
