package io.exflux.reactive.venue.alp.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import io.exflux.reactive.venue.alp.model.AlpDepth;
import io.exflux.reactive.venue.alp.model.AlpDiff;
import io.exflux.reactive.venue.alp.model.AlpMessage;
import io.exflux.reactive.venue.alp.model.AlpRates;
import io.exflux.reactive.venue.alp.model.AlpTickerUpdate;
import io.exflux.reactive.venue.alp.model.AlpWelcome;
import io.exflux.reactive.venue.alp.model.AlpWsAccountTrade;
import io.exflux.reactive.venue.alp.model.AlpWsError;
import io.exflux.reactive.venue.alp.model.AlpWsOrder;
import io.exflux.reactive.venue.alp.model.AlpWsTicker;
import io.exflux.reactive.venue.alp.model.AlpWsTrade;
import io.exflux.reactive.venue.alp.model.AlpWsWallet;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * ALP's websocket for the shared stream engine: JSON-array frames, the welcome handshake, the keepalive
 * of decision 6 (answer a websocket ping with a pong, which the engine does; answer a text {@code 1}
 * with a text {@code 2}; never send either unprompted; dead after {@code pingInterval + pingTimeout}
 * of silence, from the welcome), {@code ["auth", jwt]} on every (re)connect of the private connection
 * and again whenever the JWT is renewed ({@link #outboundFrames()}), 20 topics per connection.
 *
 * <p>Routing: a ticker frame is split into one message per row; a row, a trade, a diff, a depth goes to
 * the pair's topic when it is live on the connection, else to the wildcard ({@code ticker.*},
 * {@code trade.*}). Private messages go to the pseudo topics of {@link AlpTopics} (never sent to the
 * venue). An error frame that names a topic goes to that topic only; any other is a control message.
 */
public final class AlpStreamDialect implements StreamDialect<AlpMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(AlpStreamDialect.class);

    /** ALP closes a connection past 20 valid topics ("Too many topics"). */
    public static final int MAX_TOPICS_PER_CONNECTION = 20;

    private final AlpTokenProvider tokens;
    private final Duration idleFallback;

    /**
     * @param tokens       the JWT source for the private connection, or {@code null} for the public one
     * @param idleFallback how long a silent connection lives when the welcome said nothing
     */
    public AlpStreamDialect(AlpTokenProvider tokens, Duration idleFallback) {
        this.tokens = tokens;
        this.idleFallback = idleFallback;
    }

    @Override
    public void decode(String frame, FrameSink<AlpMessage> sink) {
        AlpMessage message = AlpFrameDecoder.decode(frame);
        if (message instanceof AlpTickerUpdate update && update.rows().size() != 1) {
            for (AlpWsTicker row : update.rows()) {
                sink.next(new AlpTickerUpdate(update.time(), List.of(row)));
            }
            return;
        }
        sink.next(message);
    }

    @Override
    public String route(AlpMessage message, Set<String> topics) {
        if (message instanceof AlpTickerUpdate update && !update.rows().isEmpty()) {
            return pairOrWildcard(topics, AlpTopics.ticker(update.rows().get(0).symbol()), AlpTopics.TICKERS_ALL);
        }
        if (message instanceof AlpWsTrade trade) {
            return pairOrWildcard(topics, AlpTopics.trades(trade.pair()), AlpTopics.TRADES_ALL);
        }
        if (message instanceof AlpDiff diff) {
            return live(topics, AlpTopics.diff(diff.symbol()));
        }
        if (message instanceof AlpDepth depth) {
            return live(topics, AlpTopics.marketDepth(depth.symbol()));
        }
        if (message instanceof AlpRates) {
            if (topics.contains(AlpTopics.RATES_ALL)) {
                return AlpTopics.RATES_ALL;
            }
            // rates.<PAIR> (official client only): the frame names no topic, so it goes to the one that is live
            for (String topic : topics) {
                if (topic.startsWith("rates.")) {
                    return topic;
                }
            }
            return null;
        }
        if (message instanceof AlpWsOrder) {
            return live(topics, AlpTopics.ORDERS);
        }
        if (message instanceof AlpWsWallet) {
            return live(topics, AlpTopics.WALLETS);
        }
        if (message instanceof AlpWsAccountTrade) {
            return live(topics, AlpTopics.ACCOUNT_TRADES);
        }
        if (message instanceof AlpWsError error) {
            String topic = error.topic();
            if (topic == null) {
                LOG.warn("ALP websocket error not tied to a topic: {}", error.message());
            }
            return topic == null ? null : live(topics, topic);
        }
        return null;
    }

    private static String pairOrWildcard(Set<String> topics, String pairTopic, String wildcard) {
        if (topics.contains(pairTopic)) {
            return pairTopic;
        }
        return topics.contains(wildcard) ? wildcard : null;
    }

    private static String live(Set<String> topics, String topic) {
        return topics.contains(topic) ? topic : null;
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
        return Heartbeats.answerText("1", "2").and(Heartbeats.idle(idleFallback));
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
