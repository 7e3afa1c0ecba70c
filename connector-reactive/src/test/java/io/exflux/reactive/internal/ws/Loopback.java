package io.exflux.reactive.internal.ws;

import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.RecordedFrame;
import io.exflux.testkit.server.WsSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** Helpers for loopback tests: wait for a condition (never a timing assertion), read the recorded wire. */
final class Loopback {

    /** Generous: a condition that does not hold after this long is a failure, whatever the machine load. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private Loopback() {
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still waiting for: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what);
            }
        }
    }

    /** The text frames the server received on one session, in order. */
    static List<String> texts(FakeVenueServer server, long sessionId) {
        List<String> texts = new ArrayList<>();
        for (RecordedFrame frame : server.frames()) {
            if (frame.sessionId() == sessionId && frame.kind() == RecordedFrame.Kind.TEXT) {
                texts.add(frame.text());
            }
        }
        return texts;
    }

    /** The topics subscribed (minus unsubscribed) on one session, from its {@code sub:}/{@code unsub:} frames. */
    static Set<String> subscribed(FakeVenueServer server, long sessionId) {
        Set<String> topics = new LinkedHashSet<>();
        for (String text : texts(server, sessionId)) {
            if (text.startsWith("sub:")) {
                topics.addAll(Arrays.asList(text.substring(4).split(",")));
            } else if (text.startsWith("unsub:")) {
                Arrays.asList(text.substring(6).split(",")).forEach(topics::remove);
            }
        }
        return topics;
    }

    static List<String> framesStartingWith(FakeVenueServer server, long sessionId, String prefix) {
        return texts(server, sessionId).stream().filter(t -> t.startsWith(prefix)).collect(Collectors.toList());
    }

    static WsSession session(FakeVenueServer server, int number) {
        await("server session " + number, () -> server.sessions().size() >= number);
        return server.sessions().get(number - 1);
    }
}
