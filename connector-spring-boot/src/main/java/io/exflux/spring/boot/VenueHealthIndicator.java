package io.exflux.spring.boot;

import io.exflux.api.Capability;
import io.exflux.api.ExchangeClient;
import io.exflux.api.stream.ConnectionEvent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * One venue client's health: UP while a REST probe (the venue's server time, or its market list) answers and no
 * stream socket is away; DOWN when the probe fails or times out, or a socket is disconnected or reconnecting.
 * Details: {@code rest} (this check's probe: its outcome and when), {@code streams} (each socket's last state, by
 * URI).
 *
 * <p>It follows the client's {@code connectionEvents()} from creation until {@link #dispose()}; the probe is
 * non-blocking and bounded by {@code exflux.health-timeout}.
 */
final class VenueHealthIndicator implements ReactiveHealthIndicator {

    private final ExchangeClient client;
    private final Duration timeout;
    private final Map<URI, String> sockets = new ConcurrentHashMap<>();
    private final Disposable events;

    VenueHealthIndicator(ExchangeClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
        this.events = client.connectionEvents().subscribe(this::record, error -> { });
    }

    private void record(ConnectionEvent event) {
        String state = null;
        if (event instanceof ConnectionEvent.Connecting) {
            state = "connecting";
        } else if (event instanceof ConnectionEvent.Connected) {
            state = "up";
        } else if (event instanceof ConnectionEvent.Disconnected) {
            state = "disconnected";
        } else if (event instanceof ConnectionEvent.Reconnecting r) {
            state = "reconnecting (attempt " + r.attempt() + ")";
        } else if (event instanceof ConnectionEvent.Closed) {
            state = "closed";
        }
        if (state != null) {
            sockets.put(event.uri(), state);
        }
    }

    @Override
    public Mono<Health> health() {
        Mono<?> probe = client.capabilities().supports(Capability.SERVER_TIME) ? client.serverTime()
                : client.pairs().take(1).then();
        return probe.timeout(timeout)
                .then(Mono.fromSupplier(() -> "ok at " + Instant.now()))
                .onErrorResume(error -> Mono.just("failed: " + error.getClass().getSimpleName()
                        + (error.getMessage() == null ? "" : ": " + error.getMessage()) + " at " + Instant.now()))
                .map(rest -> {
                    Map<String, String> streams = new TreeMap<>();
                    sockets.forEach((uri, state) -> streams.put(uri.toString(), state));
                    boolean restUp = rest.startsWith("ok");
                    boolean streamsUp = streams.values().stream()
                            .noneMatch(s -> s.startsWith("disconnected") || s.startsWith("reconnecting"));
                    Health.Builder health = restUp && streamsUp ? Health.up() : Health.down();
                    return health.withDetail("venue", client.venue()).withDetail("rest", rest)
                            .withDetail("streams", streams).build();
                });
    }

    /** Stops following the client's connection events. */
    void dispose() {
        events.dispose();
    }
}
