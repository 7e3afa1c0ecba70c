package io.exflux.reactive.venue.alp;

import static io.exflux.reactive.venue.alp.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.StreamOverflowException;
import io.exflux.api.stream.OverflowPolicy;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.config.RateLimit;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.reactive.venue.alp.model.AlpAck;
import io.exflux.reactive.venue.alp.model.AlpMessage;
import io.exflux.reactive.venue.alp.model.AlpWsTrade;
import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import io.exflux.testkit.server.FakeResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * What an application's Micrometer registries show after a scripted session of an ALP client against the simulator:
 * calls, a 429, a rate-limit wait, a caller's observation, a malformed frame, a forced disconnect, an overflow.
 */
class AlpMetricsTest {

    /** Micrometer's context-propagation key of the current observation ({@code ObservationThreadLocalAccessor.KEY}). */
    private static final String OBSERVATION_KEY = "micrometer.observation";
    private static final String TOPIC = AlpTopics.trades("BTC_USDT");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final List<Disposable> subscriptions = new CopyOnWriteArrayList<>();
    private ClientResources resources;
    private AlpSimulator sim;
    private AlpExchangeClient client;

    @AfterEach
    void stop() {
        subscriptions.forEach(Disposable::dispose);
        if (client != null) {
            client.closeGracefully().block(Duration.ofSeconds(5));
        }
        if (resources != null) {
            resources.shutdown().block(Duration.ofSeconds(10));
        }
        if (sim != null) {
            sim.close();
        }
    }

    private void start() {
        sim = AlpSimulator.start(AlpSimulatorOptions.builder().generatorEnabled(false).build());
        sim.generator().prepare().block(Duration.ofSeconds(5));
        resources = ClientResources.builder().meterRegistry(meters).observationRegistry(observations).build();
        client = AlpExchangeClient.create(AlpOptions.builder().resources(resources)
                .restUrl(sim.restBaseUrl()).wsUrl(sim.websocketUrl())
                // one public permit per 200 ms (+ margin); retries 300 ms later, so a retry never waits for one
                .rateLimit(AlpOptions.PUBLIC_SCOPE, RateLimit.of(1, Duration.ofMillis(200)))
                .rateLimit(AlpOptions.PRIVATE_SCOPE, null)
                .backoff(Backoff.constant(Duration.ofMillis(300)))
                .streamOptions(StreamOptions.builder().unsubscribeGrace(Duration.ZERO)
                        .backoff(Backoff.constant(Duration.ofMillis(20))).build())
                .build());
    }

