package io.exflux.reactive.internal.ws;

import io.exflux.reactive.config.StreamKind;

import io.exflux.reactive.config.StreamOptions;

import static io.exflux.reactive.internal.ws.Loopback.await;
import static io.exflux.reactive.internal.ws.Loopback.session;
import static io.exflux.reactive.internal.ws.Loopback.subscribed;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.StreamOverflowException;
import io.exflux.api.stream.OverflowPolicy;
import io.exflux.reactive.testsupport.FailOnNettyLeaks;
import io.exflux.reactive.internal.ws.TestDialect.Msg;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.WsScript;
import io.exflux.testkit.server.WsSession;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

/**
 * Each overflow policy with two subscribers of one topic: a fast one that reads everything and a slow
 * one that requests nothing. The fast one must get every message in order while the slow one is stuck
 * (so neither the socket nor the fast subscriber waited), and the slow one sees its policy.
 */
@ExtendWith(FailOnNettyLeaks.class)
class OverflowPolicyLoopbackTest {

    private static final int BURST = 2_000;
    private static final Msg RESYNC = new Msg("a", "RESYNC");

    private final FakeVenueServer server = FakeVenueServer.start();
    private StreamEndpoint<Msg> stream;
    private final List<Msg> fast = new CopyOnWriteArrayList<>();
    private final AtomicReference<Throwable> fastError = new AtomicReference<>();
    private SlowSubscriber slow;
    private WsSession session;

    @BeforeEach
    void connect() {
        server.websocket("/ws", WsScript.idle());
        stream = StreamEndpoint.create(URI.create(server.wsUrl("/ws")), TestDialect.plain(), StreamOptions.defaults());
    }

    @AfterEach
    void stop() {
        if (slow != null) {
            slow.dispose();
        }
        stream.close().block(Duration.ofSeconds(10));
        server.close();
    }

    private void subscribeBoth(Flux<Msg> slowView) {
        stream.topic("a", OverflowPolicy.bufferThenFail(BURST * 2)).subscribe(fast::add, fastError::set);
        slow = new SlowSubscriber();
        slowView.subscribe(slow);
        session = session(server, 1);
        await("a subscribed", () -> subscribed(server, session.id()).contains("a"));
    }

    private void burst(int from, int to) {
        for (int i = from; i < to; i++) {
            session.send("a|" + i);
        }
    }

    private static List<String> numbers(int from, int to) {
        return IntStream.range(from, to).mapToObj(Integer::toString).toList();
    }

    @Test
    void latest_theSlowSubscriberSkipsToTheNewestWhileTheOtherGetsEverything() {
        subscribeBoth(stream.topic("a", StreamKind.TICKER));
        slow.request(1);
        burst(0, BURST);

        await("fast subscriber got the whole burst", () -> fast.size() == BURST);
        assertThat(fast).extracting(Msg::payload).containsExactlyElementsOf(numbers(0, BURST));
        assertThat(slow.received).extracting(Msg::payload).containsExactly("0");

        slow.request(1);
        await("slow subscriber got one more", () -> slow.received.size() == 2);
        assertThat(slow.received.get(1).payload()).isEqualTo(Integer.toString(BURST - 1));
        assertThat(fastError.get()).isNull();
        assertThat(slow.error.get()).isNull();
    }

    @Test
    void bufferThenFail_theSlowSubscriberFailsWithAClearError_theOtherAndTheSocketCarryOn() {
        subscribeBoth(stream.topic("a", OverflowPolicy.bufferThenFail(16)));
        burst(0, BURST);

        await("fast subscriber got the whole burst", () -> fast.size() == BURST);
        assertThat(slow.error.get()).as("nothing is signalled to a subscriber without demand").isNull();

        slow.request(Long.MAX_VALUE);
        await("slow subscriber failed", () -> slow.error.get() != null);
        assertThat(slow.received).as("what fitted in the buffer, then the error")
                .extracting(Msg::payload).containsExactlyElementsOf(numbers(0, 16));
        assertThat(slow.error.get()).isInstanceOf(StreamOverflowException.class)
                .hasMessageContaining("a").hasMessageContaining("16");
        assertThat(((StreamOverflowException) slow.error.get()).topic()).isEqualTo("a");

        burst(BURST, BURST + 1);
        await("the socket still delivers", () -> fast.size() == BURST + 1);
        assertThat(fast).extracting(Msg::payload).containsExactlyElementsOf(numbers(0, BURST + 1));
        assertThat(server.sessions()).hasSize(1);
        assertThat(fastError.get()).isNull();
    }

    @Test
    void bufferThenResync_theSlowSubscriberIsToldToResyncThenSeesOnlyNewerMessages() {
        subscribeBoth(stream.topic("a", StreamOptions.defaults().mutate()
                .overflowPolicy(StreamKind.BOOK_UPDATES, OverflowPolicy.bufferThenResync(16)).build()
                .overflowPolicy(StreamKind.BOOK_UPDATES), () -> RESYNC));
        burst(0, BURST);
        await("fast subscriber got the whole burst", () -> fast.size() == BURST);

        slow.request(Long.MAX_VALUE);
        await("slow subscriber got the buffer and the resync marker", () -> slow.received.size() == 17);
        burst(BURST, BURST + 5);
        await("slow subscriber continues after the marker", () -> slow.received.size() == 22);

        assertThat(slow.received.subList(0, 16)).extracting(Msg::payload).containsExactlyElementsOf(numbers(0, 16));
        assertThat(slow.received.get(16)).isSameAs(RESYNC);
        assertThat(slow.received.subList(17, 22)).extracting(Msg::payload)
                .containsExactlyElementsOf(numbers(BURST, BURST + 5));
        assertThat(slow.error.get()).isNull();
        assertThat(fast).hasSize(BURST + 5);
    }

    @Test
    void aResyncPolicyWithoutAMarkerIsRejectedThroughTheFlux() {
        AtomicReference<Throwable> error = new AtomicReference<>();
        stream.topic("a", StreamKind.BOOK_UPDATES).subscribe(m -> { }, error::set);
        assertThat(error.get()).isInstanceOf(io.exflux.api.error.InvalidRequestException.class);
        assertThat(stream.socketCount()).isZero();
    }

    /** Requests only what the test asks for. */
    static final class SlowSubscriber extends BaseSubscriber<Msg> {
        final List<Msg> received = new CopyOnWriteArrayList<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            // no demand until the test says so
        }

        @Override
        protected void hookOnNext(Msg value) {
            received.add(value);
        }

        @Override
        protected void hookOnError(Throwable throwable) {
            error.set(throwable);
        }
    }
}
