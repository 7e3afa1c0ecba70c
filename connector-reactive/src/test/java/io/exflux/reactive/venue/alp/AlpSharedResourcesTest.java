package io.exflux.reactive.venue.alp;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.config.Credentials;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.RateLimit;
import io.exflux.reactive.internal.http.RestClient;
import io.exflux.reactive.internal.http.RestOptions;
import io.exflux.reactive.internal.http.RestRequest;
import io.exflux.reactive.internal.http.RestResponse;
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
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Clients that share one {@link ClientResources} share the rate limits of their API key (and the venue's public
 * limit), so together they never send faster than the venue allows; clients on different keys get a limit each.
 */
class AlpSharedResourcesTest {

    /** ALP's default private limit, 5 a second: with the 10% margin one permit every 220 ms. */
    private static final long SPACING_MS = 220;
    private static final int PER_SECOND = 5;

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final ClientResources resources = ClientResources.builder().scheduler(time).build();
    private final List<Departure> departures = Collections.synchronizedList(new ArrayList<>());

    private record Departure(String client, long atMillis) {
    }

    private AlpOptions alp(String apiKey) {
        return AlpOptions.builder().resources(resources).credentials(Credentials.of(apiKey, "SECRET")).build();
    }

    /** A REST client assembled from ALP's options exactly as AlpRestClient does, sending to a recording script. */
    private RestClient client(String name, AlpOptions options) {
        return RestClient.builder(RestOptions.from(options, "alp", "http://127.0.0.1:1/api/v3").build())
                .transport(request -> Mono.fromSupplier(() -> {
                    departures.add(new Departure(name, time.now(TimeUnit.MILLISECONDS)));
                    return new RestResponse(200, Map.of(), "{}".getBytes());
                }))
                .build();
    }

    private static Flux<RestResponse> calls(RestClient client, String scope, int count) {
        return Flux.range(0, count).flatMap(i -> client.exchange(RestRequest.get("/accounts/balances")
                .rateLimit(scope, 1).build()));
    }

    private List<Long> times(String client) {
        return departures.stream().filter(d -> client == null || d.client().equals(client))
                .map(Departure::atMillis).sorted().toList();
    }

    private static List<Long> everySpacing(int count) {
        return LongStream.range(0, count).map(i -> i * SPACING_MS).boxed().toList();
    }

    private void runAll(Flux<RestResponse> calls, int expected) {
        List<RestResponse> answers = Collections.synchronizedList(new ArrayList<>());
        calls.subscribe(answers::add);
        time.advanceTimeBy(Duration.ofMinutes(1));
        assertThat(answers).hasSize(expected);
    }

    @Test
    void twoClientsOnOneKeyShareOneLimit_exactlyWhereRequestsLeave() {
        RestClient a = client("a", alp("KEY-1"));
        RestClient b = client("b", alp("KEY-1"));

        runAll(Flux.merge(calls(a, AlpOptions.PRIVATE_SCOPE, 10), calls(b, AlpOptions.PRIVATE_SCOPE, 10)), 20);

        assertThat(times(null)).as("one sequence of permits for both clients").isEqualTo(everySpacing(20));
        assertThat(times("a")).isNotEmpty();
        assertThat(times("b")).isNotEmpty();
        assertAtMostPerSecond(times(null).stream().map(Instant::ofEpochMilli).toList(), PER_SECOND);
    }

    @Test
    void twoKeysOnOneResourcesGetALimitEach() {
        RestClient a = client("a", alp("KEY-1"));
        RestClient b = client("b", alp("KEY-2"));

        runAll(Flux.merge(calls(a, AlpOptions.PRIVATE_SCOPE, 10), calls(b, AlpOptions.PRIVATE_SCOPE, 10)), 20);

        assertThat(times("a")).isEqualTo(everySpacing(10));
        assertThat(times("b")).isEqualTo(everySpacing(10));
    }

    @Test
    void thePublicLimitIsTheVenuesWhateverTheKey() {
        RestClient a = client("a", alp("KEY-1"));
        RestClient b = client("b", alp("KEY-2"));

        runAll(Flux.merge(calls(a, AlpOptions.PUBLIC_SCOPE, 10), calls(b, AlpOptions.PUBLIC_SCOPE, 10)), 20);

        // ALP's public default: 10 a second, one permit every 110 ms
        assertThat(times(null)).isEqualTo(LongStream.range(0, 20).map(i -> i * 110).boxed().toList());
    }

    @Test
    void clientsOnTheirOwnResourcesDoNotShare() {
        ClientResources other = ClientResources.builder().scheduler(time).build();
        RestClient a = client("a", alp("KEY-1"));
        RestClient b = client("b", alp("KEY-1").mutate().resources(other).build());

        runAll(Flux.merge(calls(a, AlpOptions.PRIVATE_SCOPE, 5), calls(b, AlpOptions.PRIVATE_SCOPE, 5)), 10);

        assertThat(times("a")).isEqualTo(everySpacing(5));
        assertThat(times("b")).isEqualTo(everySpacing(5));
    }

    @Test
    void twoAlpClientsOnOneKeyStayWithinTheLimitWhereRequestsArrive() {
        try (FakeVenueServer server = FakeVenueServer.start()) {
            server.route("POST", "/api/v3/auth").respond(FakeResponse.ok("\"" + jwt() + "\""));
            server.route("GET", "/api/v3/accounts/balances").respond(FakeResponse.ok("[]"));
            ClientResources shared = ClientResources.create();
            // a wider margin than the default: arrivals on a loaded test machine jitter more than on a quiet network
            AlpOptions options = AlpOptions.builder().restUrl(server.baseUrl() + "/api/v3").resources(shared)
                    .credentials(Credentials.of("KEY-1", "SECRET"))
                    .rateLimit(AlpOptions.PRIVATE_SCOPE, RateLimit.perSecond(PER_SECOND)
                            .withMargin(Duration.ofMillis(500)))
                    .build();
            AlpRestClient a = new AlpRestClient(options);
            AlpRestClient b = new AlpRestClient(options);
            try {
                // warm up: tokens fetched and connections open, so no handshake delays the measured arrivals; one
                // client after the other, as Jackson locks while it builds a type's first deserializer
                a.balances().then().then(b.balances().then()).block(Duration.ofSeconds(30));
                server.clearRecords();
                int perClient = 7;
                Flux.merge(Flux.range(0, perClient).flatMap(i -> a.balances()),
                                Flux.range(0, perClient).flatMap(i -> b.balances()))
                        .then().block(Duration.ofSeconds(30));

                List<RecordedRequest> arrivals = server.requests();
                assertThat(arrivals).hasSize(2 * perClient);
                assertAtMostPerSecond(arrivals.stream().map(RecordedRequest::arrival).toList(), PER_SECOND);
            } finally {
                a.dispose();
                b.dispose();
                shared.shutdown().block(Duration.ofSeconds(10));
            }
        }
    }

    /** A JWT the ALP client accepts, valid long after the test. */
    private static String jwt() {
        return AlpTestJwt.withExp(4_000_000_000L, "shared");
    }

    /** No window of one second holds more than {@code limit} of these instants. */
    private static void assertAtMostPerSecond(List<Instant> instants, int limit) {
        List<Instant> sorted = instants.stream().sorted().toList();
        for (int i = limit; i < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i - limit), sorted.get(i)))
                    .as("requests %d and %d are a limit apart", i - limit, i)
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }
}
