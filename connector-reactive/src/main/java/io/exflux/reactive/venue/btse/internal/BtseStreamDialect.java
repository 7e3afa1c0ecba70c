package io.exflux.reactive.venue.btse.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.exflux.api.config.Credentials;
import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.reactive.internal.auth.NonceSource;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.internal.ws.FrameSink;
import io.exflux.reactive.internal.ws.HeartbeatStrategy;
import io.exflux.reactive.internal.ws.Heartbeats;
import io.exflux.reactive.internal.ws.StreamDialect;
import io.exflux.reactive.venue.btse.BtseHeaderNaming;
import io.exflux.reactive.venue.btse.model.BtseWsAck;
import io.exflux.reactive.venue.btse.model.BtseWsBook;
import io.exflux.reactive.venue.btse.model.BtseWsError;
import io.exflux.reactive.venue.btse.model.BtseWsFill;
import io.exflux.reactive.venue.btse.model.BtseWsL1;
import io.exflux.reactive.venue.btse.model.BtseWsLogin;
import io.exflux.reactive.venue.btse.model.BtseWsMessage;
import io.exflux.reactive.venue.btse.model.BtseWsOrder;
import io.exflux.reactive.venue.btse.model.BtseWsTrade;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One BTSE websocket host for the shared stream engine: {@code {"op":"subscribe","args":[...]}} frames of at
 * most 100 topics, 100 topics per connection (more open another connection), a text {@code ping} every 15 s
 * answered by a text {@code pong} (a missing pong, or a silent socket past the stream options' stall timeout,
 * drops and reconnects it), and on the main host with credentials the {@code authKeyExpires} login before any
 * subscription, on every connect.
 *
 * <p>Routing, in the decoding pass: a book frame goes to the live {@code update:<SYMBOL>_<g>} topic of its
 * {@code data.symbol} (the frame's own topic may leave the grouping out; when several groupings of one symbol
 * are live on the connection, the frame's grouping, else {@code _0}); an L1 frame to the live
 * {@code snapshotL1:} topic of its symbol (with or without grouping); each trade to
 * {@code tradeHistoryApi:<SYMBOL>} (the official sample's {@code tradeHistory:} spelling read the same way);
 * private data to {@code notificationApiV2} / {@code fills}. Acks settle the pending subscriptions; an error
 * frame refuses the topic it names (its {@code arg}), or the oldest pending subscription when it names none,
 * with an {@link InvalidRequestException} carrying the code; {@code 1008} (max failed attempts) and a login
 * answer with {@code success:false} refuse the authentication ({@link AuthenticationException}). See
 * {@code docs/venues/btse-streams.md}.
 */
public final class BtseStreamDialect implements StreamDialect<BtseWsMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(BtseStreamDialect.class);
    private static final String VENUE = "btse";

    /** BTSE's limit of topics per connection. */
    public static final int MAX_TOPICS_PER_CONNECTION = 100;
    /** What the login signs before the nonce: the main host's path, as the document says. */
    public static final String SIGNED_PATH = "/ws/spot";
    /** The text keepalive: the client pings, the venue answers. */
    public static final String PING = "ping";
    public static final String PONG = "pong";

    private final BtseFrameDecoder decoder = new BtseFrameDecoder();
    private final Credentials credentials;
    private final BtseSignature signature;
    private final NonceSource nonces;
    private final HeartbeatStrategy heartbeat;
    private final int maxTopics;
    /** Trade topic of each symbol: built once, not per trade. */
    private final Map<String, String> tradeTopics = new ConcurrentHashMap<>();

    /**
     * @param credentials  the API key and secret for the login, or {@code null} for a public connection
     * @param nonces       the key's nonce source (milliseconds, strictly increasing), or {@code null} without credentials
     * @param pingInterval how often a text {@code ping} goes out (15 s documented)
     * @param pongTimeout  how long the {@code pong} may take before the socket is taken for dead
     * @param maxTopics    topics per connection (100 documented)
     */
    public BtseStreamDialect(Credentials credentials, NonceSource nonces, Duration pingInterval, Duration pongTimeout,
                             int maxTopics) {
        if (credentials != null) {
            Objects.requireNonNull(nonces, "nonces");
        }
        if (maxTopics < 1) {
            throw new IllegalArgumentException("maxTopics must be positive: " + maxTopics);
        }
        this.credentials = credentials;
        this.signature = credentials == null ? null
                : new BtseSignature(credentials.apiKey(), credentials.secretBytes(), BtseHeaderNaming.BTSE);
        this.nonces = nonces;
        this.heartbeat = Heartbeats.clientTextPing(PING, PONG, pingInterval, pongTimeout);
        this.maxTopics = maxTopics;
    }

    @Override
    public void decode(String frame, FrameSink<BtseWsMessage> sink) {
        decoder.decode(frame, message -> route(message, sink));
    }

    private void route(BtseWsMessage message, FrameSink<BtseWsMessage> sink) {
        if (message instanceof BtseWsBook book) {
            deliver(book, bookTopic(book.topic(), book.symbol(), "update:", sink.liveTopics()), sink);
        } else if (message instanceof BtseWsTrade trade) {
            sink.next(trade, tradeTopics.computeIfAbsent(trade.symbol(), BtseWsTopics::trades));
        } else if (message instanceof BtseWsL1 l1) {
            deliver(l1, bookTopic(l1.topic(), l1.symbol(), "snapshotL1:", sink.liveTopics()), sink);
        } else if (message instanceof BtseWsOrder) {
            sink.next(message, BtseWsTopics.ORDERS);
        } else if (message instanceof BtseWsFill) {
            sink.next(message, BtseWsTopics.FILLS);
        } else {
            answer(message, sink);
            sink.control(message);
        }
    }

    private static void deliver(BtseWsMessage message, String topic, FrameSink<BtseWsMessage> sink) {
        if (topic == null) {
            sink.control(message);
        } else {
            sink.next(message, topic);
        }
    }

    /**
     * The live topic of a book-host frame: its own spelling when live (the usual case, no allocation), else the
     * live topic of {@code prefix + symbol} with the frame's grouping, else the only one of that symbol, else
     * grouping 0; {@code null} when none is live.
     */
    static String bookTopic(String frameTopic, String symbol, String prefix, Set<String> live) {
        if (frameTopic != null && live.contains(frameTopic)) {
            return frameTopic;
        }
        String bare = prefix + symbol;
        if (live.contains(bare)) {
            return bare;
        }
        String grouped = bare + "_";
        String only = null;
        int found = 0;
        for (String topic : live) {
            if (topic.startsWith(grouped) && topic.indexOf('_', grouped.length()) < 0) {
                only = topic;
                found++;
            }
        }
        if (found == 1) {
            return only;
        }
        if (found == 0) {
            return null;
        }
        String wanted = frameTopic == null ? null : grouped + groupingOf(frameTopic);
        if (wanted != null && live.contains(wanted)) {
            return wanted;
        }
        return live.contains(grouped + "0") ? grouped + "0" : null;
    }

    private static String groupingOf(String topic) {
        int underscore = topic.lastIndexOf('_');
        return underscore < 0 ? "0" : topic.substring(underscore + 1);
    }

    /** What an ack, a login answer or an error frame means for the subscriptions and the login. */
    private void answer(BtseWsMessage message, FrameSink<BtseWsMessage> sink) {
        if (message instanceof BtseWsAck ack) {
            if ("subscribe".equalsIgnoreCase(ack.event())) {
                sink.acknowledged(ack.topics());
            }
        } else if (message instanceof BtseWsLogin login) {
            if (!login.success() && credentials != null) {
                sink.authenticationRefused(new AuthenticationException("BTSE refused the websocket login",
                        ErrorContext.local(VENUE)));
            }
        } else if (message instanceof BtseWsError error) {
            onError(error, sink);
        }
    }

    private void onError(BtseWsError error, FrameSink<BtseWsMessage> sink) {
        String said = error.describe();
        if (error.code() == BtseWsError.MAX_FAILED_ATTEMPTS && credentials != null) {
            sink.authenticationRefused(new AuthenticationException("BTSE closes the connection: " + said,
                    ErrorContext.local(VENUE)));
        } else if (error.code() == BtseWsError.USER_BUFFER_FULL || error.code() == BtseWsError.MAX_FAILED_ATTEMPTS) {
            // not an answer to a subscription: messages were lost (books resync on the gap) or the socket closes
            LOG.warn("BTSE websocket error {}", said);
        } else {
            sink.refused(error.arg(), refused -> new InvalidRequestException("BTSE refused topic "
                    + String.join(", ", refused) + ": " + said, ErrorContext.local(VENUE)));
        }
    }

    /** BTSE answers a subscribe frame with one ack listing the topics it took, and an error frame per refusal. */
    @Override
    public boolean acknowledgesSubscriptions() {
        return true;
    }

    @Override
    public List<String> subscribeFrames(List<String> topics) {
        return List.of(operation("subscribe", topics));
    }

    @Override
    public List<String> unsubscribeFrames(List<String> topics) {
        return List.of(operation("unsubscribe", topics));
    }

    @Override
    public int maxTopicsPerFrame() {
        return maxTopics;
    }

    @Override
    public int maxTopicsPerConnection() {
        return maxTopics;
    }

    /** {@code authKeyExpires} with a fresh nonce on every connect, when the connection has credentials. */
    @Override
    public Mono<List<String>> authenticate() {
        if (credentials == null) {
            return Mono.just(List.of());
        }
        return Mono.fromSupplier(() -> List.of(loginFrame(credentials.apiKey(), nonces.next(), signature)));
    }

    /**
     * {@code {"op":"authKeyExpires","args":["<apiKey>","<nonce>","<sign>"]}} with sign the lowercase hex
     * HMAC-SHA384 of {@code /ws/spot + nonce}. Holds the key: never log it.
     */
    public static String loginFrame(String apiKey, long nonce, BtseSignature signature) {
        return operation("authKeyExpires", List.of(apiKey, Long.toString(nonce), signature.sign(SIGNED_PATH, nonce, null)));
    }

    @Override
    public HeartbeatStrategy heartbeat() {
        return heartbeat;
    }

    private static String operation(String op, List<String> args) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("op", op);
        frame.put("args", args);
        try {
            return Json.mapper().writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
