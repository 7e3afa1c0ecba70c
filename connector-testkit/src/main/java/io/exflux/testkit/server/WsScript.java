package io.exflux.testkit.server;

import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * What a websocket endpoint of a {@link FakeVenueServer} does with each new session. The returned publisher runs for
 * the life of the session; its completion does NOT close the session (call {@link WsSession#close} or
 * {@link WsSession#drop} for that), its error closes the session with status 1011.
 *
 * <pre>{@code
 * server.websocket("/ws", session -> session.inbound()
 *         .filter(text -> text.contains("subscribe"))
 *         .doOnNext(text -> session.send("{\"event\":\"subscribed\"}"))
 *         .then());
 * }</pre>
 */
@FunctionalInterface
public interface WsScript {

    /** Runs the script for one session. */
    Publisher<Void> run(WsSession session);

    /** A script that does nothing: the session stays open and silent (it still answers pings). */
    static WsScript idle() {
        return session -> Mono.empty();
    }

    /** A script that sends these text frames as soon as the session opens, then stays open. */
    static WsScript sendOnOpen(String... frames) {
        List<String> copy = List.of(frames);
        return session -> Mono.fromRunnable(() -> copy.forEach(session::send));
    }

    /** A script that echoes every inbound text frame back. */
    static WsScript echo() {
        return session -> session.inbound().doOnNext(session::send).then();
    }
}
