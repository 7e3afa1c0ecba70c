package io.exflux.reactive.internal.ws;

import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.reactive.internal.auth.SecretRedactor;

import io.exflux.api.error.ExchangeUnavailableException;
import io.exflux.api.stream.ConnectionEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * One websocket of a {@link StreamEndpoint}'s pool, kept open while it carries topics: connects,
 * and after every loss waits its endpoint's {@link Backoff} (a sequence of its own) and connects again, then lets the venue
 * handshake and authenticate and resubscribes every topic assigned to it (batched by the venue's
 * per-frame limit). A session silent for {@link StreamOptions#stallTimeout()} is dropped as stale. A socket
 * that never connected gives up after {@link StreamOptions#maxConnectAttempts()} failed attempts in a row and
 * fails its topics; one that connected once reconnects forever. Its topic set is changed under the owner's
 * lock; its session and attempt state under this object's monitor, never across I/O.
 */
final class ReconnectingSocket<M> {

    private static final Logger log = LoggerFactory.getLogger(ReconnectingSocket.class);
    private static final int MAX_LOGGED_FRAME = 256;

    private final StreamEndpoint<M> owner;
    private final int index;
    /** Topics assigned to this socket; at most the venue's per-connection limit. */
    final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final Set<String> topicsView = Collections.unmodifiableSet(topics);
    private final Sinks.Empty<Void> terminated = Sinks.empty();
    private final Backoff backoff;

    private volatile WsSession<M> ready;
    private WsSession<M> session;
    private Disposable pending;
    private long connectedAtMillis = -1;
    /** Whether a session of this socket ever became ready: then it reconnects forever. */
    private boolean everConnected;
    private boolean started;
    private boolean closed;

    ReconnectingSocket(StreamEndpoint<M> owner, int index) {
        this.owner = owner;
        this.index = index;
        this.backoff = owner.backoff().sequence();
    }

    StreamDialect<M> dialect() {
        return owner.dialect();
    }

    StreamOptions options() {
        return owner.options();
    }

    URI uri() {
        return owner.uri();
    }

    /** The resources' scheduler: every timer of the socket and its session. */
    Scheduler scheduler() {
        return owner.scheduler();
    }

    /** Starts connecting, once. */
    void start() {
        synchronized (this) {
            if (started || closed) {
                return;
            }
            started = true;
        }
        connect(1);
    }

    // ---------------------------------------------------------------- connect / reconnect

    private void connect(int attempt) {
        synchronized (this) {
            if (closed) {
                return;
            }
            pending = null;
        }
        owner.publish(this, new ConnectionEvent.Connecting(uri(), owner.now(), attempt));
        Sinks.Empty<Void> opened = Sinks.empty();
        Mono<Void> connection = owner.httpClient()
                .websocket(owner.websocketSpec())
                .uri(uri())
                .handle((in, out) -> {
                    opened.tryEmitEmpty();
                    WsSession<M>[] created = newSessionHolder();
                    in.withConnection(c -> created[0] = new WsSession<>(this, in, out, c.channel()));
                    synchronized (this) {
                        session = created[0];
                    }
                    // the engine's stall bound runs beside the venue's keepalive: whichever fails first ends it
                    return Mono.firstWithSignal(created[0].run(), stallWatchdog(created[0]));
                })
                .then();
        Duration connectTimeout = options().connectTimeout();
        Mono<Void> connectWatch = opened.asMono()
                .timeout(connectTimeout, Mono.error(() -> new TimeoutException(
                        "websocket not open within " + connectTimeout)), scheduler())
                .then(Mono.never());
        Disposable subscription = Mono.firstWithSignal(connection, connectWatch)
                .subscribe(null, error -> onEnded(attempt, error), () -> onEnded(attempt, null));
        synchronized (this) {
            if (closed) {
                subscription.dispose();
            } else if (pending == null) {
                // unless the attempt already ended synchronously and scheduled the next one
                pending = subscription;
            }
        }
    }

    /**
     * Never completes; errors with {@link StaleConnectionException} once the session was silent for the
     * stall timeout while this socket carries topics (pinging the peer at half of it). Off when the timeout is zero.
     */
    private Mono<Void> stallWatchdog(WsSession<M> live) {
        Duration limit = options().stallTimeout();
        if (limit.isZero()) {
            return Mono.never();
        }
        return StallWatchdog.probing(live, limit, () -> !topics.isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static <M> WsSession<M>[] newSessionHolder() {
        return (WsSession<M>[]) new WsSession<?>[1];
    }

    /**
     * Called by the session once handshake and authentication are done: resubscribe, then report
     * {@code Connected}. Where the venue acknowledges subscriptions, the report waits for its answers to
     * the resubscribed topics (bounded by the handshake timeout: a venue that never answers still goes
     * on), so whoever re-seeds on {@code Connected} (books from REST, trade back-fills) asks only once
     * the venue sends the topic's changes: nothing falls between the snapshot and the live stream.
     */
    Mono<Void> onSessionReady(WsSession<M> live) {
        synchronized (this) {
            connectedAtMillis = scheduler().now(TimeUnit.MILLISECONDS);
        }
        ready = live;
        List<String> toSubscribe = new ArrayList<>();
        for (String topic : topics) {
            if (live.wireTopics.add(topic)) {
                toSubscribe.add(topic);
            }
        }
        return sendBatched(live, toSubscribe, true)
                .then(subscriptionsTaken(live, toSubscribe))
                .then(Mono.fromRunnable(() -> owner.publish(this, new ConnectionEvent.Connected(uri(), owner.now()))));
    }

    /** Completes when the venue answered the subscribe frames of {@code sent}, or after the handshake timeout. */
    private Mono<Void> subscriptionsTaken(WsSession<M> live, List<String> sent) {
        if (sent.isEmpty() || !dialect().acknowledgesSubscriptions()) {
            return Mono.empty();
        }
        Duration bound = options().handshakeTimeout();
        return live.pending.settled(sent)
                .timeout(bound, Mono.fromRunnable(() -> log.debug(
                        "{} socket {}: subscriptions not answered within {}; reported connected anyway",
                        uri(), index, bound)), scheduler());
    }

    private void onEnded(int attempt, Throwable error) {
        WsSession<M> ended;
        boolean wasStable;
        synchronized (this) {
            ended = session;
            session = null;
            ready = null;
            pending = null;
            long now = scheduler().now(TimeUnit.MILLISECONDS);
            wasStable = connectedAtMillis >= 0 && now - connectedAtMillis >= options().stablePeriod().toMillis();
            everConnected |= connectedAtMillis >= 0;
            connectedAtMillis = -1;
        }
        String reason = error != null ? String.valueOf(error)
                : ended != null ? ended.closeReason() : "closed before the websocket opened";
        owner.publish(this, new ConnectionEvent.Disconnected(uri(), owner.now(), reason, error));
        if (error != null) {
            log.info("{} socket {} lost: {}", uri(), index, reason);
        }
        int next = wasStable ? 1 : attempt + 1;
        Duration delay = backoff.delay(next);
        boolean givingUp;
        synchronized (this) {
            if (closed) {
                terminated.tryEmitEmpty();
                return;
            }
            givingUp = !everConnected && options().limitsConnectAttempts() && attempt >= options().maxConnectAttempts();
            if (givingUp) {
                closed = true;
                terminated.tryEmitEmpty();
            }
        }
        if (givingUp) {
            giveUp(attempt, reason, error);
            return;
        }
        owner.countReconnect();
        // published outside the monitor: subscribers' code must not run under our lock
        owner.publish(this, new ConnectionEvent.Reconnecting(uri(), owner.now(), next, delay));
        synchronized (this) {
            if (closed) {
                terminated.tryEmitEmpty();
                return;
            }
            try {
                pending = scheduler().schedule(() -> connect(next), delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                log.warn("{} socket {} cannot schedule a reconnect: scheduler rejected it", uri(), index, e);
                terminated.tryEmitEmpty();
            }
        }
    }

    /**
     * Never connected after {@code attempts} tries in a row: the endpoint is unreachable (or never speaks the
     * venue's protocol). The socket leaves the pool and its topics fail with a transient typed error; a later
     * subscription opens a new socket and tries again.
     */
    private void giveUp(int attempts, String reason, Throwable error) {
        log.warn("{} socket {}: giving up after {} failed connect attempts in a row; last: {}", uri(), index,
                attempts, reason);
        owner.unreachable(this, new ExchangeUnavailableException("websocket " + shown(uri()) + " unreachable: "
                + attempts + " connect attempts failed in a row; last: " + reason, null, error));
    }

    /** The endpoint without user info and query, which may carry credentials: safe for messages. */
    static String shown(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    // ---------------------------------------------------------------- topics

    /** Subscribes on the wire now if a session is ready; otherwise the next session will. */
    void subscribeOnWire(String topic) {
        WsSession<M> live = ready;
        if (live != null && live.wireTopics.add(topic)) {
            sendBatched(live, List.of(topic), true).subscribe(null, error -> log.debug(
                    "{} socket {}: subscribe frame not written: {}", uri(), index, error.toString()));
        }
    }

    /** Unsubscribes on the wire if the current session subscribed the topic. */
    void unsubscribeOnWire(String topic) {
        WsSession<M> live = ready;
        if (live != null && live.wireTopics.remove(topic)) {
            live.pending.forget(topic);
            sendBatched(live, List.of(topic), false).subscribe(null, error -> log.debug(
                    "{} socket {}: unsubscribe frame not written: {}", uri(), index, error.toString()));
        }
    }

    /** Unsubscribes and subscribes the topic again on the current session, if it is on the wire there. */
    Mono<Void> resubscribe(String topic) {
        return Mono.defer(() -> {
            WsSession<M> live = ready;
            if (live == null || !live.wireTopics.contains(topic)) {
                return Mono.empty();
            }
            live.pending.forget(topic);
            return sendBatched(live, List.of(topic), false).then(sendBatched(live, List.of(topic), true));
        });
    }

    /**
     * The venue refused {@code names} on {@code live}: off the wire (the next subscriber subscribes
     * again), and their subscribers fail.
     */
    void refused(WsSession<M> live, Collection<String> names, Throwable error) {
        for (String name : names) {
            live.wireTopics.remove(name);
            live.pending.forget(name);
        }
        owner.fail(this, names, error);
    }

    /** Authentication failed on {@code live}: every topic of this socket fails; the session is dropped by the caller. */
    void authenticationRefused(WsSession<M> live, Throwable error) {
        List<String> all = List.copyOf(topics);
        refused(live, all, error);
    }

    private Mono<Void> sendBatched(WsSession<M> live, List<String> list, boolean subscribe) {
        int perFrame = Math.max(1, dialect().maxTopicsPerFrame());
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < list.size(); from += perFrame) {
            batches.add(list.subList(from, Math.min(list.size(), from + perFrame)));
        }
        return Flux.fromIterable(batches)
                .concatMap(batch -> subscribe ? sendSubscribe(live, List.copyOf(batch))
                        : live.sendAll(dialect().unsubscribeFrames(List.copyOf(batch))))
                .then();
    }

    /** Remembers the batch as awaiting the venue's answer (when the venue answers) before it is written. */
    private Mono<Void> sendSubscribe(WsSession<M> live, List<String> batch) {
        List<String> frames = dialect().subscribeFrames(batch);
        if (!frames.isEmpty() && dialect().acknowledgesSubscriptions()) {
            live.pending.sent(batch);
        }
        return live.sendAll(frames);
    }

    // ---------------------------------------------------------------- inbound

    /** Delivers to {@code topic} if this socket carries it; {@code false} if it does not. */
    boolean deliver(String topic, M message) {
        return topic != null && owner.deliver(this, topic, message);
    }

    void control(M message) {
        owner.control(message);
    }

    /** This socket's topics, read-only. */
    Set<String> topicsView() {
        return topicsView;
    }

    void malformed(String reason, Throwable cause, String frame) {
        owner.countMalformed();
        // fields named like secrets are blanked: a venue may quote the auth frame it could not read
        String shown = frame == null ? "" : frame.length() <= MAX_LOGGED_FRAME
                ? SecretRedactor.fieldsOnly().redact(frame)
                : SecretRedactor.fieldsOnly().redact(frame.substring(0, MAX_LOGGED_FRAME)) + "...(" + frame.length()
                        + " chars)";
        log.warn("{} socket {}: malformed frame skipped ({}): {}", uri(), index, reason, shown, cause);
    }

    // ---------------------------------------------------------------- close

    /**
     * Stops reconnecting, sends a close frame on an open session and waits for the socket to end
     * (bounded by the connect timeout), then releases whatever is left.
     */
    Mono<Void> close() {
        WsSession<M> open;
        Disposable waiting;
        synchronized (this) {
            closed = true;
            open = session;
            waiting = pending;
            if (open == null) {
                pending = null;
            }
        }
        if (open == null) {
            if (waiting != null) {
                waiting.dispose();
            }
            terminated.tryEmitEmpty();
            return Mono.empty();
        }
        return open.sendClose()
                .then(terminated.asMono())
                .timeout(options().connectTimeout(), scheduler())
                .onErrorResume(error -> {
                    // the socket is being released either way: a failed close frame or a slow server only delays it
                    log.debug("{} socket {}: close not confirmed: {}", uri(), index, error.toString());
                    return Mono.empty();
                })
                .doFinally(signal -> {
                    Disposable left;
                    synchronized (this) {
                        left = pending;
                        pending = null;
                    }
                    if (left != null) {
                        left.dispose();
                    }
                });
    }
}
