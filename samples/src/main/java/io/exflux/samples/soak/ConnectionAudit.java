package io.exflux.samples.soak;

import io.exflux.api.stream.ConnectionEvent;
import io.exflux.testkit.chaos.ChaosStall;
import io.exflux.testkit.chaos.Direction;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the client said about its sockets ({@code connectionEvents()}): when and why it dropped a socket, and the
 * gaps it announced. Against the websocket proxy's record of its stalls this tells which stalls the client detected, and how
 * soon.
 */
final class ConnectionAudit {

    private final List<ConnectionEvent.Disconnected> disconnects = new CopyOnWriteArrayList<>();
    private final List<ConnectionEvent.Gap> gaps = new CopyOnWriteArrayList<>();
    /** How long after a stall ended (its connection closed) a drop the client reports may still have ended it. */
    static final Duration CLOSE_SLACK = Duration.ofSeconds(1);

    /** Records one event; called from the client's thread. */
    void onEvent(ConnectionEvent event) {
        if (event instanceof ConnectionEvent.Disconnected disconnected) {
            disconnects.add(disconnected);
        } else if (event instanceof ConnectionEvent.Gap gap) {
            gaps.add(gap);
        }
    }

    long disconnects() {
        return disconnects.size();
    }

    /** The gaps announced so far. */
    List<ConnectionEvent.Gap> gaps() {
        return List.copyOf(gaps);
    }

    /** How many disconnects had each cause, by the cause's simple class name ({@code -} for a clean close). */
    Map<String, Long> causes() {
        Map<String, Long> causes = new TreeMap<>();
        disconnects.forEach(d -> causes.merge(d.cause() == null ? "-" : d.cause().getClass().getSimpleName(), 1L,
                Long::sum));
        return causes;
    }

    /**
     * Which stalls of the websocket proxy the client detected, from the proxy's record of each stall as it happened
     * ({@link ChaosStall}: from when forwarding stopped to when it flowed again, was healed, or its connection
     * closed). Only stalls of what the server sends count: the client notices silence on what it receives. The client
     * detects a stall by dropping a socket for a cause of its own (its watchdog or a handshake timeout: any cause but
     * a closed or broken connection) while it lasts, or up to {@link #CLOSE_SLACK} after it ended (that drop is what
     * closed the connection, and the proxy may see the close before the client reports it); each such drop detects
     * one stall at most, the earliest still open. A stall that lasted the {@code bound} must be detected; one ended
     * sooner by a cut or a heal may not be (there was nothing left to detect), and is only counted apart.
     */
    Stalls stalls(List<ChaosStall> proxyStalls, Duration bound) {
        List<Instant> detections = new ArrayList<>(disconnects.stream().filter(ConnectionAudit::ownCause)
                .map(ConnectionEvent.Disconnected::at).sorted().toList());
        List<ChaosStall> stalls = proxyStalls.stream().filter(stall -> stall.way() == Direction.SERVER_TO_CLIENT)
                .sorted(Comparator.comparing(ChaosStall::start)).toList();
        long total = 0;
        long cutShort = 0;
        long detected = 0;
        long withinBound = 0;
        Duration slowest = Duration.ZERO;
        for (ChaosStall stall : stalls) {
            Instant from = stall.start();
            Instant end = stall.ongoing() ? Instant.MAX : stall.end();
            Instant until = stall.ongoing() ? Instant.MAX : end.plus(CLOSE_SLACK);
            Instant seen = detections.stream().filter(t -> !t.isBefore(from) && t.isBefore(until)).findFirst()
                    .orElse(null);
            if (seen != null) {
                detections.remove(seen);
                total++;
                detected++;
                Duration after = Duration.between(from, seen);
                slowest = after.compareTo(slowest) > 0 ? after : slowest;
                if (after.compareTo(bound) <= 0) {
                    withinBound++;
                }
            } else if (stall.ongoing() || Duration.between(from, end).compareTo(bound) >= 0) {
                total++;
            } else {
                cutShort++;
            }
        }
        return new Stalls(total, detected, withinBound, slowest, cutShort);
    }

    /** Dropped by the client itself: not a clean close by the server, not a broken connection. */
    private static boolean ownCause(ConnectionEvent.Disconnected disconnected) {
        return disconnected.cause() != null && !(disconnected.cause() instanceof IOException);
    }

    /**
     * @param total       stalls to detect: those the client detected, and those that lasted the bound
     * @param detected    of those, stalls the client detected while they lasted
     * @param withinBound of those, stalls detected within the bound
     * @param slowest     the longest time from a stall to its detection
     * @param cutShort    stalls ended by a cut or a heal before the bound and not detected (nothing to detect)
     */
    record Stalls(long total, long detected, long withinBound, Duration slowest, long cutShort) {
    }
}
