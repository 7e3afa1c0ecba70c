package io.exflux.reactive.internal.unified;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Any venue records by a symbol, fetched on first use and kept for a time to live measured on the client's
 * scheduler clock (virtual in tests). A failed or empty fetch is not kept: the next caller fetches again.
 * Concurrent callers while a fetch runs share it. {@link PairCache} is this for the unified {@code PairInfo}; a
 * venue keeps its own market records (with rules the unified record has no place for) the same way.
 *
 * @param <T> the record
 */
public final class SymbolCache<T> {

    private final Mono<Map<String, T>> bySymbol;

    /**
     * @param records the venue's records (cold: subscribed once per fetch)
     * @param symbol  the symbol of a record
     * @param ttl     how long a fetched list is used
     * @param clock   the scheduler whose clock measures the time to live
     */
    public SymbolCache(Flux<T> records, Function<T, String> symbol, Duration ttl, Scheduler clock) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(clock, "clock");
        this.bySymbol = records.collectMap(symbol, Function.identity())
                .cache(value -> ttl, error -> Duration.ZERO, () -> Duration.ZERO, clock);
    }

    /** Every record by its symbol. Errors are those of the fetch. */
    public Mono<Map<String, T>> bySymbol() {
        return bySymbol;
    }

    /** One record, or empty when the venue has none with this symbol. */
    public Mono<T> get(String symbol) {
        return bySymbol.flatMap(records -> Mono.justOrEmpty(records.get(symbol)));
    }
}
