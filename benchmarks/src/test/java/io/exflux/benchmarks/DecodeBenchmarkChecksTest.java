package io.exflux.benchmarks;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** The decode benchmark's own checks pass in the build, so that a run never measures a route that misreads. */
class DecodeBenchmarkChecksTest {

    @Test
    void theV1AndBtseRoutesGiveTheFramesValues() {
        assertThatCode(() -> new DecodeBenchmark().check()).doesNotThrowAnyException();
    }
}
