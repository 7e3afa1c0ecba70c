package io.exflux.testkit.alp;

import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.WsSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Fault injection of an {@link AlpSimulator}: the REST faults replace the simulator's next answers under
 * {@code /api/v3} (then it answers normally again), the websocket faults act on the sessions open now.
 *
 * <pre>{@code
 * alp.faults().tooManyRequests(2);           // the next two REST calls get 429 with Retry-After: 1
 * alp.faults().serverErrors(3, 503);         // then three 503s
 * alp.faults().latency(Duration.ofMillis(200));
 * alp.faults().dropWebsocketsAfterFrames(5); // every open socket dies after 5 more frames
 * }</pre>
 */
public final class AlpFaults {

    private final FakeVenueServer server;
    private final ConcurrentLinkedQueue<FakeResponse> nextAnswers = new ConcurrentLinkedQueue<>();
    private volatile Duration latency = Duration.ZERO;

    AlpFaults(FakeVenueServer server) {
        this.server = server;
    }

    /** Adds this latency to every REST answer from now on ({@link Duration#ZERO} to stop). */
    public AlpFaults latency(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        this.latency = value;
        return this;
    }

    /** The next {@code count} REST requests get exactly this answer (any {@link FakeResponse}, reset and stall included). */
    public AlpFaults answerNext(int count, FakeResponse answer) {
        Objects.requireNonNull(answer, "answer");
        for (int i = 0; i < count; i++) {
            nextAnswers.add(answer);
        }
        return this;
    }

    /** The next {@code count} REST requests get 429 with {@code Retry-After: 1} and the venue's error body. */
    public AlpFaults tooManyRequests(int count) {
        return answerNext(count, FakeResponse.json(429, AlpWire.error("TOO_MANY_REQUESTS", "too many requests"))
                .withHeader("Retry-After", "1"));
    }

    /** The next {@code count} REST requests get this 5xx status with an empty body. */
    public AlpFaults serverErrors(int count, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("not a 5xx status: " + status);
        }
        return answerNext(count, FakeResponse.status(status));
    }

    /** The next {@code count} REST requests are answered with a TCP reset. */
    public AlpFaults resetNext(int count) {
        return answerNext(count, FakeResponse.reset());
    }

    /** The next {@code count} REST requests are never answered. */
    public AlpFaults stallNext(int count) {
        return answerNext(count, FakeResponse.stall());
    }

    /** Forgets queued REST faults and the latency. */
    public AlpFaults clear() {
        nextAnswers.clear();
        latency = Duration.ZERO;
        return this;
    }

    /** Kills every open websocket at once with a TCP reset (no close frame). */
    public AlpFaults dropWebsockets() {
        openSessions().forEach(WsSession::drop);
        return this;
    }

    /** Every websocket open now dies (TCP reset) after {@code frames} more outbound frames. */
    public AlpFaults dropWebsocketsAfterFrames(int frames) {
        openSessions().forEach(session -> session.dropAfterFrames(frames));
        return this;
    }

    /** Every websocket open now stops sending anything (pongs included) but stays open. */
    public AlpFaults stallWebsockets() {
        openSessions().forEach(WsSession::stall);
        return this;
    }

    /** Sends this text (e.g. a malformed frame) on every open websocket. */
    public AlpFaults sendOnWebsockets(String text) {
        openSessions().forEach(session -> session.send(text));
        return this;
    }

    /** The websocket sessions open now (the fake server's view: frame counts, drop, stall, send). */
    public List<WsSession> openSessions() {
        List<WsSession> open = new ArrayList<>();
        for (WsSession session : server.sessions()) {
            if (session.isOpen()) {
                open.add(session);
            }
        }
        return open;
    }

    FakeResponse nextAnswer() {
        return nextAnswers.poll();
    }

    FakeResponse delayed(FakeResponse answer) {
        Duration extra = latency;
        return extra.isZero() ? answer : answer.withDelay(answer.delay().plus(extra));
    }
}
