package io.exflux.reactive.venue.v1;

import static io.exflux.reactive.venue.alp.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.config.Credentials;
import io.exflux.api.model.Balance;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Fill;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.api.model.Trade;
import io.exflux.api.stream.ConnectionEvent;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.config.RateLimit;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.reactive.internal.resources.SchedulerClock;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.sim.SimTrade;
import io.exflux.testkit.v1.V1Simulator;
import io.exflux.testkit.v1.V1SimulatorOptions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * What a user of {@link V1ExchangeClient} sees against the v1 simulator, for both venues: an order crossed by
 * another account (the exchange on both sides, the balances moved by price times amount less the simulator's
 * fees), the book step by step and after each of 50 forced disconnects, 64 concurrent private calls on one key,
 * 1,000 public calls at the documented rate, and trades made while the socket was down filled in after the reconnect.
 */
class V1EndToEndTest {

    private static final CurrencyPair BTC_USD = CurrencyPair.of("BTC", "USD");
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The fee the test sets on the simulator for makers and takers alike (ccxt lists 0.2 % for the platform). */
    private static final BigDecimal FEE = new BigDecimal("0.002");

    private V1Simulator sim;
    /** The clients of a test share their event loops, so that closing them does not wait for each one's. */
    private final ClientResources shared = ClientResources.create();
    private final List<V1ExchangeClient> clients = new ArrayList<>();
    private final List<Disposable> subscriptions = new ArrayList<>();

    @AfterEach
    void stop() {
        subscriptions.forEach(Disposable::dispose);
        Flux.fromIterable(clients).flatMap(V1ExchangeClient::closeGracefully).then(shared.shutdown()).block(WAIT);
        if (sim != null) {
            sim.close();
        }
    }

    private void start(V1Dialect dialect, UnaryOperator<V1SimulatorOptions.Builder> settings) {
        sim = V1Simulator.start(settings.apply(V1SimulatorOptions.builder(
                io.exflux.testkit.v1.V1Dialect.valueOf(dialect.name())).generatorEnabled(false)).build());
    }

    /** A client of the simulator without client-side rate limits, reconnecting within 50 ms, never retrying. */
    private V1ExchangeClient client(V1Dialect dialect, ApiKeys.ApiKey account, UnaryOperator<V1Options.Builder> more) {
        V1Options.Builder options = V1Options.builder(dialect).resources(shared).restUrl(sim.apiRootUrl())
                .wsUrl(sim.socketUrl().replace("/socket.io/", ""))
                .rateLimit(V1Options.PUBLIC_SCOPE, null).rateLimit(V1Options.PRIVATE_SCOPE, null).maxAttempts(1)
                .streamOptions(StreamOptions.builder().unsubscribeGrace(Duration.ofMillis(50))
                        .backoff(Backoff.fullJitter(Duration.ofMillis(10), Duration.ofMillis(50))).build());
        if (account != null) {
            options.credentials(Credentials.of(account.key(), account.secret()));
        }
        V1ExchangeClient client = V1ExchangeClient.create(more.apply(options).build());
        clients.add(client);
        return client;
    }

    private <T> List<T> collect(Flux<T> flux) {
        List<T> out = new CopyOnWriteArrayList<>();
        subscriptions.add(flux.subscribe(out::add));
        return out;
    }

