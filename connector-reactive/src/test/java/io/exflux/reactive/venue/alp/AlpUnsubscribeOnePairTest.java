package io.exflux.reactive.venue.alp;

import static io.exflux.reactive.venue.alp.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Trade;
import io.exflux.api.stream.OverflowPolicy;
import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.reactive.venue.alp.internal.AlpStreamDialect;
import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import io.exflux.testkit.sim.MarketSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/**
 * One client watching three pairs on the public endpoint: stopping one pair's streams leaves the other
 * pairs' trades and books flowing, whether the stopped pair shared their socket or had a socket of its
 * own (which then closes, idle).
 */
class AlpUnsubscribeOnePairTest {

    private static final CurrencyPair BTC = CurrencyPair.of("BTC", "USDT");
    private static final CurrencyPair ETH = CurrencyPair.of("ETH", "USDT");
    private static final CurrencyPair ADA = CurrencyPair.of("ADA", "USDT");
    private static final List<CurrencyPair> OTHERS = List.of(BTC, ADA);
    /** Markets whose topics only fill the first socket. */
    private static final List<String> FILLER_BASES = List.of("LTC", "XRP", "SOL", "DOT", "XLM");

    private AlpSimulator sim;
    private AlpExchangeClient client;
    private final Map<CurrencyPair, List<Disposable>> subscriptions = new HashMap<>();
    private final Map<CurrencyPair, List<Trade>> trades = new HashMap<>();
    private final Map<CurrencyPair, AtomicReference<OrderBook>> books = new HashMap<>();
    private final List<Disposable> fillers = new ArrayList<>();

    @BeforeEach
    void start() {
        List<MarketSpec> markets = new ArrayList<>(AlpSimulatorOptions.DEFAULT_MARKETS);
        markets.add(MarketSpec.of("ADA", "USDT", 2, 8, "0.001", "1000", "10"));
        for (String base : FILLER_BASES) {
            markets.add(MarketSpec.of(base, "USDT", 2, 8, "0.001", "1000", "10"));
        }
        sim = AlpSimulator.start(AlpSimulatorOptions.builder().markets(markets).generatorEnabled(false)
                .depthInterval(Duration.ofMillis(20)).build());
        sim.generator().prepare().block(Duration.ofSeconds(5));
        client = AlpExchangeClient.create(AlpOptions.builder().restUrl(sim.restBaseUrl()).wsUrl(sim.websocketUrl())
                .rateLimit(AlpOptions.PUBLIC_SCOPE, null).rateLimit(AlpOptions.PRIVATE_SCOPE, null)
                .streamOptions(StreamOptions.builder().unsubscribeGrace(Duration.ofMillis(50))
                        .backoff(Backoff.fullJitter(Duration.ofMillis(10), Duration.ofMillis(50))).build())
                .build());
    }

    @AfterEach
    void stop() {
        subscriptions.values().forEach(list -> list.forEach(Disposable::dispose));
        fillers.forEach(Disposable::dispose);
        client.closeGracefully().block(Duration.ofSeconds(5));
        sim.close();
    }

    @Test
    void stoppingAPairThatSharesTheSocketLeavesTheOtherPairsFlowing() {
        for (CurrencyPair pair : List.of(BTC, ETH, ADA)) {
            watch(pair, true, true);
        }
        assertThat(sim.openWebsockets()).isEqualTo(1);
        stopEth();
        assertOthersFlow(true, true);
    }

    @Test
    void stoppingTheTradesAndBookOfAPairOnASocketOfItsOwnLeavesTheOtherPairsFlowing() {
        ethOnASecondSocket(true, true);
        stopEth();
        assertOthersFlow(true, true);
    }

    @Test
    void stoppingTheTradesOfAPairOnASocketOfItsOwnLeavesTheOtherPairsTradesFlowing() {
        ethOnASecondSocket(true, false);
        stopEth();
        assertOthersFlow(true, false);
    }

    @Test
    void stoppingTheBookOfAPairOnASocketOfItsOwnLeavesTheOtherPairsBooksFlowing() {
        ethOnASecondSocket(false, true);
        stopEth();
        assertOthersFlow(false, true);
    }

