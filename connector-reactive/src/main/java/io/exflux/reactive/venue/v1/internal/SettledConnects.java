package io.exflux.reactive.venue.v1.internal;

import io.exflux.api.stream.ConnectionEvent;
import java.time.Duration;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * A socket's connection events with each {@code Connected} passed on only once its channel surely flows: at the
 * channel's first message after the connect, or {@code settle} later, whichever comes first. The v1 socket
 * acknowledges no subscription, so a {@code Connected} says the subscription was sent, not that it took effect: a
 * REST read made at once (a trade back-fill) can be answered before it does, and what the venue makes in between is
 * in neither. A {@code Disconnected} meanwhile drops the held {@code Connected}; every other event passes at once.
 *
 * <p>Hot as its sources; backpressure as {@code events} (the v1 events drop on backpressure).
 */
public final class SettledConnects {

    private SettledConnects() {
    }

    /**
     * @param events   the connection events of the socket carrying {@code channel}
     * @param channel  the channel's messages (subscribed anew at each connect, until its first message)
     * @param settle   how long after a connect the subscription has taken effect at the latest
     * @param scheduler the clock of {@code settle}
     */
    public static Flux<ConnectionEvent> of(Flux<ConnectionEvent> events, Flux<?> channel, Duration settle,
                                           Scheduler scheduler) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(settle, "settle");
        Objects.requireNonNull(scheduler, "scheduler");
        return events.switchMap(event -> event instanceof ConnectionEvent.Connected
                ? Mono.firstWithSignal(channel.next().onErrorResume(error -> Mono.empty()).then(),
                                Mono.delay(settle, scheduler).then())
                        .thenReturn(event)
                : Mono.just(event));
    }
}