    private double count(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private long calls(String outcome) {
        Timer timer = meters.find("exflux.rest.calls")
                .tags("venue", "alp", "operation", "GET /time", "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private Gauge gauge(String name) {
        // the client has no credentials: its public socket is its only endpoint
        return meters.find(name).gauge();
    }

    @Test
    @SuppressWarnings("unchecked") // micrometer-observation-test's context assertion is a raw type
    void aScriptedSessionLeavesTheExpectedCountInEveryMeter() throws InterruptedException {
        start();

        // a 429 (Retry-After 0), then the call succeeds on its retry
        sim.faults().answerNext(1, FakeResponse.tooManyRequests("0"));
        client.serverTime().block(Duration.ofSeconds(5));
        assertThat(count("exflux.rest.rate.limited", "venue", "alp", "operation", "GET /time")).isEqualTo(1);
        assertThat(count("exflux.rest.retries", "venue", "alp", "operation", "GET /time")).isEqualTo(1);
        assertThat(count("exflux.rate.limit.waits", "venue", "alp", "scope", "public")).isZero();

        // two calls at once on one permit: the second waits for its turn
        Thread.sleep(250);
        Mono.when(client.serverTime(), client.serverTime()).block(Duration.ofSeconds(5));
        assertThat(count("exflux.rate.limit.waits", "venue", "alp", "scope", "public")).isEqualTo(1);

        // the caller's observation, in the Reactor Context, is the parent of the call's
        Observation checkout = Observation.start("checkout", observations);
        client.serverTime().contextWrite(Context.of(OBSERVATION_KEY, checkout)).block(Duration.ofSeconds(5));
        checkout.stop();
        assertThat(calls("success")).isEqualTo(4);
        assertThat(calls("error")).isZero();
        TestObservationRegistryAssert.assertThat(observations)
                .hasNumberOfObservationsWithNameEqualTo("exflux.rest.call", 4)
                .hasAnObservation(observation -> observation.hasNameEqualTo("exflux.rest.call")
                        .hasLowCardinalityKeyValue("venue", "alp")
                        .hasLowCardinalityKeyValue("operation", "GET /time")
                        .hasLowCardinalityKeyValue("outcome", "success")
                        .satisfies(context -> assertThat(((Observation.Context) context).getParentObservation())
                                .isSameAs(checkout)));

        // a trade stream: messages counted per topic, one socket and one topic live
        List<AlpMessage> control = new CopyOnWriteArrayList<>();
        subscriptions.add(client.stream().controlMessages().subscribe(control::add));
        List<AlpWsTrade> trades = new CopyOnWriteArrayList<>();
        subscriptions.add(client.stream().trades("BTC_USDT").subscribe(trades::add));
        await().until(() -> control.stream().anyMatch(m -> m instanceof AlpAck ack && ack.topics().contains(TOPIC)));
        assertThat(gauge("exflux.stream.sockets").value()).isEqualTo(1);
        assertThat(gauge("exflux.stream.topics").value()).isEqualTo(1);
        stepUntil(() -> trades.size() >= 2, () -> trades.size() + " trades");
        await().until(() -> count("exflux.stream.messages", "topic", TOPIC) == trades.size(),
                () -> count("exflux.stream.messages", "topic", TOPIC) + " counted, " + trades.size() + " received");

        // a malformed frame is skipped and counted
        sim.faults().sendOnWebsockets("{not json");
        await().until(() -> count("exflux.stream.malformed.frames") == 1);
        assertThat(client.stream().malformedFrames()).isEqualTo(1);

        // a forced disconnect: one reconnect
        int opened = sim.server().sessions().size();
        sim.dropAllWebsockets();
        await().until(() -> sim.server().sessions().size() > opened && sim.openWebsockets() == 1);
        await().until(() -> count("exflux.stream.reconnects") == 1);

        // a subscriber without demand overflows its buffer of one: counted at once; it sees the error once it asks
        AtomicReference<Throwable> overflow = new AtomicReference<>();
        BaseSubscriber<AlpMessage> slow = new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                // no demand
            }

            @Override
            protected void hookOnError(Throwable error) {
                overflow.set(error);
            }
        };
        subscriptions.add(client.stream().topic(TOPIC, OverflowPolicy.bufferThenFail(1)).subscribeWith(slow));
        stepUntil(() -> count("exflux.stream.overflows", "topic", TOPIC) == 1, () -> trades.size() + " trades");
        slow.request(Long.MAX_VALUE);
        await().until(() -> overflow.get() != null);
        assertThat(overflow.get()).isInstanceOf(StreamOverflowException.class);
        assertThat(count("exflux.stream.overflows", "topic", TOPIC)).isEqualTo(1);
        assertThat(count("exflux.stream.reconnects")).isEqualTo(1);
        assertThat(count("exflux.stream.malformed.frames")).isEqualTo(1);

        // closed: the stream's gauges leave the registry
        client.closeGracefully().block(Duration.ofSeconds(5));
        client = null;
        assertThat(meters.find("exflux.stream.sockets").gauge()).isNull();
        assertThat(meters.find("exflux.stream.topics").gauge()).isNull();
    }

    /** Steps the simulator's market until the condition holds (trades come from some steps, not all). */
    private void stepUntil(Callable<Boolean> condition, Supplier<String> detail) {
        await().until(() -> {
            sim.generator().step().block(Duration.ofSeconds(5));
            return condition.call();
        }, detail);
    }
}
