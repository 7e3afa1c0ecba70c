package io.exflux.reactive.internal.unified;

import io.exflux.api.model.PairInfo;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * A venue's markets by symbol, fetched on first use and kept for a time to live measured on the client's
 * scheduler clock (virtual in tests). A failed or empty fetch is not kept: the next caller fetches again.
 * Concurrent callers while a fetch runs share it.
 */
public final class PairCache {

    private final SymbolCache<PairInfo> cache;

    /**
     * @param markets   the venue's markets (cold: subscribed once per fetch)
     * @param ttl       how long a fetched list is used
     * @param clock     the scheduler whose clock measures the time to live
     */
    public PairCache(Flux<PairInfo> markets, Duration ttl, Scheduler clock) {
        this.cache = new SymbolCache<>(Objects.requireNonNull(markets, "markets"), PairInfo::symbol, ttl, clock);
    }

    /** Every market by its venue symbol. Errors are those of the fetch. */
    public Mono<Map<String, PairInfo>> bySymbol() {
        return cache.bySymbol();
    }

    /** One market, or empty when the venue has none with this symbol. */
    public Mono<PairInfo> get(String symbol) {
        return cache.get(symbol);
    }
}
