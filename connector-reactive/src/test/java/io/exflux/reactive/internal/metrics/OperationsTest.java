package io.exflux.reactive.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The operation tag keeps the meters few: ids in a path are blanked, versions and names stay. */
class OperationsTest {

    @Test
    void anIdInThePathIsBlanked_aVersionStays() {
        assertThat(Operations.of("GET", "/v1/order/123/")).isEqualTo("GET /v1/order/{id}/");
        assertThat(Operations.of("DELETE", "/api/v3/order/9f1c2a")).isEqualTo("DELETE /api/v3/order/{id}");
    }

    @Test
    void aPathWithoutIdsIsKeptAsIs() {
        assertThat(Operations.of("GET", "/time")).isEqualTo("GET /time");
        assertThat(Operations.of("POST", "/api/v3/order")).isEqualTo("POST /api/v3/order");
    }
}
