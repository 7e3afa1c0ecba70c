package io.exflux.samples.soak;

import io.exflux.api.stream.ConnectionEvent;
import io.exflux.testkit.chaos.ChaosEvent;
import io.exflux.testkit.chaos.ChaosFault;
import io.exflux.testkit.chaos.FaultKind;
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
 * gaps it announced. Against the websocket proxy's fault log this tells which stalls the client detected, and how
 * soon.
 */
final class ConnectionAudit {

    private final List<ConnectionEvent.Disconnected> disconnects = new CopyOnWriteArrayList<>();
    private final List<ConnectionEvent.Gap> gaps = new CopyOnWriteArrayList<>();
    private final List<Instant> heals = new CopyOnWriteArrayList<>();

    /** Records one event; called from the client's thread. */
    void onEvent(ConnectionEvent event) {
        if (event instanceof ConnectionEvent.Disconnected disconnected) {
            disconnects.add(disconnected);
        } else if (event instanceof ConnectionEvent.Gap gap) {
            gaps.add(gap);
        }
    }

    /** The soak healed the proxy now (a quiet check): a stall ends here, detected or not. */
    void healed(Instant at) {
        heals.add(at);
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
     * Which stalls of the websocket proxy the client detected. A stall hits one connection (or every one); it
     * lasts until its set duration ends, the soak heals the proxy, or a cut or reset closes that connection. The
     * client detects it by dropping a socket for a cause of its own (its watchdog or a handshake timeout: any
     * cause but a closed or broken connection) while it lasts; each such drop detects one stall at most, the
     * earliest still open. A stall that lasted the {@code bound} must be detected; one ended sooner by a cut or a
     * heal may not be (there was nothing left to detect), and is only counted apart. A stall applied to a
     * connection still stalled joins that stall (the proxy ends both with the first to end): one silence, detected
     * once, so it is not counted again (the client may have left that connection already).
     */
    Stalls stalls(List<ChaosEvent> proxyEvents, Duration bound) {
        List<ChaosEvent> closings = proxyEvents.stream().filter(ConnectionAudit::closes).toList();
        List<Instant> detections = new ArrayList<>(disconnects.stream().filter(ConnectionAudit::ownCause)
                .map(ConnectionEvent.Disconnected::at).sorted().toList());
        List<ChaosEvent> stalls = withoutJoined(proxyEvents.stream().filter(event -> endsInStall(event.fault()))
                .sorted(Comparator.comparing(ChaosEvent::time)).toList(), closings);
        long total = 0;
        long cutShort = 0;
        long detected = 0;
        long withinBound = 0;
        Duration slowest = Duration.ZERO;
        for (ChaosEvent stall : stalls) {
            Instant from = stall.time();
            Instant end = end(stall, closings);
            Instant seen = detections.stream().filter(t -> !t.isBefore(from) && t.isBefore(end)).findFirst()
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
            } else if (Duration.between(from, end).compareTo(bound) >= 0) {
                total++;
            } else {
                cutShort++;
            }
        }
        return new Stalls(total, detected, withinBound, slowest, cutShort);
    }

    /** The stalls, oldest first, without those that began while an earlier one still held the same connection. */
    private List<ChaosEvent> withoutJoined(List<ChaosEvent> stalls, List<ChaosEvent> closings) {
        List<ChaosEvent> kept = new ArrayList<>();
        for (ChaosEvent stall : stalls) {
            boolean joins = kept.stream().anyMatch(earlier -> sameConnection(earlier, stall)
                    && stall.time().isBefore(end(earlier, closings)));
            if (!joins) {
                kept.add(stall);
            }
        }
        return kept;
    }

    private static boolean sameConnection(ChaosEvent a, ChaosEvent b) {
        return a.connectionId() == b.connectionId() || a.connectionId() == ChaosEvent.EVERY_CONNECTION
                || b.connectionId() == ChaosEvent.EVERY_CONNECTION;
    }

    /** When a stall stopped holding its connection: its own end, a heal, or a cut or reset of that connection. */
    private Instant end(ChaosEvent stall, List<ChaosEvent> closings) {
        Instant from = stall.time();
        Instant end = stall.duration() == null ? Instant.MAX : from.plus(stall.duration());
        for (Instant heal : heals) {
            if (!heal.isBefore(from) && heal.isBefore(end)) {
                end = heal;
            }
        }
        for (ChaosEvent closing : closings) {
            if (sameConnection(closing, stall) && !closing.time().isBefore(from) && closing.time().isBefore(end)) {
                end = closing.time();
            }
        }
        return end;
    }

    private static boolean closes(ChaosEvent event) {
        // a half-frame ending in a cut is left out: armed on a stalled connection, it cuts only once bytes flow
        return event.kind() == FaultKind.CUT || event.kind() == FaultKind.RESET;
    }

    private static boolean endsInStall(ChaosFault fault) {
        return fault.kind() == FaultKind.STALL
                || fault instanceof ChaosFault.HalfFrame half && half.then() == FaultKind.STALL;
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
