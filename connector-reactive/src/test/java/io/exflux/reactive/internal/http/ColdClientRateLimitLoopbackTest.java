package io.exflux.reactive.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.RateLimit;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.RecordedRequest;
import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * A cold client (in a warm process) fires 60 calls at once at a 15 per second scope. Its first connections wait a second for their
 * address (a cold DNS cache every new connection waits for), while the permits keep coming: the calls granted during
 * that second must not arrive together with the ones granted after it. The fake venue counts by arrival time, as a
 * venue does: never more than 15 in any one-second window, and every call succeeds (about 5 s).
 */
class ColdClientRateLimitLoopbackTest {

    private static final int CALLS = 60;
    private static final int PER_SECOND = 15;

    @Test
    void aColdClientsFirstCallsDoNotArriveTogetherWithTheNextOnes() {
        ClientResources resources = ClientResources.builder()
                .httpClientCustomizer(http -> http.resolver(new ColdLookups(Duration.ofSeconds(1)))).build();
        try (FakeVenueServer server = FakeVenueServer.start()) {
            server.route("GET", "/api/v3/ticker").respond(FakeResponse.ok("{}"));
            warmUp(server);
            RestClient client = RestClient.builder(RestOptions.builder().venue("fake")
                    .baseUrl(server.baseUrl().replace("127.0.0.1", "localhost")).resources(resources)
                    // the margin absorbs the fake venue's own delays on a loaded machine, not the connections'
                    .rateLimit("public", RateLimit.perSecond(PER_SECOND).withMargin(Duration.ofMillis(300)))
                    .build())
                    .build();

            Long succeeded = Flux.range(0, CALLS)
                    .flatMap(call -> client.exchange(RestRequest.get("/api/v3/ticker")
                            .query("call", Integer.toString(call)).build()), CALLS)
                    .filter(RestResponse::isSuccess).count()
                    .block(Duration.ofSeconds(60));

            assertThat(succeeded).isEqualTo(CALLS);
            List<Instant> arrivals = server.requests().stream().map(RecordedRequest::arrival).sorted().toList();
            assertThat(arrivals).hasSize(CALLS);
            // more than 15 in some window [t, t + 1 s) would mean two arrivals 15 apart less than a second apart
            for (int i = PER_SECOND; i < arrivals.size(); i++) {
                assertThat(Duration.between(arrivals.get(i - PER_SECOND), arrivals.get(i)))
                        .as("arrivals %d and %d", i - PER_SECOND, i)
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
        } finally {
            resources.shutdown().block(Duration.ofSeconds(10));
        }
    }

    /**
     * One call through another client first: class loading and the first requests' compilation, in this process and in
     * the fake venue, would delay a first arrival by hundreds of milliseconds on a loaded machine; what is cold here
     * is the tested client's connections only.
     */
    private static void warmUp(FakeVenueServer server) {
        RestClient warm = RestClient.builder(RestOptions.builder().venue("fake").baseUrl(server.baseUrl()).build())
                .build();
        try {
            warm.exchange(RestRequest.get("/api/v3/ticker").build()).block(Duration.ofSeconds(30));
        } finally {
            warm.disposeLater().block(Duration.ofSeconds(10));
        }
        server.clearRecords();
    }

    /**
     * Resolves every name to the loopback address; every lookup started within {@code cold} of the first one
     * completes only then (on the connection's event loop, without blocking).
     */
    private static final class ColdLookups extends AddressResolverGroup<InetSocketAddress> {

        private final long coldNanos;
        private final AtomicLong warmAt = new AtomicLong(Long.MIN_VALUE);

        ColdLookups(Duration cold) {
            this.coldNanos = cold.toNanos();
        }

        @Override
        protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
            return new AbstractAddressResolver<>(executor) {
                @Override
                protected boolean doIsResolved(InetSocketAddress address) {
                    return !address.isUnresolved();
                }

                @Override
                protected void doResolve(InetSocketAddress unresolved, Promise<InetSocketAddress> promise) {
                    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                            unresolved.getPort());
                    executor.schedule(() -> promise.trySuccess(loopback), untilWarm(), TimeUnit.NANOSECONDS);
                }

                @Override
                protected void doResolveAll(InetSocketAddress unresolved,
                                            Promise<List<InetSocketAddress>> promise) {
                    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                            unresolved.getPort());
                    executor.schedule(() -> promise.trySuccess(List.of(loopback)), untilWarm(),
                            TimeUnit.NANOSECONDS);
                }
            };
        }

        private long untilWarm() {
            long now = System.nanoTime();
            warmAt.compareAndSet(Long.MIN_VALUE, now + coldNanos);
            return Math.max(0, warmAt.get() - now);
        }
    }
}
