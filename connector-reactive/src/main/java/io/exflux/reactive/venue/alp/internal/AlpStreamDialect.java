package io.exflux.reactive.venue.alp.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.reactive.internal.auth.SecretRedactor;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.internal.ws.FrameSink;
import io.exflux.reactive.internal.ws.Handshake;
import io.exflux.reactive.internal.ws.HandshakeSession;
import io.exflux.reactive.internal.ws.HeartbeatContext;
import io.exflux.reactive.internal.ws.HeartbeatStrategy;
import io.exflux.reactive.internal.ws.Heartbeats;
import io.exflux.reactive.internal.ws.StreamDialect;
import io.exflux.reactive.venue.alp.AlpTokenProvider;
import io.exflux.reactive.venue.alp.AlpTopics;
import io.exflux.reactive.venue.alp.model.AlpAck;
import io.exflux.reactive.venue.alp.model.AlpMessage;
import io.exflux.reactive.venue.alp.model.AlpWelcome;
import io.exflux.reactive.venue.alp.model.AlpWsError;
import io.netty.buffer.ByteBuf;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * ALP's websocket for the shared stream engine: JSON-array frames, the welcome handshake, the keepalive
 * (answer a websocket ping with a pong, which the engine does; answer a text {@code 1}
 * with a text {@code 2}; never send either unprompted; dead after {@code pingInterval + pingTimeout}
 * of silence, from the welcome), {@code ["auth", jwt]} on every (re)connect of the private connection
 * and again whenever the JWT is renewed ({@link #outboundFrames(HeartbeatContext)}), 20 topics per connection.
 *
 * <p>Decoding names the topics in the same pass ({@link AlpFrameDecoder#route}): a ticker row goes to
 * {@code ticker.<PAIR>} and {@code ticker.*}, a trade to {@code trade.<PAIR>} and {@code trade.*} (each
 * live one gets it), a diff or a depth to its pair's topic, private updates to the pseudo topics of
 * {@link AlpTopics}. Acks and errors settle the pending subscriptions: a refused topic fails its
 * subscribers with {@link InvalidRequestException}, a refused {@code auth} fails the private streams
 * with {@link AuthenticationException} (see {@code docs/venues/alp.md}).
 */
public final class AlpStreamDialect implements StreamDialect<AlpMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(AlpStreamDialect.class);

    private static final String VENUE = "alp";
    private static final String SUBSCRIBE = "subscribe";
    private static final String AUTH = "auth";
    /** ALP's text keepalive: the venue's ping and our answer. */
    private static final String TEXT_PING = "1";
    private static final String TEXT_PONG = "2";
    /**
     * Frames up to this many bytes are read as text: the keepalive (with some whitespace around it, which the
     * decoder also accepts); the heartbeat reads no longer frame, so market data is decoded from its bytes.
     */
    private static final int LONGEST_TEXT_FRAME_READ = 15;

    /** ALP closes a connection past 20 valid topics ("Too many topics"). */
    public static final int MAX_TOPICS_PER_CONNECTION = 20;

    private final AlpTokenProvider tokens;
    /** Blanks the token held now out of the venue's error texts (an error frame may quote the auth frame). */
    private final SecretRedactor redactor;
    private final Duration idleFallback;

    /**
     * @param tokens       the JWT source for the private connection, or {@code null} for the public one
     * @param idleFallback how long a silent connection lives when the welcome said nothing
     */
    public AlpStreamDialect(AlpTokenProvider tokens, Duration idleFallback) {
        this.tokens = tokens;
        this.redactor = tokens == null ? SecretRedactor.fieldsOnly()
                : SecretRedactor.of(() -> Collections.singletonList(tokens.current()));
        this.idleFallback = idleFallback;
    }

    @Override
    public void decode(String frame, FrameSink<AlpMessage> sink) {
        settle(AlpFrameDecoder.route(frame, sink), sink);
    }

    /** Market data straight from the frame's bytes (no {@code String}, no copy of a heap buffer). */
    @Override
    public void decode(ByteBuf utf8, FrameSink<AlpMessage> sink) {
        settle(AlpFrameDecoder.route(utf8, sink), sink);
    }

    @Override
    public int longestTextFrameRead() {
        return LONGEST_TEXT_FRAME_READ;
    }

    private void settle(AlpMessage control, FrameSink<AlpMessage> sink) {
        if (control != null) {
            answer(control, sink);
            sink.control(control);
        }
    }

    /**
     * What an ack or an error means for the subscriptions and the authentication of the connection. ALP
     * answers each subscribe frame with one ack listing its topics, or an error: {@code "Invalid topic: X"}
     * names its topic, the documented {@code "Topic does not exist"} names none and answers the oldest
     * pending frame; on the private connection an error about the token or the {@code auth} command is
     * a refused authentication.
     */
    private void answer(AlpMessage control, FrameSink<AlpMessage> sink) {
        if (control instanceof AlpAck ack) {
            if (ack.kind() == AlpAck.Kind.SUBSCRIBE) {
                sink.acknowledged(ack.topics());
            }
        } else if (control instanceof AlpWsError error) {
            String said = redactor.redact(error.message());
            if (tokens != null && refusesAuthentication(error)) {
                sink.authenticationRefused(new AuthenticationException(
                        "ALP refused the websocket authentication: " + said, ErrorContext.local(VENUE)));
            } else if (error.operation() == null || SUBSCRIBE.equals(error.operation())) {
                sink.refused(error.topic(), refused -> new InvalidRequestException(
                        "ALP refused topic " + String.join(", ", refused) + ": " + said,
                        ErrorContext.local(VENUE)));
            } else {
                LOG.warn("ALP websocket error on {}: {}", error.operation(), said);
            }
        }
    }

    private static boolean refusesAuthentication(AlpWsError error) {
        return AUTH.equals(error.operation())
                || (error.operation() == null && error.message() != null
                        && error.message().toLowerCase(Locale.ROOT).contains("token"));
    }

    /** ALP answers every subscribe frame with an ack or an error, in order. */
    @Override
    public boolean acknowledgesSubscriptions() {
        return true;
    }

    @Override
    public List<String> subscribeFrames(List<String> topics) {
        return frames("subscribe", topics);
    }

    @Override
    public List<String> unsubscribeFrames(List<String> topics) {
        return frames("unsubscribe", topics);
    }

    /** {@code ["subscribe","t1","t2"]}; private pseudo topics are not sent (the venue pushes them after auth). */
    static List<String> frames(String command, List<String> topics) {
        List<String> wire = new ArrayList<>();
        wire.add(command);
        for (String topic : topics) {
            if (!AlpTopics.isPrivate(topic)) {
                wire.add(topic);
            }
        }
        return wire.size() == 1 ? List.of() : List.of(json(wire));
    }

    @Override
    public int maxTopicsPerConnection() {
        return MAX_TOPICS_PER_CONNECTION;
    }

    /** Reads the welcome; its ping values (ms or ns by magnitude) set the idle watchdog. */
    @Override
    public Mono<Handshake> handshake(HandshakeSession session) {
        return session.receive().map(frame -> {
            try {
                if (AlpFrameDecoder.decode(frame) instanceof AlpWelcome welcome) {
                    return new Handshake(welcome.pingInterval(), welcome.pingTimeout());
                }
            } catch (RuntimeException e) {
                LOG.warn("ALP first frame is not a readable welcome: {}", e.getMessage());
            }
            LOG.warn("ALP sent no welcome first; idle watchdog falls back to {}", idleFallback);
            return Handshake.NONE;
        });
    }

    @Override
    public Mono<List<String>> authenticate() {
        if (tokens == null) {
            return Mono.just(List.of());
        }
        return tokens.token().map(jwt -> List.of(authFrame(jwt)));
    }

    @Override
    public HeartbeatStrategy heartbeat() {
        return Heartbeats.answerText(TEXT_PING, TEXT_PONG).and(Heartbeats.idle(idleFallback));
    }

    /**
     * {@code ["auth", jwt]} on a live private connection whenever the JWT is renewed (before its
     * {@code exp}, or after a REST 401), so the socket never runs on an expired token. Asked right after
     * {@link #authenticate()}: the token it just sent is not sent again. A failing renewal is retried
     * with backoff (the socket keeps its current authentication meanwhile).
     */
    @Override
    public Flux<String> outboundFrames(HeartbeatContext session) {
        if (tokens == null) {
            return Flux.empty();
        }
        // the token this connection's authenticate() just sent
        AtomicReference<String> sent = new AtomicReference<>(tokens.current());
        return tokens.watch()
                .filter(jwt -> !jwt.equals(sent.getAndSet(jwt)))
                .map(AlpStreamDialect::authFrame)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
                        .scheduler(session.scheduler())
                        .doBeforeRetry(signal -> LOG.warn("ALP token renewal for the socket failed, retrying: {}",
                                signal.failure().toString())));
    }

    /** {@code ["auth","<jwt>"]}. Holds the token: never log it. */
    public static String authFrame(String jwt) {
        return json(List.of("auth", jwt));
    }

    private static String json(List<String> elements) {
        try {
            return Json.mapper().writeValueAsString(elements);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
