package io.exflux.reactive.venue.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.reactive.ClientResources;
import io.exflux.reactive.internal.resources.OwnedResources;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Through v1 options: a client's own resources are closed with it; the options' shared ones are not. */
class V1OwnedResourcesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void resourcesCreatedForTheClientAreClosedByIt() {
        OwnedResources own = OwnedResources.of(V1Options.defaults(V1Dialect.BITEXBIT));
        assertThat(own.owned()).isTrue();
        own.close().block(WAIT);
        assertThat(own.resources().isShutdown()).isTrue();
    }

    @Test
    void sharedResourcesOutliveTheClient() {
        ClientResources shared = ClientResources.create();
        try {
            OwnedResources given = OwnedResources.of(V1Options.builder(V1Dialect.BITEXBIT).resources(shared).build());
            assertThat(given.owned()).isFalse();
            assertThat(given.resources()).isSameAs(shared);
            given.close().block(WAIT);
            assertThat(shared.isShutdown()).isFalse();
        } finally {
            shared.shutdown().block(WAIT);
        }
    }
}
