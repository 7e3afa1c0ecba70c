package io.exflux.reactive.internal.unified;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Limit-and-offset paging: whole pages, a cut last page, a stop at a short page. */
class OffsetPagerTest {

    private final List<String> calls = new ArrayList<>();

    private Flux<Integer> venue(int available, int limit, int offset) {
        calls.add(limit + "@" + offset);
        return Flux.range(offset, Math.max(0, Math.min(limit, available - offset)));
    }

    @Test
    void pagesUntilTheTotalWithTheLastPageCut() {
        List<Integer> records = OffsetPager.page(25, 10, (limit, offset) -> venue(100, limit, offset))
                .collectList().block(Duration.ofSeconds(5));
        assertThat(records).hasSize(25).startsWith(0, 1).endsWith(24);
        assertThat(calls).containsExactly("10@0", "10@10", "5@20");
    }

    @Test
    void stopsWhenTheVenueHasNoMore() {
        List<Integer> records = OffsetPager.page(100, 10, (limit, offset) -> venue(20, limit, offset))
                .collectList().block(Duration.ofSeconds(5));
        assertThat(records).hasSize(20);
        assertThat(calls).containsExactly("10@0", "10@10", "10@20");
    }

    @Test
    void theNextPageIsAskedForOnlyOnceThePreviousOneWasDelivered() {
        StepVerifier.create(OffsetPager.page(30, 10, (limit, offset) -> venue(100, limit, offset)), 9)
                .expectNextCount(9)
                .then(() -> assertThat(calls).containsExactly("10@0"))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void badSizesArriveAsAnError() {
        StepVerifier.create(OffsetPager.page(0, 10, (limit, offset) -> Flux.<Integer>empty()))
                .expectError(IllegalArgumentException.class).verify();
    }
}
