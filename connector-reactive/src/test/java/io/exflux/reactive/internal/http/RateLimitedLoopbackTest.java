package io.exflux.reactive.internal.http;

import io.exflux.reactive.ClientResources;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.reactive.config.RateLimit;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
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
 * same pipeline runs in real time against the fake venue, which checks the windows by arrival time.
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
                        .resources(ClientResources.builder().scheduler(time).build()).rateLimit("public", RateLimit.perSecond(PER_SECOND)).build())
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

    /**
     * The same 16 callers on loopback, 20 requests each (about 10 s; {@code -Dexflux.rateLimit.requestsPerCaller=200}
     * gives the 70-second run of 3,200): the fake venue, counting by arrival time as a venue does, never sees
     * more than 50 requests in any one-second window, and every request succeeds.
     * The limiter paces requests where they are written, once their connection is ready; a whole-process stall (GC,
     * a starved CPU) between the write and the venue's count can still bunch them, so the scope keeps a 200 ms
     * margin, and the client is warmed up first
     * (class loading and 16 TCP handshakes would otherwise delay the first requests past that margin).
     */
    @Test
    void theVenueNeverSeesMoreThanTheLimitInAnyOneSecondWindow() {
        try (FakeVenueServer server = FakeVenueServer.start()) {
            server.route("GET", "/api/v3/ticker").respond(FakeResponse.ok("{}"));
            RestClient client = RestClient.builder(RestOptions.builder().venue("fake").baseUrl(server.baseUrl())
                    .rateLimit("public", RateLimit.perSecond(PER_SECOND).withMargin(Duration.ofMillis(200)))
                    .build())
                    .build();
            callers(client, 1).blockLast(Duration.ofSeconds(30));
            server.clearRecords();
            int requestsPerCaller = Integer.getInteger("exflux.rateLimit.requestsPerCaller", 20);

            Long succeeded = callers(client, requestsPerCaller).filter(RestResponse::isSuccess).count()
                    .block(Duration.ofMinutes(3));
            client.disposeLater().block(Duration.ofSeconds(10));

            assertThat(succeeded).isEqualTo((long) CALLERS * requestsPerCaller);
            List<Instant> arrivals = server.requests().stream().map(RecordedRequest::arrival).sorted().toList();
            assertThat(arrivals).hasSize(CALLERS * requestsPerCaller);
            // more than 50 in some window [t, t + 1 s) would mean two arrivals 50 apart less than a second apart
            for (int i = PER_SECOND; i < arrivals.size(); i++) {
                assertThat(Duration.between(arrivals.get(i - PER_SECOND), arrivals.get(i)))
                        .as("arrivals %d and %d", i - PER_SECOND, i)
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
        }
    }
}
