package io.exflux.testkit.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Fault injection of a simulated venue: the REST faults replace the venue's next answers (then it answers
 * normally again), the websocket faults act on the sessions open now. Venue-neutral: the 429 body is
 * worded by the venue's {@link ErrorReply}.
 *
 * <pre>{@code
 * venue.faults().tooManyRequests(2);           // the next two REST calls get 429 with Retry-After: 1
 * venue.faults().serverErrors(3, 503);         // then three 503s
 * venue.faults().latency(Duration.ofMillis(200));
 * venue.faults().dropWebsocketsAfterFrames(5); // every open socket dies after 5 more frames
 * }</pre>
 */
public final class VenueFaults {

    private final FakeVenueServer server;
    private final ErrorReply errors;
    private final ConcurrentLinkedQueue<FakeResponse> nextAnswers = new ConcurrentLinkedQueue<>();
    private volatile Duration latency = Duration.ZERO;

    /** Faults of the venue served by {@code server}, whose errors are worded by {@code errors}. */
    public VenueFaults(FakeVenueServer server, ErrorReply errors) {
        this.server = Objects.requireNonNull(server, "server");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** Adds this latency to every REST answer from now on ({@link Duration#ZERO} to stop). */
    public VenueFaults latency(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        this.latency = value;
        return this;
    }

    /** The next {@code count} REST requests get exactly this answer (any {@link FakeResponse}, reset and stall included). */
    public VenueFaults answerNext(int count, FakeResponse answer) {
        Objects.requireNonNull(answer, "answer");
        for (int i = 0; i < count; i++) {
            nextAnswers.add(answer);
        }
        return this;
    }

    /** The next {@code count} REST requests get 429 with {@code Retry-After: 1} and the venue's error body. */
    public VenueFaults tooManyRequests(int count) {
        return answerNext(count, errors.tooManyRequests());
    }

    /** The next {@code count} REST requests get this 5xx status with an empty body. */
    public VenueFaults serverErrors(int count, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("not a 5xx status: " + status);
        }
        return answerNext(count, FakeResponse.status(status));
    }

    /** The next {@code count} REST requests are answered with a TCP reset. */
    public VenueFaults resetNext(int count) {
        return answerNext(count, FakeResponse.reset());
    }

    /** The next {@code count} REST requests are never answered. */
    public VenueFaults stallNext(int count) {
        return answerNext(count, FakeResponse.stall());
    }

    /** Forgets queued REST faults and the latency. */
    public VenueFaults clear() {
        nextAnswers.clear();
        latency = Duration.ZERO;
        return this;
    }

    /** Kills every open websocket at once with a TCP reset (no close frame). */
    public VenueFaults dropWebsockets() {
        openSessions().forEach(WsSession::drop);
        return this;
    }

    /** Every websocket open now dies (TCP reset) after {@code frames} more outbound frames. */
    public VenueFaults dropWebsocketsAfterFrames(int frames) {
        openSessions().forEach(session -> session.dropAfterFrames(frames));
        return this;
    }

    /** Every websocket open now stops sending anything (pongs included) but stays open. */
    public VenueFaults stallWebsockets() {
        openSessions().forEach(WsSession::stall);
        return this;
    }

    /** Sends this text (e.g. a malformed frame) on every open websocket. */
    public VenueFaults sendOnWebsockets(String text) {
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

    /**
     * Answers a request: the next queued fault if there is one, else the venue's own answer; either way
     * with the injected latency added.
     */
    public Mono<FakeResponse> answer(RecordedRequest request, Function<RecordedRequest, Mono<FakeResponse>> venue) {
        return Mono.defer(() -> {
            FakeResponse fault = nextAnswers.poll();
            return fault != null ? Mono.just(fault) : venue.apply(request);
        }).map(this::delayed);
    }

    private FakeResponse delayed(FakeResponse answer) {
        Duration extra = latency;
        return extra.isZero() ? answer : answer.withDelay(answer.delay().plus(extra));
    }
}
