package io.exflux.reactive.venue.alp;

import static org.assertj.core.api.Assertions.assertThat;
import static io.exflux.reactive.venue.alp.Await.await;

import io.exflux.reactive.ClientResources;
import io.exflux.reactive.internal.resources.SharedResources;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.RecordedFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/** Who creates and who closes the resources an ALP client runs on. */
class AlpClientResourcesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant SERVER_TIME = Instant.ofEpochSecond(1630862400L);

    private FakeVenueServer server;

    @BeforeEach
    void start() {
        server = FakeVenueServer.start();
        server.route("GET", "/api/v3/time").respond(FakeResponse.ok(AlpDocExamples.raw("rest/time.json")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AlpOptions.Builder options() {
        return AlpOptions.builder().restUrl(server.baseUrl() + "/api/v3").wsUrl(server.wsUrl("/ws"));
    }

    private static int pooled(ClientResources resources) {
        return SharedResources.of(resources).allocatedConnections();
    }

    @Test
    void aClientGivenNoResourcesCreatesItsOwnAndClosesThemWithItself() {
        AlpExchangeClient client = AlpExchangeClient.create(options().build());
        ClientResources own = client.resources();
        assertThat(client.options().resources()).isEmpty();

        assertThat(client.rest().time().block(WAIT).serverTime()).isEqualTo(SERVER_TIME);
        assertThat(pooled(own)).as("the call's connection stays pooled").isEqualTo(1);
        assertThat(own.isShutdown()).isFalse();

        client.closeGracefully().block(WAIT);

        assertThat(own.isShutdown()).isTrue();
        assertThat(own.connectionProvider().isDisposed()).isTrue();
        assertThat(own.loopResources().isDisposed()).isTrue();
        assertThat(pooled(own)).isZero();
        await().atMost(WAIT).until(() -> server.openConnections() == 0);
    }

    @Test
    void aRestClientGivenNoResourcesClosesItsOwnOnDispose() {
        AlpRestClient rest = new AlpRestClient(options().build());
        assertThat(rest.time().block(WAIT).serverTime()).isEqualTo(SERVER_TIME);
        ClientResources own = rest.resources();

        rest.disposeLater().block(WAIT);

        assertThat(own.isShutdown()).isTrue();
        assertThat(pooled(own)).isZero();
    }

    @Test
    void givenResourcesOutliveTheClientsAndShareOnePool() {
        ClientResources shared = ClientResources.create();
        AlpExchangeClient a = AlpExchangeClient.create(options().resources(shared).build());
        AlpExchangeClient b = AlpExchangeClient.create(options().resources(shared).build());
        try {
            assertThat(a.resources()).isSameAs(shared);
            a.rest().time().block(WAIT);
            b.rest().time().block(WAIT);
            // an answer arrives once its connection is back in the pool, so the next call finds it idle
            assertThat(pooled(shared)).as(() -> "the second call reuses the first call's idle connection (the venue"
                    + " accepted " + server.acceptedConnections() + ")").isEqualTo(1);

            a.closeGracefully().block(WAIT);

            assertThat(shared.isShutdown()).isFalse();
            assertThat(b.rest().time().block(WAIT).serverTime()).isEqualTo(SERVER_TIME);
            b.closeGracefully().block(WAIT);
            assertThat(shared.isShutdown()).isFalse();
            assertThat(pooled(shared)).isEqualTo(1);
        } finally {
            shared.shutdown().block(WAIT);
        }
        assertThat(pooled(shared)).as("shutdown closes the pool").isZero();
        assertThat(shared.connectionProvider().isDisposed()).isTrue();
        await().atMost(WAIT).until(() -> server.openConnections() == 0);
    }

    @Test
    void aPoolAndLoopsOfTheCallersStayOpenAfterShutdown() {
        ConnectionProvider pool = ConnectionProvider.create("caller-pool", 4);
        LoopResources loops = LoopResources.create("caller-loops", 1, true);
        ClientResources resources = ClientResources.builder().connectionProvider(pool).loopResources(loops).build();
        try {
            AlpRestClient rest = new AlpRestClient(options().resources(resources).build());
            assertThat(rest.time().block(WAIT).serverTime()).isEqualTo(SERVER_TIME);
            rest.disposeLater().block(WAIT);

            resources.shutdown().block(WAIT);

            assertThat(resources.isShutdown()).isTrue();
            assertThat(pool.isDisposed()).isFalse();
            assertThat(loops.isDisposed()).isFalse();
        } finally {
            pool.disposeLater().then(loops.disposeLater()).block(WAIT);
        }
    }

    @Test
    void restAndWebsocketRunOnTheResourcesLoopsWithTheirCustomizer() {
        ClientResources resources = ClientResources.builder()
                .httpClientCustomizer(http -> http.headers(headers -> headers.set("X-Exflux-Test", "customized")))
                .build();
        server.websocket("/ws", session -> {
            session.send("[\"welcome\",1790139140,20000,30000,\"ec9a0e3f\"]");
            return session.inbound().filter(text -> text.startsWith("[\"subscribe\""))
                    .doOnNext(text -> session.send("[\"subscribe\",1790139140," + text.substring(13)))
                    .then();
        });
        AlpExchangeClient client = AlpExchangeClient.create(options().resources(resources).build());
        List<String> deliveredOn = new CopyOnWriteArrayList<>();
        // the REST call first: two event loops building their first Jackson deserializers at once lock each other
        client.rest().time().block(WAIT);
        assertThat(server.requests("GET", "/api/v3/time").get(0).header("X-Exflux-Test")).isEqualTo("customized");
        Disposable subscription = client.stream().trades("BTC_USDT")
                .subscribe(trade -> deliveredOn.add(Thread.currentThread().getName()));
        try {
            await().atMost(WAIT).until(() -> server.frames().stream().anyMatch(frame ->
                    frame.kind() == RecordedFrame.Kind.TEXT && frame.text().contains("trade.BTC_USDT")));
            server.sessions().get(0).send(AlpDocExamples.raw("ws/trade.json"));
            await().atMost(WAIT).until(() -> deliveredOn.size() == 1);
            assertThat(deliveredOn).allSatisfy(thread -> assertThat(thread).startsWith("exflux-"));
        } finally {
            subscription.dispose();
            client.closeGracefully().then(resources.shutdown()).block(WAIT);
        }
    }
}
