package io.exflux.reactive.internal.engineio;

import java.util.List;

/**
 * The outcome of one inbound frame: the frames to send back at once (pong, CONNECT) and the signals
 * for the connection.
 */
public record SessionStep(List<String> replies, List<SessionSignal> signals) {

    static final SessionStep NOTHING = new SessionStep(List.of(), List.of());

    public SessionStep {
        replies = List.copyOf(replies);
        signals = List.copyOf(signals);
    }

    static SessionStep signal(SessionSignal signal) {
        return new SessionStep(List.of(), List.of(signal));
    }

    static SessionStep reply(String frame) {
        return new SessionStep(List.of(frame), List.of());
    }
}
