package io.exflux.reactive.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.reactive.ratelimit.RateLimit;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * 16 concurrent callers send 200 requests each through one 50 req/s scope. The fake venue, counting by arrival
 * time as a venue does, never sees more than 50 requests in any one-second window, and every call succeeds.
 * The client is warmed up first (see below).
 * (This one takes about 80 s of real time: 3,200 requests at 50 per 1.2 s.)
 */
class RateLimitedLoopbackTest {

    private static final int CALLERS = 16;
    private static final int REQUESTS_PER_CALLER = 200;
    private static final int PER_SECOND = 50;
    /**
     * The margin must cover the worst arrival jitter. The limiter spaces requests when they leave; a stall of the
     * whole process (GC, a starved CPU) delays requests already granted, so they arrive closer together. On this
     * shared 2-core host at load average 15, stalls of 60 to 330 ms were seen; 200 ms covers all but the worst.
     */
    private static final Duration MARGIN = Duration.ofMillis(200);

    @Test
    void theVenueNeverSeesMoreThanTheLimitInAnyOneSecondWindow() {
        try (FakeVenueServer server = FakeVenueServer.start()) {
            server.route("GET", "/api/v3/ticker").respond(FakeResponse.ok("{}"));
            RestClient client = RestClient.builder(RestOptions.builder().venue("fake").baseUrl(server.baseUrl())
                    .rateLimit("public", RateLimit.perSecond(PER_SECOND).withMargin(MARGIN)).build())
                    .build();
            // The limiter spaces requests when they leave; the venue counts them when they arrive. A cold client
            // (class loading, 16 TCP handshakes) delays its first requests by more than the margin absorbs,
            // so warm the client up and measure the steady state.
            Flux.range(0, CALLERS).flatMap(i -> client.exchange(RestRequest.get("/api/v3/ticker").build()))
                    .blockLast(Duration.ofSeconds(30));
            server.clearRecords();

            Long succeeded = Flux.range(0, CALLERS)
                    .flatMap(caller -> Flux.range(0, REQUESTS_PER_CALLER)
                            .concatMap(i -> client.exchange(RestRequest.get("/api/v3/ticker")
                                    .query("caller", Integer.toString(caller)).build())), CALLERS)
                    .filter(RestResponse::isSuccess)
                    .count()
                    .block(Duration.ofMinutes(3));
            client.disposeLater().block(Duration.ofSeconds(10));

            assertThat(succeeded).isEqualTo((long) CALLERS * REQUESTS_PER_CALLER);
            List<Instant> arrivals = server.requests().stream().map(RecordedRequest::arrival).sorted().toList();
            assertThat(arrivals).hasSize(CALLERS * REQUESTS_PER_CALLER);
            // more than 50 in some window [t, t + 1 s) would mean two arrivals 50 apart less than a second apart
            for (int i = PER_SECOND; i < arrivals.size(); i++) {
                assertThat(Duration.between(arrivals.get(i - PER_SECOND), arrivals.get(i)))
                        .as("arrivals %d and %d", i - PER_SECOND, i)
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
        }
    }
}
