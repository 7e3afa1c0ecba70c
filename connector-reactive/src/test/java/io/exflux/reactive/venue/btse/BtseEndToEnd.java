package io.exflux.reactive.venue.btse;

import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.testkit.btse.BtseSimulator;
import java.time.Duration;

/**
 * Options of a client pointed at a BTSE simulator, with short stream timings for tests. A test class shares one
 * {@link ClientResources} between its clients: a client's own resources take seconds to shut down.
 */
final class BtseEndToEnd {

    private BtseEndToEnd() {
    }

    static BtseOptions.Builder options(BtseSimulator sim, ClientResources resources) {
        return BtseOptions.builder().resources(resources).restUrl(sim.restBaseUrl()).wsUrl(sim.websocketUrl())
                .orderBookWsUrl(sim.orderBookWebsocketUrl())
                .streamOptions(StreamOptions.builder().unsubscribeGrace(Duration.ofMillis(50))
                        .backoff(Backoff.fullJitter(Duration.ofMillis(10), Duration.ofMillis(50))).build());
    }
}