    private void setFees(BigDecimal rate) {
        sim.simulator().call(exchange -> {
            exchange.setFees(rate, rate);
            return Boolean.TRUE;
        }).block(WAIT);
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void aCrossedOrderIsFilledSeenOnBothSidesAndMovesBalancesByPriceTimesAmountLessFees(V1Dialect dialect) {
        start(dialect, b -> b.unthrottled());
        setFees(FEE);
        ApiKeys.ApiKey makerKey = sim.createAccount(Map.of("BTC", new BigDecimal("2")));
        ApiKeys.ApiKey takerKey = sim.createAccount(Map.of("USD", new BigDecimal("100000")));
        V1ExchangeClient maker = client(dialect, makerKey, b -> b);
        V1ExchangeClient taker = client(dialect, takerKey, b -> b);
        List<ConnectionEvent> events = collect(maker.connectionEvents());
        List<Trade> tape = collect(maker.watchTrades(BTC_USD));
        awaitConnections(events, 1);

        BigDecimal price = new BigDecimal("61234.5");
        BigDecimal amount = new BigDecimal("0.25");
        Order resting = maker.placeOrder(OrderRequest.limit(BTC_USD, Side.SELL, amount, price)).block(WAIT);
        assertThat(balance(maker, "BTC").reserved()).isEqualByComparingTo(amount);
        Order other = maker.placeOrder(OrderRequest.limit(BTC_USD, Side.SELL, new BigDecimal("0.1"),
                new BigDecimal("70000"))).block(WAIT);

        // the taker bids above the resting ask: it trades at the resting order's price
        Order crossing = taker.placeOrder(OrderRequest.limit(BTC_USD, Side.BUY, amount, new BigDecimal("61300")))
                .block(WAIT);

        BigDecimal value = price.multiply(amount);
        assertThat(maker.order(resting.id(), BTC_USD).block(WAIT).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(taker.order(crossing.id(), BTC_USD).block(WAIT).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(maker.openOrders(BTC_USD).map(Order::id).collectList().block(WAIT)).containsExactly(other.id());
        List<Fill> makerFills = maker.myTrades(BTC_USD, 10).collectList().block(WAIT);
        assertThat(makerFills).singleElement().satisfies(fill -> {
            assertThat(fill.side()).isEqualTo(Side.SELL);
            assertThat(fill.price()).isEqualByComparingTo(price);
            assertThat(fill.amount()).isEqualByComparingTo(amount);
        });
        assertThat(taker.myTrades(BTC_USD, 10).collectList().block(WAIT)).singleElement()
                .satisfies(fill -> assertThat(fill.side()).isEqualTo(Side.BUY));
        await().until(() -> !tape.isEmpty());
        assertThat(tape).singleElement().satisfies(trade -> {
            assertThat(trade.id()).isEqualTo(makerFills.get(0).id());
            assertThat(trade.takerSide()).isEqualTo(Side.BUY);
            assertThat(trade.price()).isEqualByComparingTo(price);
            assertThat(trade.amount()).isEqualByComparingTo(amount);
        });

        // each side pays the fee on what it receives: the maker in USD, the taker in BTC
        Balance makerUsd = balance(maker, "USD");
        Balance makerBtc = balance(maker, "BTC");
        assertThat(makerUsd.total()).isEqualByComparingTo(value.subtract(value.multiply(FEE))); // 15278.00775
        assertThat(makerBtc.total()).isEqualByComparingTo(new BigDecimal("2").subtract(amount));
        assertThat(makerBtc.reserved()).as("the other order's reserve").isEqualByComparingTo("0.1");
        Balance takerUsd = balance(taker, "USD");
        assertThat(takerUsd.total()).isEqualByComparingTo(new BigDecimal("100000").subtract(value));
        assertThat(takerUsd.reserved()).as("the limit price's reserve released").isZero();
        assertThat(balance(taker, "BTC").total()).isEqualByComparingTo(amount.subtract(amount.multiply(FEE)));

        assertThat(maker.cancelOrder(other.id(), BTC_USD).block(WAIT).canceled()).isTrue();
        assertThat(balance(maker, "BTC").reserved()).isZero();
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void watchOrderBookEqualsTheSimulatorsBookAfterEachOf50ForcedDisconnects(V1Dialect dialect) {
        start(dialect, b -> b.unthrottled());
        sim.generator().prepare().block(WAIT);
        for (int i = 0; i < 40; i++) {
            sim.generator().step().block(WAIT);
        }
        V1ExchangeClient client = client(dialect, null, b -> b);
        AtomicReference<OrderBook> latest = new AtomicReference<>();
        subscriptions.add(client.watchOrderBook(BTC_USD, 20).subscribe(latest::set));
        await().until(() -> sameBook(latest.get(), sim.book("BTC_USD", 20)));

        for (int round = 1; round <= 50; round++) {
            int opened = sim.server().sessions().size();
            sim.generator().step().block(WAIT);
            sim.dropAllWebsockets();
            sim.generator().step().block(WAIT); // changes the client cannot see on the socket
            int currentRound = round;
            await().until(() -> sim.server().sessions().size() > opened && sim.openSockets() > 0,
                    () -> "round " + currentRound + ": no new socket");
            awaitSameBook(latest, "round " + currentRound);
            sim.generator().step().block(WAIT);
            awaitSameBook(latest, "round " + currentRound + " live");
            assertThat(latest.get().isCrossed()).as("round %d", currentRound).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void watchOrderBookFollowsTheSimulatorsBookStepByStep(V1Dialect dialect) {
        start(dialect, b -> b.unthrottled());
        sim.generator().prepare().block(WAIT);
        for (int i = 0; i < 40; i++) {
            sim.generator().step().block(WAIT);
        }
        V1ExchangeClient client = client(dialect, null, b -> b);
        AtomicReference<OrderBook> latest = new AtomicReference<>();
        subscriptions.add(client.watchOrderBook(BTC_USD, 20).subscribe(latest::set));
        awaitSameBook(latest, "start");
        for (int round = 1; round <= 30; round++) {
            sim.generator().step().block(WAIT);
            awaitSameBook(latest, "step " + round);
        }
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void sixtyFourConcurrentPrivateCallsOnOneKeyMeetNoNonceRejection(V1Dialect dialect) {
        start(dialect, b -> b.unthrottled());
        ApiKeys.ApiKey account = sim.createAccount(Map.of("USD", new BigDecimal("1000")));
        V1ExchangeClient client = client(dialect, account, b -> b);

        List<Integer> answers = Flux.range(0, 64)
                .flatMap(i -> switch (i % 3) {
                    case 0 -> client.balances().count();
                    case 1 -> client.openOrders(BTC_USD).count();
                    default -> client.myTrades(BTC_USD, 5).count();
                }, 64)
                .map(Long::intValue).collectList().block(Duration.ofSeconds(20));

        // one attempt per call (maxAttempts 1): a nonce the simulator refused would have failed the whole run
        assertThat(answers).hasSize(64);
        assertThat(sim.server().requests()).hasSize(64)
                .allSatisfy(r -> assertThat(r.header("X-NONCE")).isNotBlank());
        assertThat(sim.server().requests().stream().map(r -> r.header("X-NONCE"))).doesNotHaveDuplicates();
    }

    /**
     * The client's own limiter at the documented rate (1 a second on BTC-Alpha, 100 a second public on bitexbit), on
     * a virtual clock that the simulator counts its windows by. The clock moves only while no call is in flight, to
     * the instant the limiter grants the next one, so every call arrives at its grant time: 1,000 calls in a few
     * seconds of real time. One attempt each: a single 429 fails the run.
     */
    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void aThousandPublicCallsAtTheDocumentedRateAllSucceedAndNoWindowHoldsMoreThanTheLimit(V1Dialect dialect)
            throws InterruptedException {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        time.advanceTimeTo(Instant.parse("2026-11-29T12:00:00Z"));
        start(dialect, b -> b.clock(new SchedulerClock(time)).timer(time));
        RateLimit documented = dialect.defaultPublicRateLimit();
        assertThat(documented.permits()).isEqualTo(sim.options().ipCallsPerSecond());
        ClientResources resources = ClientResources.builder().scheduler(time).build();
        V1ExchangeClient client = client(dialect, null, b -> b.resources(resources)
                .rateLimit(V1Options.PUBLIC_SCOPE, documented));
        Map<Long, Integer> perSecond = new TreeMap<>();
        Semaphore answered = new Semaphore(0);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        try {
            long spacing = documented.nanosPerPermit();
            for (int call = 1; call <= 1000; call++) {
                // sent from this thread while the clock stands, so that its permit is reserved before the clock
                // moves to it
                subscriptions.add(client.rest().currencies().collectList().subscribe(answer -> {
                    synchronized (perSecond) {
                        perSecond.merge(time.now(TimeUnit.SECONDS), 1, Integer::sum);
                    }
                    answered.release();
                }, error -> {
                    failures.add(error);
                    answered.release();
                }));
                if (call > 1) {
                    time.advanceTimeBy(Duration.ofNanos(spacing));
                }
                // a call that has not reached the venue after a while waits for a later permit: move on to it
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (!answered.tryAcquire(1, TimeUnit.SECONDS)) {
                    int c = call;
                    assertThat(System.nanoTime()).as(() -> "answer " + c + ", requests " + sim.server().requests().size())
                            .isLessThan(deadline);
                    if (sim.server().requests().size() < call) {
                        time.advanceTimeBy(Duration.ofNanos(spacing));
                    }
                }
                assertThat(failures).isEmpty();
            }
        } finally {
            clients.remove(client);
            client.closeGracefully().block(WAIT);
            resources.shutdown().block(WAIT);
        }
        assertThat(failures).isEmpty();
        assertThat(sim.server().requests()).as("each call sent once").hasSize(1000);
        assertThat(perSecond.values()).as("calls per second of the venue's clock")
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(documented.permits()));
    }

    /**
     * BTC-Alpha's one limit counts every call, public or private, as the simulator does: with the default limits a
     * private call made beside a public one waits for the next second instead of drawing a 429 (the soak's re-seeds
     * met 429s while the client counted the two kinds apart).
     */
    @org.junit.jupiter.api.Test
    void btcAlphaPublicAndPrivateCallsWaitForTheOneDocumentedLimit() throws InterruptedException {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        time.advanceTimeTo(Instant.parse("2026-11-29T12:00:00Z"));
        start(V1Dialect.BTC_ALPHA, b -> b.clock(new SchedulerClock(time)).timer(time));
        ApiKeys.ApiKey key = sim.createAccount(Map.of("USD", new BigDecimal("100")));
        ClientResources resources = ClientResources.builder().scheduler(time).build();
        V1Options defaults = V1Options.defaults(V1Dialect.BTC_ALPHA);
        V1ExchangeClient client = client(V1Dialect.BTC_ALPHA, key, b -> b.resources(resources)
                .rateLimit(V1Options.PUBLIC_SCOPE, defaults.rateLimit(V1Options.PUBLIC_SCOPE).orElse(null))
                .rateLimit(V1Options.PRIVATE_SCOPE, defaults.rateLimit(V1Options.PRIVATE_SCOPE).orElse(null)));
        Semaphore answered = new Semaphore(0);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        try {
            subscriptions.add(client.rest().currencies().collectList().subscribe(a -> answered.release(), failures::add));
            subscriptions.add(client.balances().collectList().subscribe(a -> answered.release(), failures::add));
            assertThat(answered.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS)).as("first answer").isTrue();
            assertThat(answered.tryAcquire(300, TimeUnit.MILLISECONDS)).as("second call waits for its second").isFalse();
            assertThat(failures).isEmpty();
            time.advanceTimeBy(Duration.ofSeconds(2));
            assertThat(answered.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS)).as("second answer").isTrue();
            assertThat(failures).isEmpty();
            assertThat(sim.server().requests()).as("each call sent once").hasSize(2);
        } finally {
            clients.remove(client);
            client.closeGracefully().block(WAIT);
            resources.shutdown().block(WAIT);
        }
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void tradesMadeWhileTheSocketIsDownAreFilledInOnceAndInOrder(V1Dialect dialect) {
        start(dialect, b -> b.unthrottled());
        ApiKeys.ApiKey sellerKey = sim.createAccount(Map.of("BTC", new BigDecimal("10")));
        ApiKeys.ApiKey buyerKey = sim.createAccount(Map.of("USD", new BigDecimal("1000000")));
        V1ExchangeClient seller = client(dialect, sellerKey, b -> b);
        V1ExchangeClient buyer = client(dialect, buyerKey, b -> b);
        // the watcher reconnects after a second: long enough for the trades below to happen while it is away
        V1ExchangeClient watcher = client(dialect, null, b -> b.streamOptions(StreamOptions.builder()
                .unsubscribeGrace(Duration.ofMillis(50)).backoff(Backoff.constant(Duration.ofSeconds(1))).build()));
        List<ConnectionEvent> events = collect(watcher.connectionEvents());
        List<Trade> tape = collect(watcher.watchTrades(BTC_USD));
        awaitConnections(events, 1);

        trade(seller, buyer, "60000");
        await().until(() -> tape.size() == 1);
        sim.dropAllWebsockets();
        await().until(() -> events.stream().anyMatch(e -> e instanceof ConnectionEvent.Disconnected));
        for (int i = 1; i <= 3; i++) {
            trade(seller, buyer, "6000" + i);
        }
        assertThat(tape).as("nothing while the socket is down").hasSize(1);
        awaitConnections(events, 2);
        trade(seller, buyer, "60005");

        List<String> venue = sim.trades().stream().map(SimTrade::id).map(String::valueOf).toList();
        assertThat(venue).hasSize(5);
        await().until(() -> tape.size() == 5, () -> "tape " + ids(tape));
        assertThat(ids(tape)).as("every trade once, oldest first").containsExactlyElementsOf(venue);
        assertThat(tape).extracting(t -> t.price().stripTrailingZeros().toPlainString())
                .containsExactly("60000", "60001", "60002", "60003", "60005");
        assertThat(events).noneMatch(e -> e instanceof ConnectionEvent.Gap);
    }

    /**
     * BTC-Alpha's new-order event names no pair: with two markets watched on one socket it belonged to neither and
     * no trade arrived. Each market's trades and book reach their own subscriber.
     */
    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void tradesOfTwoMarketsWatchedAtOnceEachReachTheirOwnStream(V1Dialect dialect) {
        start(dialect, b -> b.unthrottled());
        ApiKeys.ApiKey sellerKey = sim.createAccount(Map.of("BTC", new BigDecimal("10")));
        ApiKeys.ApiKey buyerKey = sim.createAccount(Map.of("USD", new BigDecimal("1000000")));
        V1ExchangeClient seller = client(dialect, sellerKey, b -> b);
        V1ExchangeClient buyer = client(dialect, buyerKey, b -> b);
        V1ExchangeClient watcher = client(dialect, null, b -> b);
        List<ConnectionEvent> events = collect(watcher.connectionEvents());
        List<Trade> btc = collect(watcher.watchTrades(BTC_USD));
        List<Trade> eth = collect(watcher.watchTrades(CurrencyPair.of("ETH", "USD")));
        // bitexbit carries both channels on one socket, BTC-Alpha each on its own
        awaitConnections(events, dialect == V1Dialect.BTC_ALPHA ? 2 : 1);

        trade(seller, buyer, "60000");
        trade(seller, buyer, "60001");

        await().until(() -> btc.size() == 2, () -> "btc " + ids(btc) + " events " + events);
        assertThat(ids(btc)).containsExactlyElementsOf(
                sim.trades().stream().map(SimTrade::id).map(String::valueOf).toList());
        assertThat(eth).isEmpty();
    }

    /**
     * More trades while the socket is down than one page of {@code /v1/exchanges/} holds (bitexbit's 100): the
     * back-fill reaches back to the last trade delivered (bitexbit by offset), so none is missed and no gap is
     * announced.
     */
    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void moreTradesWhileTheSocketIsDownThanOnePageAreAllFilledIn(V1Dialect dialect) {
        start(dialect, b -> b.unthrottled());
        ApiKeys.ApiKey sellerKey = sim.createAccount(Map.of("BTC", new BigDecimal("10")));
        ApiKeys.ApiKey buyerKey = sim.createAccount(Map.of("USD", new BigDecimal("1000000")));
        V1ExchangeClient seller = client(dialect, sellerKey, b -> b);
        V1ExchangeClient buyer = client(dialect, buyerKey, b -> b);
        V1ExchangeClient watcher = client(dialect, null, b -> b.streamOptions(StreamOptions.builder()
                .unsubscribeGrace(Duration.ofMillis(50)).backoff(Backoff.constant(Duration.ofSeconds(4))).build()));
        List<ConnectionEvent> events = collect(watcher.connectionEvents());
        List<Trade> tape = collect(watcher.watchTrades(BTC_USD));
        awaitConnections(events, 1);
        trade(seller, buyer, "60000");
        await().until(() -> tape.size() == 1);

        sim.dropAllWebsockets();
        await().until(() -> events.stream().anyMatch(e -> e instanceof ConnectionEvent.Disconnected));
        BigDecimal each = new BigDecimal("0.01");
        int missed = 130;
        seller.placeOrder(OrderRequest.limit(BTC_USD, Side.SELL, each.multiply(BigDecimal.valueOf(missed)),
                new BigDecimal("60001"))).block(WAIT);
        Flux.range(0, missed).concatMap(i -> buyer.placeOrder(OrderRequest.limit(BTC_USD, Side.BUY, each,
                new BigDecimal("60001")))).blockLast(Duration.ofSeconds(30));
        awaitConnections(events, 2);

        List<String> venue = sim.trades().stream().map(SimTrade::id).map(String::valueOf).toList();
        assertThat(venue).hasSize(1 + missed);
        await().until(() -> tape.size() == venue.size(), () -> "tape " + tape.size() + " events " + events.stream()
                .filter(e -> e instanceof ConnectionEvent.Gap).toList());
        assertThat(ids(tape)).as("every trade once, oldest first").containsExactlyElementsOf(venue);
        assertThat(events).noneMatch(e -> e instanceof ConnectionEvent.Gap);
    }

    /**
     * Stopping one market's book leaves another's following the venue, fresh: on BTC-Alpha the stopped channel's
     * socket closes once idle, and that socket's going away says nothing about the other channel's socket.
     */
    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void stoppingOneMarketsBookLeavesAnothersFollowingTheVenue(V1Dialect dialect) {
        start(dialect, b -> b.unthrottled());
        sim.generator().prepare().block(WAIT);
        V1ExchangeClient client = client(dialect, null, b -> b);
        AtomicReference<OrderBook> btc = new AtomicReference<>();
        AtomicReference<OrderBook> eth = new AtomicReference<>();
        subscriptions.add(client.watchOrderBook(BTC_USD, 20).subscribe(btc::set));
        Disposable ethWatch = client.watchOrderBook(CurrencyPair.of("ETH", "USD"), 20).subscribe(eth::set);
        awaitSameBook(btc, "start");
        await().until(() -> eth.get() != null);
        int sockets = sim.openSockets();

        ethWatch.dispose();
        if (dialect == V1Dialect.BTC_ALPHA) {
            await().until(() -> sim.openSockets() == sockets - 1, () -> "sockets " + sim.openSockets());
        }
        for (int round = 1; round <= 5; round++) {
            sim.generator().step().block(WAIT);
            awaitSameBook(btc, "step " + round + " after the other market stopped");
        }
    }

    /** A resting sell crossed by a buy at the same price: one trade. */
    private static void trade(V1ExchangeClient seller, V1ExchangeClient buyer, String price) {
        BigDecimal amount = new BigDecimal("0.01");
        seller.placeOrder(OrderRequest.limit(BTC_USD, Side.SELL, amount, new BigDecimal(price))).block(WAIT);
        buyer.placeOrder(OrderRequest.limit(BTC_USD, Side.BUY, amount, new BigDecimal(price))).block(WAIT);
    }

    /** {@code Connected} comes once the channels are subscribed again. */
    private static void awaitConnections(List<ConnectionEvent> events, int count) {
        await().until(() -> events.stream().filter(e -> e instanceof ConnectionEvent.Connected).count() >= count,
                () -> "events " + events);
    }

    private static Balance balance(V1ExchangeClient client, String currency) {
        return client.balances().filter(b -> b.currency().equals(currency)).blockFirst(WAIT);
    }

    private static List<String> ids(List<Trade> trades) {
        return trades.stream().map(Trade::id).toList();
    }

    private void awaitSameBook(AtomicReference<OrderBook> latest, String when) {
        await().until(() -> sameBook(latest.get(), sim.book("BTC_USD", 20)), () -> when
                + "\nours  " + describe(latest.get()) + "\nvenue " + describe(sim.book("BTC_USD", 20)));
    }

    /** Equal levels on a book that is not stale (re-seeded since the last drop). */
    private static boolean sameBook(OrderBook ours, OrderBook venue) {
        return ours != null && !ours.stale() && levels(ours.bids()).equals(levels(venue.bids()))
                && levels(ours.asks()).equals(levels(venue.asks()));
    }

    private static String describe(OrderBook book) {
        return book == null ? "none" : "bids " + levels(book.bids()) + " asks " + levels(book.asks());
    }

    private static List<String> levels(List<PriceLevel> levels) {
        return levels.stream().map(l -> l.price().stripTrailingZeros().toPlainString() + "@"
                + l.amount().stripTrailingZeros().toPlainString()).collect(Collectors.toList());
    }
}
