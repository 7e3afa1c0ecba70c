package io.exflux.reactive.internal.unified;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.NotFoundException;
import io.exflux.api.error.ProtocolException;
import io.exflux.api.error.RequestTimeoutException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The typed errors and the map-or-skip every unified client shares. */
class UnifiedSupportTest {

    private final UnifiedSupport support = new UnifiedSupport("venue-x");

    private static BigDecimal positive(String text) {
        BigDecimal value = new BigDecimal(text);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive, was " + text);
        }
        return value;
    }

    @Test
    void badArgumentsArriveAsTypedErrorsNamingTheRule() {
        StepVerifier.create(support.invalid("pair is required"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequestException.class)
                        .hasMessage("pair is required")
                        .satisfies(x -> assertThat(((InvalidRequestException) x).context().venue()).isEqualTo("venue-x")))
                .verify();
        StepVerifier.create(support.invalidFlux("limit must be positive"))
                .expectErrorMessage("limit must be positive").verify();
        StepVerifier.create(support.notFound("no market NOPE")).expectError(NotFoundException.class).verify();
    }

    @Test
    void anAnswerAUnifiedRecordRefusesIsAProtocolErrorOtherErrorsPass() {
        StepVerifier.create(support.fit(Mono.fromCallable(() -> positive("0"))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ProtocolException.class)
                        .hasMessageContaining("venue-x").hasMessageContaining("price must be positive")
                        .hasCauseInstanceOf(IllegalArgumentException.class))
                .verify();
        StepVerifier.create(support.fit(Flux.just("1", "0").map(UnifiedSupportTest::positive)))
                .expectNextCount(1).expectError(ProtocolException.class).verify();
        RequestTimeoutException timeout = new RequestTimeoutException("slow", null, null);
        StepVerifier.create(support.fit(Mono.error(timeout))).expectErrorSatisfies(e -> assertThat(e).isSameAs(timeout))
                .verify();
    }

    @Test
    void aMessageThatDoesNotMapIsSkippedAndTheStreamGoesOn() {
        StepVerifier.create(support.mapOrSkip(Flux.just("1", "0", "2"), UnifiedSupportTest::positive, m -> "price " + m))
                .expectNext(BigDecimal.ONE, BigDecimal.valueOf(2))
                .verifyComplete();
    }
}
