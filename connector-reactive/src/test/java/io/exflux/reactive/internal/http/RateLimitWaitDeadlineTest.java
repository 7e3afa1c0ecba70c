package io.exflux.reactive.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.RateLimitedException;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * 2,000 concurrent calls on a scope of 10 per second: without a deadline the last one would wait more than three
 * minutes. With {@code maxRateLimitWait} of 30 s, those that fit in 30 s are sent and the others fail at once with a
 * {@link RateLimitedException} carrying their wait, never sent. In virtual time, where the calls leave the pipeline.
 */
class RateLimitWaitDeadlineTest {

    @Test
    void callsThatWouldWaitPastTheDeadlineFailAtOnceWithTheirWait() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        AtomicInteger sent = new AtomicInteger();
        RestClient client = RestClient.builder(RestOptions.builder().venue("fake").baseUrl("http://127.0.0.1:1")
                        .resources(ClientResources.builder().scheduler(time).build())
                        .rateLimit("public", RateLimit.perSecond(10).withMargin(Duration.ZERO))
                        .maxRateLimitWait(Duration.ofSeconds(30)).build())
                .transport(request -> Mono.fromSupplier(() -> {
                    sent.incrementAndGet();
                    return new RestResponse(200, Map.of(), "{}".getBytes());
                }))
                .build();
        List<Object> outcomes = Collections.synchronizedList(new ArrayList<>());
        List<Duration> refusedAfter = Collections.synchronizedList(new ArrayList<>());

        Flux.range(0, 2_000)
                .flatMap(i -> client.exchange(RestRequest.get("/api/v3/ticker").build())
                        .<Object>map(RestResponse::status)
                        .onErrorResume(RateLimitedException.class, refused -> {
                            refusedAfter.add(Duration.ofMillis(time.now(java.util.concurrent.TimeUnit.MILLISECONDS)));
                            return Mono.just(refused);
                        }), 2_000)
                .subscribe(outcomes::add);
        time.advanceTimeBy(Duration.ofMinutes(5));

        assertThat(outcomes).hasSize(2_000);
        List<RateLimitedException> refused = outcomes.stream().filter(RateLimitedException.class::isInstance)
                .map(RateLimitedException.class::cast).toList();
        // 0 s, 0.1 s, ... 30 s: 301 permits fit in the deadline
        assertThat(sent.get()).isEqualTo(301);
        assertThat(refused).hasSize(2_000 - 301).allSatisfy(error -> {
            assertThat(error.retryAfter()).isGreaterThan(Duration.ofSeconds(30));
            assertThat(error.isTransient()).isTrue();
            assertThat(error).hasMessageContaining("GET /api/v3/ticker would wait")
                    .hasMessageContaining("maxRateLimitWait");
            assertThat(RestClient.mayHaveBeenProcessed(error)).isFalse();
        });
        assertThat(refusedAfter).as("refused at once, not after waiting").allMatch(Duration::isZero);
    }
}
