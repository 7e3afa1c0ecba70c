package io.exflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Proves that BlockHound is installed in this module's test JVM: a blocking call on a non-blocking thread fails. */
class BlockHoundActiveTest {

    @Test
    void sleepingOnAParallelThreadIsReported() {
        Mono<String> blocking = Mono.fromCallable(() -> {
            Thread.sleep(1);
            return "slept";
        }).subscribeOn(Schedulers.parallel());

        StepVerifier.create(blocking)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(BlockingOperationError.class)
                        .hasMessageContaining("java.lang.Thread.sleep"))
                .verify(Duration.ofSeconds(5));
    }
}
