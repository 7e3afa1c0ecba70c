package io.exflux.reactive.internal.ws;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/**
 * A small line protocol for engine tests. Client: {@code sub:t1,t2}, {@code unsub:t1}, {@code auth:<token>}.
 * Server: {@code t1|payload} (a message of topic t1), {@code ack:...} (control), anything without
 * {@code |} or {@code ack:} is malformed.
 */
final class TestDialect implements StreamDialect<TestDialect.Msg> {

    /** A decoded message. */
    record Msg(String topic, String payload) {
    }

    private final int perFrame;
    private final int perConnection;
    private final HeartbeatStrategy heartbeat;
    final List<String> authTokensIssued = new CopyOnWriteArrayList<>();
    private volatile String token;

    TestDialect(int perFrame, int perConnection, HeartbeatStrategy heartbeat) {
        this.perFrame = perFrame;
        this.perConnection = perConnection;
        this.heartbeat = heartbeat;
    }

    static TestDialect plain() {
        return new TestDialect(Integer.MAX_VALUE, Integer.MAX_VALUE, Heartbeats.none());
    }

    TestDialect withToken(String value) {
        token = value;
        return this;
    }

    @Override
    public void decode(String frame, FrameSink<Msg> sink) {
        if (frame.startsWith("ack:")) {
            sink.control(new Msg(null, frame));
            return;
        }
        if (frame.equals("boom")) {
            throw new IllegalStateException("decoder exploded");
        }
        int bar = frame.indexOf('|');
        if (bar <= 0) {
            sink.malformed("no topic separator", null);
            return;
        }
        Msg message = new Msg(frame.substring(0, bar), frame.substring(bar + 1));
        sink.next(message, message.topic());
    }

    @Override
    public List<String> subscribeFrames(List<String> topics) {
        return List.of("sub:" + String.join(",", topics));
    }

    @Override
    public List<String> unsubscribeFrames(List<String> topics) {
        return List.of("unsub:" + String.join(",", topics));
    }

    @Override
    public int maxTopicsPerFrame() {
        return perFrame;
    }

    @Override
    public int maxTopicsPerConnection() {
        return perConnection;
    }

    @Override
    public Mono<List<String>> authenticate() {
        return Mono.fromSupplier(() -> {
            if (token == null) {
                return List.of();
            }
            String issued = token + "-" + (authTokensIssued.size() + 1);
            authTokensIssued.add(issued);
            return List.of("auth:" + issued);
        });
    }

    @Override
    public HeartbeatStrategy heartbeat() {
        return heartbeat;
    }
}
