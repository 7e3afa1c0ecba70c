package io.exflux.reactive.internal.ws;

import io.exflux.reactive.config.Backoff;

import static io.exflux.reactive.internal.ws.Loopback.await;
import static io.exflux.reactive.internal.ws.Loopback.framesStartingWith;
import static io.exflux.reactive.internal.ws.Loopback.session;
import static io.exflux.reactive.internal.ws.Loopback.subscribed;
import static io.exflux.reactive.internal.ws.Loopback.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.reactive.config.StreamKind;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.reactive.internal.ws.TestDialect.Msg;
import io.exflux.reactive.testsupport.FailOnNettyLeaks;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.WsScript;
import io.exflux.testkit.server.WsSession;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The venue's answers on loopback: acks, refusals with and without a topic, refused authentication, and
 * {@link StreamEndpoint#resubscribe}. The test venue answers {@code ok:t1,t2} (ack), {@code no:t}
 * (refusal naming t), {@code no:} (refusal naming nothing) and {@code denied} (authentication refused).
 */
@ExtendWith(FailOnNettyLeaks.class)
class StreamAnswersLoopbackTest {

    private static final StreamOptions FAST = StreamOptions.builder()
            .backoff(Backoff.fullJitter(Duration.ofMillis(20), Duration.ofMillis(100)))
            .unsubscribeGrace(Duration.ofMillis(100))
            .build();
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private FakeVenueServer server;
    private StreamEndpoint<Msg> stream;
    private final List<Disposable> subscriptions = new CopyOnWriteArrayList<>();

    /** The line protocol of {@link TestDialect}, plus the answers above. */
    private static final class AnsweringDialect extends DelegatingDialect {
        AnsweringDialect(TestDialect plain) {
            super(plain);
        }

        @Override
        public void decode(String frame, FrameSink<Msg> sink) {
            if (frame.startsWith("ok:")) {
                sink.acknowledged(Arrays.asList(frame.substring(3).split(",")));
                sink.control(new Msg(null, frame));
            } else if (frame.startsWith("no:")) {
                String topic = frame.length() > 3 ? frame.substring(3) : null;
                sink.refused(topic, refused -> new InvalidRequestException("venue refused " + refused));
            } else if (frame.equals("denied")) {
                sink.authenticationRefused(new AuthenticationException("venue refused the token"));
            } else {
                super.decode(frame, sink);
            }
        }

        @Override
        public boolean acknowledgesSubscriptions() {
            return true;
        }
    }

    @BeforeEach
    void startServer() {
        server = FakeVenueServer.start();
        server.websocket("/ws", WsScript.idle());
    }

    @AfterEach
    void stop() {
        subscriptions.forEach(Disposable::dispose);
        if (stream != null) {
            stream.close().block(Duration.ofSeconds(10));
        }
        server.close();
    }

    private void connect(StreamDialect<Msg> dialect) {
        stream = StreamEndpoint.create(URI.create(server.wsUrl("/ws")), dialect, FAST);
    }

    private List<Msg> collect(String topic, AtomicReference<Throwable> error) {
        List<Msg> received = new CopyOnWriteArrayList<>();
        subscriptions.add(stream.topic(topic, StreamKind.TRADES).subscribe(received::add, error::set));
        return received;
    }

    @Test
    void anErrorNamingNoTopicFailsTheOldestPendingSubscription_notTheAcknowledgedOne_andTheTopicIsReusable() {
        connect(new AnsweringDialect(TestDialect.plain()));
        AtomicReference<Throwable> aError = new AtomicReference<>();
        List<Msg> a = collect("a", aError);
        WsSession venue = session(server, 1);
        await("a subscribed", () -> subscribed(server, venue.id()).contains("a"));
        venue.send("ok:a");

        StepVerifier.create(stream.topic("bad", StreamKind.TRADES))
                .then(() -> await("bad subscribed", () -> subscribed(server, venue.id()).contains("bad")))
                .then(() -> venue.send("no:"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequestException.class)
                        .hasMessage("venue refused [bad]"))
                .verify(PATIENCE);

        venue.send("a|still");
        await("a keeps receiving", () -> a.size() == 1);
        assertThat(aError.get()).isNull();

        StepVerifier.create(stream.topic("bad", StreamKind.TRADES))
                .then(() -> await("bad subscribed again on the same socket",
                        () -> framesStartingWith(server, venue.id(), "sub:bad").size() == 2))
                .then(() -> venue.send("ok:bad"))
                .then(() -> venue.send("bad|now-valid"))
                .assertNext(message -> assertThat(message.payload()).isEqualTo("now-valid"))
                .thenCancel()
                .verify(PATIENCE);
        assertThat(server.sessions()).hasSize(1);
    }

    @Test
    void anErrorNamingATopicFailsThatTopicOnly_evenAfterItsAck() {
        connect(new AnsweringDialect(TestDialect.plain()));
        AtomicReference<Throwable> aError = new AtomicReference<>();
        List<Msg> a = collect("a", aError);
        AtomicReference<Throwable> bError = new AtomicReference<>();
        collect("b", bError);
        WsSession venue = session(server, 1);
        await("a and b subscribed", () -> subscribed(server, venue.id()).containsAll(List.of("a", "b")));
        venue.send("ok:a,b");

        venue.send("no:b");
        await("b failed", () -> bError.get() != null);
        venue.send("no:");
        venue.send("a|fine");

        await("a receives", () -> a.size() == 1);
        assertThat(bError.get()).isInstanceOf(InvalidRequestException.class).hasMessage("venue refused [b]");
        assertThat(aError.get()).as("no subscription was pending: a topic-less error fails nothing").isNull();
    }

    @Test
    void aRefusedAuthenticationFailsEveryTopicOfTheSocketWithTheVenuesError() {
        connect(new AnsweringDialect(TestDialect.plain().withToken("tok")));
        AtomicReference<Throwable> ordersError = new AtomicReference<>();
        AtomicReference<Throwable> walletsError = new AtomicReference<>();
        collect("orders", ordersError);
        collect("wallets", walletsError);
        WsSession venue = session(server, 1);
        await("both subscribed", () -> subscribed(server, venue.id()).containsAll(List.of("orders", "wallets")));

        venue.send("denied");

        await("both fail", () -> ordersError.get() != null && walletsError.get() != null);
        assertThat(ordersError.get()).isInstanceOf(AuthenticationException.class).hasMessage("venue refused the token");
        assertThat(walletsError.get()).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aCredentialRefusedWhileAuthenticatingFailsTheTopicsInsteadOfReconnectingSilently() {
        connect(new DelegatingDialect(TestDialect.plain()) {
            @Override
            public Mono<List<String>> authenticate() {
                return Mono.error(new AuthenticationException("wrong secret"));
            }
        });

        StepVerifier.create(stream.topic("orders", StreamKind.PRIVATE))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(AuthenticationException.class)
                        .hasMessage("wrong secret"))
                .verify(PATIENCE);
    }

    @Test
    void resubscribeSendsUnsubscribeThenSubscribeOnTheSameSocket_andSubscribersKeepReceiving() {
        connect(new AnsweringDialect(TestDialect.plain()));
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<Msg> book = collect("book", error);
        WsSession venue = session(server, 1);
        await("book subscribed", () -> subscribed(server, venue.id()).contains("book"));
        venue.send("book|before");
        await("before", () -> book.size() == 1);

        StepVerifier.create(stream.resubscribe("book")).verifyComplete();

        await("both frames written", () -> texts(server, venue.id()).size() == 3);
        assertThat(texts(server, venue.id())).containsExactly("sub:book", "unsub:book", "sub:book");
        venue.send("book|after");
        await("after", () -> book.size() == 2);
        assertThat(book).extracting(Msg::payload).containsExactly("before", "after");
        assertThat(error.get()).isNull();
        assertThat(server.sessions()).hasSize(1);
        StepVerifier.create(stream.resubscribe("unknown")).expectError(InvalidRequestException.class).verify(PATIENCE);
    }
}