    /** BTC and ADA live on the first socket, filled up to ALP's topic limit, so ETH's streams open a second. */
    private void ethOnASecondSocket(boolean withTrades, boolean withBooks) {
        for (CurrencyPair pair : OTHERS) {
            watch(pair, withTrades, withBooks);
        }
        int used = OTHERS.size() * ((withTrades ? 1 : 0) + (withBooks ? 2 : 0));
        List<String> filler = new ArrayList<>();
        for (String base : FILLER_BASES) {
            for (String kind : List.of("ticker.", "rates.", "diff.", "market_depth.")) {
                filler.add(kind + base + "_USDT");
            }
        }
        for (String topic : filler.subList(0, AlpStreamDialect.MAX_TOPICS_PER_CONNECTION - used)) {
            fillers.add(client.stream().topic(topic, OverflowPolicy.latest()).subscribe());
        }
        watch(ETH, withTrades, withBooks);
        assertThat(sim.openWebsockets()).isEqualTo(2);
    }

    private void watch(CurrencyPair pair, boolean withTrades, boolean withBooks) {
        List<Disposable> mine = subscriptions.computeIfAbsent(pair, p -> new ArrayList<>());
        if (withTrades) {
            List<Trade> tape = new CopyOnWriteArrayList<>();
            trades.put(pair, tape);
            mine.add(client.watchTrades(pair).subscribe(tape::add));
        }
        if (withBooks) {
            AtomicReference<OrderBook> latest = new AtomicReference<>();
            books.put(pair, latest);
            mine.add(client.watchOrderBook(pair, 20).subscribe(latest::set));
        }
        stepUntilFlowing(pair, withTrades, withBooks); // its topics are live on a socket
    }

    /** Disposes ETH's streams and waits until their topics are unsubscribed (or their socket closed). */
    private void stopEth() {
        int sockets = sim.openWebsockets();
        subscriptions.remove(ETH).forEach(Disposable::dispose);
        await().until(() -> sim.server().frames().stream().anyMatch(f -> f.text() != null
                && f.text().startsWith("[\"unsubscribe\"") && f.text().contains("ETH_USDT")));
        if (sockets > 1) {
            await().until(() -> sim.openWebsockets() == sockets - 1);
        }
    }

    private void assertOthersFlow(boolean withTrades, boolean withBooks) {
        for (int i = 0; i < 5; i++) {
            sim.generator().step().block(Duration.ofSeconds(5));
        }
        for (CurrencyPair pair : OTHERS) {
            stepUntilFlowing(pair, withTrades, withBooks);
        }
    }

    /** Steps the market until {@code pair} gets a new trade and its book, not stale, equals the simulator's. */
    private void stepUntilFlowing(CurrencyPair pair, boolean withTrades, boolean withBooks) {
        int seen = withTrades ? trades.get(pair).size() : 0;
        String symbol = pair.base() + "_" + pair.quote();
        await().until(() -> {
            sim.generator().step().block(Duration.ofSeconds(5));
            Thread.sleep(50);
            return (!withTrades || trades.get(pair).size() > seen)
                    && (!withBooks || sameBook(books.get(pair).get(), sim.book(symbol, 20)));
        }, () -> pair + " stopped: trades " + (withTrades ? trades.get(pair).size() + " (had " + seen + ")" : "-")
                + (withBooks ? "\nours  " + describe(books.get(pair).get())
                        + (books.get(pair).get() != null && books.get(pair).get().stale() ? " (stale)" : "")
                        + "\nvenue " + describe(sim.book(symbol, 20)) : ""));
    }

    private static boolean sameBook(OrderBook ours, io.exflux.api.model.OrderBook venue) {
        return ours != null && !ours.stale() && levels(ours.bids()).equals(levels(venue.bids()))
                && levels(ours.asks()).equals(levels(venue.asks()));
    }

    private static String describe(OrderBook book) {
        return book == null ? "none" : "bids " + levels(book.bids()) + " asks " + levels(book.asks());
    }

    private static List<String> levels(List<PriceLevel> levels) {
        return levels.stream().map(l -> l.price().stripTrailingZeros().toPlainString() + "@"
                + l.amount().stripTrailingZeros().toPlainString()).toList();
    }
}
