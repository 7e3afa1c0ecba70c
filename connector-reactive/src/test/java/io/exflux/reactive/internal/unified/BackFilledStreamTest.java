package io.exflux.reactive.internal.unified;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Fill;
import io.exflux.api.model.Side;
import io.exflux.api.stream.ConnectionEvent;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * What a fill subscriber sees across re-logins: the fills of every market's page once, in order, a self-trade's two
 * fills both, and a gap where the venue's history does not reach back; pages asked from the last fill delivered.
 */
class BackFilledStreamTest {

    private static final URI WS = URI.create("ws://venue.test/ws");
    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
    private static final Duration LOOKBACK = Duration.ofDays(7);
    private static final CurrencyPair BTC = CurrencyPair.of("BTC", "USD");
    private static final CurrencyPair ETH = CurrencyPair.of("ETH", "USD");
    private static final Comparator<Fill> OLDEST_FIRST = Comparator.comparing(Fill::timestamp)
            .thenComparing(Fill::id).thenComparing(Fill::orderId);

    private final Sinks.Many<Fill> live = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<ConnectionEvent> events = Sinks.many().multicast().directBestEffort();
    private final List<ConnectionEvent> notices = new CopyOnWriteArrayList<>();
    private final List<Fill> delivered = new CopyOnWriteArrayList<>();
    private final List<Instant> asked = new CopyOnWriteArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    /** One page per market, as the venue answers next. */
    private volatile List<List<Fill>> pages = List.of();
    private Disposable subscription;

    @AfterEach
    void dispose() {
        if (subscription != null) {
            subscription.dispose();
        }
    }

    private static Fill fill(String id, String orderId, CurrencyPair pair, Instant at) {
        return new Fill(id, orderId, pair, Side.BUY, new BigDecimal("100"), new BigDecimal("0.1"), null, null, null,
                at);
    }

    private void subscribe() {
        subscription = BackFilledStream.watch(BackFilledStream.Settings.of("fills", 3, LOOKBACK),
                BackFilledStream.FILLS, live.asFlux(), events.asFlux(), from -> {
                    asked.add(from);
                    return Flux.fromIterable(pages);
                }, OLDEST_FIRST, notices::add, now::get).subscribe(delivered::add);
    }

    private void reconnect() {
        events.tryEmitNext(new ConnectionEvent.Disconnected(WS, now.get(), "reset", null)).orThrow();
        events.tryEmitNext(new ConnectionEvent.Connected(WS, now.get())).orThrow();
    }

    private List<String> keys() {
        return delivered.stream().map(BackFilledStream.FILLS::key).toList();
    }

    @Test
    void thePagesOfEveryMarketComeOnceInOrderAndASelfTradesTwoFillsBoth() {
        subscribe();
        Fill first = fill("1", "a", BTC, T0.plusSeconds(1));
        live.tryEmitNext(first).orThrow();
        pages = List.of(
                List.of(fill("4", "b", BTC, T0.plusSeconds(4)), fill("4", "c", BTC, T0.plusSeconds(4)), first),
                List.of(fill("3", "d", ETH, T0.plusSeconds(3))));
        reconnect();

        assertThat(keys()).containsExactly("1 a", "3 d", "4 b", "4 c");
        assertThat(asked).containsExactly(T0.plusSeconds(1));
        assertThat(notices).as("each page reaches back to the last fill delivered").isEmpty();
    }

    @Test
    void aLastFillBeyondTheLookbackOfASocketAwayThatLongIsAGapToTheHorizon() {
        subscribe();
        live.tryEmitNext(fill("1", "a", BTC, T0.plusSeconds(1))).orThrow();
        events.tryEmitNext(new ConnectionEvent.Disconnected(WS, T0.plusSeconds(2), "reset", null)).orThrow();
        now.set(T0.plus(LOOKBACK).plus(Duration.ofHours(1)));
        pages = List.of(List.of(fill("9", "z", BTC, now.get().minusSeconds(5))));
        events.tryEmitNext(new ConnectionEvent.Connected(WS, now.get())).orThrow();

        Instant horizon = now.get().minus(LOOKBACK);
        assertThat(asked).containsExactly(horizon);
        assertThat(keys()).containsExactly("1 a", "9 z");
        assertThat(notices).singleElement().isInstanceOfSatisfying(ConnectionEvent.Gap.class, gap -> {
            assertThat(gap.topic()).isEqualTo("fills");
            assertThat(gap.fromId()).isEqualTo("1");
            assertThat(gap.toTime()).isEqualTo(horizon);
        });
    }

    @Test
    void aLastFillBeyondTheLookbackOfASocketAwayBrieflyIsNoGap() {
        subscribe();
        live.tryEmitNext(fill("1", "a", BTC, T0.plusSeconds(1))).orThrow();
        now.set(T0.plus(LOOKBACK).plus(Duration.ofHours(1)));
        pages = List.of(List.of(fill("9", "z", BTC, now.get().minusSeconds(5))));
        reconnect();

        assertThat(asked).containsExactly(now.get().minus(LOOKBACK));
        assertThat(keys()).containsExactly("1 a", "9 z");
        assertThat(notices).as("the socket carried every fill until moments ago").isEmpty();
    }
}
