package io.exflux.reactive.internal.unified;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.ExchangeUnavailableException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.OrderOutcomeUnknownException;
import io.exflux.api.error.RequestTimeoutException;
import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Settling an ambiguous placement: looked up where the venue keeps client order ids, else an unknown outcome. */
class ClientOrderIdsTest {

    private static final ErrorContext VENUE = new ErrorContext("test", 503, null, null);

    private final AtomicInteger placements = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();

    private Mono<String> failingWith(Throwable error) {
        return Mono.defer(() -> {
            placements.incrementAndGet();
            return Mono.error(error);
        });
    }

    private Supplier<Mono<String>> lookup(Mono<String> answer) {
        return () -> {
            lookups.incrementAndGet();
            return answer;
        };
    }

    private static final Function<Throwable, OrderOutcomeUnknownException> UNKNOWN = failure ->
            new OrderOutcomeUnknownException(ClientOrderIds.unknownOutcome("test", "order c-1", "c-1"), VENUE, failure,
                    null, "order c-1", "c-1");

    @Test
    void anAmbiguousFailureFoundByItsClientOrderIdIsThePlacedOrder() {
        StepVerifier.create(ClientOrderIds.reconcile(failingWith(new ExchangeUnavailableException("503", VENUE)),
                lookup(Mono.just("order-7")), UNKNOWN)).expectNext("order-7").verifyComplete();
        assertThat(placements).hasValue(1);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void anAmbiguousFailureNotFoundIsAnUnknownOutcomeCarryingTheIdNeverThePlainFailure() {
        ExchangeUnavailableException timeout = new RequestTimeoutException("no answer", VENUE, null);
        StepVerifier.create(ClientOrderIds.reconcile(failingWith(timeout), lookup(Mono.empty()), UNKNOWN))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(OrderOutcomeUnknownException.class,
                        unknown -> {
                            assertThat(unknown.clientOrderId()).isEqualTo("c-1");
                            assertThat(unknown.getCause()).isSameAs(timeout);
                            assertThat(unknown.isTransient()).isFalse();
                        }).hasMessageContaining("may exist").hasMessageContaining("c-1"))
                .verify();
        assertThat(placements).hasValue(1);
    }

    @Test
    void aFailedLookupIsSuppressedInTheUnknownOutcome() {
        ExchangeUnavailableException lookupFailure = new ExchangeUnavailableException("lookup 500", VENUE);
        StepVerifier.create(ClientOrderIds.reconcile(failingWith(new ExchangeUnavailableException("503", VENUE)),
                        lookup(Mono.error(lookupFailure)), UNKNOWN))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(OrderOutcomeUnknownException.class)
                        .satisfies(unknown -> assertThat(unknown.getSuppressed()).containsExactly(lookupFailure)))
                .verify();
    }

    @Test
    void withoutALookupAnAmbiguousFailureIsUnknownAtOnce() {
        StepVerifier.create(ClientOrderIds.reconcile(failingWith(new ExchangeUnavailableException("503", VENUE)),
                null, UNKNOWN)).expectError(OrderOutcomeUnknownException.class).verify();
        assertThat(lookups).hasValue(0);
    }

    @Test
    void aRefusalOrARequestThatNeverLeftIsThePlainError() {
        InvalidRequestException refused = new InvalidRequestException("400", VENUE);
        StepVerifier.create(ClientOrderIds.reconcile(failingWith(refused), lookup(Mono.just("x")), UNKNOWN))
                .expectErrorSatisfies(e -> assertThat(e).isSameAs(refused)).verify();
        ExchangeUnavailableException notSent = new ExchangeUnavailableException("could not send", VENUE,
                new ConnectException("refused"));
        StepVerifier.create(ClientOrderIds.reconcile(failingWith(notSent), lookup(Mono.just("x")), UNKNOWN))
                .expectErrorSatisfies(e -> assertThat(e).isSameAs(notSent)).verify();
        assertThat(lookups).hasValue(0);
    }

    @Test
    void aSuccessIsPassedOnUntouched() {
        StepVerifier.create(ClientOrderIds.reconcile(Mono.just("order-1"), lookup(Mono.just("x")), UNKNOWN))
                .expectNext("order-1").verifyComplete();
        assertThat(lookups).hasValue(0);
    }
}
