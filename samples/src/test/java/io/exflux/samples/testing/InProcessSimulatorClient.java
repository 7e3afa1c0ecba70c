package io.exflux.samples.testing;

import io.exflux.api.Capabilities;
import io.exflux.api.Capability;
import io.exflux.api.ExchangeClient;
import io.exflux.api.error.NotFoundException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.Trade;
import io.exflux.testkit.sim.MarketSpec;
import io.exflux.testkit.sim.VenueSimulator;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The unified market-data API straight over a {@link VenueSimulator} in this JVM, without HTTP or
 * websocket: pairs, books and trades as the venue's own snapshots and feeds. For the samples' tests
 * that are about the sample, not the wire.
 */
public final class InProcessSimulatorClient implements ExchangeClient {

    private final VenueSimulator sim;

    public InProcessSimulatorClient(VenueSimulator sim) {
        this.sim = sim;
    }

    @Override
    public String venue() {
        return "alp";
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.of(Capability.PAIRS, Capability.WATCH_ORDER_BOOK, Capability.WATCH_TRADES);
    }

    @Override
    public Flux<PairInfo> pairs() {
        return Flux.fromIterable(sim.markets()).map(InProcessSimulatorClient::info);
    }

    private static PairInfo info(MarketSpec m) {
        return new PairInfo(m.pair(), m.pair().symbol("_"), m.pricePrecision(), m.amountPrecision(), m.minAmount(),
                m.maxAmount(), m.minValue());
    }

    private Mono<CurrencyPair> known(CurrencyPair pair) {
        return Mono.justOrEmpty(sim.market(pair)).map(MarketSpec::pair)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("alp has no market " + pair)));
    }

    @Override
    public Flux<OrderBook> watchOrderBook(CurrencyPair pair, int depth) {
        return known(pair).flatMapMany(p -> Flux.merge(Flux.just(0L),
                        sim.bookChanges().filter(c -> c.pair().equals(p)).sample(Duration.ofMillis(20)))
                .map(any -> sim.book(p, depth)))
                .onBackpressureLatest();
    }

    @Override
    public Flux<Trade> watchTrades(CurrencyPair pair) {
        return known(pair).flatMapMany(p -> sim.tradeFeed().filter(t -> t.pair().equals(p)))
                .map(t -> new Trade(t.pair(), String.valueOf(t.id()), t.price(), t.amount(), t.takerSide(), t.time()))
                .onBackpressureBuffer(10_000);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.empty();
    }
}
