package io.exflux.reactive.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.reactive.ratelimit.RateLimit;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * 16 concurrent callers share one 50 req/s scope. The spacing is checked exactly, in virtual time, where the
 * requests leave the pipeline: never more than 50 in any one-second window, and every call succeeds. On loopback the
 * same pipeline runs in real time only to show that every call gets through; arrival times there depend on the
 * machine's load, so they are not asserted.
 */
class RateLimitedLoopbackTest {

    private static final int CALLERS = 16;
    private static final int PER_SECOND = 50;

    private static Flux<RestResponse> callers(RestClient client, int requestsPerCaller) {
        return Flux.range(0, CALLERS)
                .flatMap(caller -> Flux.range(0, requestsPerCaller)
                        .concatMap(i -> client.exchange(RestRequest.get("/api/v3/ticker")
                                .query("caller", Integer.toString(caller)).build())), CALLERS);
    }

    @Test
    void noOneSecondWindowHoldsMoreThanTheLimitWhereRequestsLeave() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        List<Long> departures = Collections.synchronizedList(new ArrayList<>());
        RestClient client = RestClient.builder(RestOptions.builder().venue("fake").baseUrl("http://127.0.0.1:1")
                        .scheduler(time).rateLimit("public", RateLimit.perSecond(PER_SECOND)).build())
                .transport(request -> Mono.fromSupplier(() -> {
                    departures.add(time.now(TimeUnit.NANOSECONDS));
                    return new RestResponse(200, Map.of(), "{}".getBytes());
                }))
                .build();
        int requestsPerCaller = 200;
        List<RestResponse> answers = Collections.synchronizedList(new ArrayList<>());

        callers(client, requestsPerCaller).subscribe(answers::add, error -> answers.clear());
        time.advanceTimeBy(Duration.ofMinutes(2));

        assertThat(answers).hasSize(CALLERS * requestsPerCaller).allMatch(RestResponse::isSuccess);
        List<Long> sorted = departures.stream().sorted().toList();
        // more than 50 in some window [t, t + 1 s) would mean two departures 50 apart less than a second apart
        for (int i = PER_SECOND; i < sorted.size(); i++) {
            assertThat(sorted.get(i) - sorted.get(i - PER_SECOND)).as("departures %d and %d", i - PER_SECOND, i)
                    .isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
        }
    }

    @Test
    void everyCallOfManyConcurrentCallersGetsThroughOnLoopback() {
        try (FakeVenueServer server = FakeVenueServer.start()) {
            server.route("GET", "/api/v3/ticker").respond(FakeResponse.ok("{}"));
            RestClient client = RestClient.builder(RestOptions.builder().venue("fake").baseUrl(server.baseUrl())
                    .rateLimit("public", RateLimit.perSecond(PER_SECOND)).build())
                    .build();
            int requestsPerCaller = 5;

            Long succeeded = callers(client, requestsPerCaller).filter(RestResponse::isSuccess).count()
                    .block(Duration.ofSeconds(30));
            client.disposeLater().block(Duration.ofSeconds(10));

            assertThat(succeeded).isEqualTo((long) CALLERS * requestsPerCaller);
            assertThat(server.requests()).hasSize(CALLERS * requestsPerCaller);
        }
    }
}
