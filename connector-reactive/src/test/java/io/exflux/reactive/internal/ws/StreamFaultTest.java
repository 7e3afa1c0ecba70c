package io.exflux.reactive.internal.ws;

import io.exflux.reactive.config.Backoff;

import io.exflux.reactive.config.StreamKind;

import io.exflux.reactive.config.StreamOptions;

import static io.exflux.reactive.internal.ws.Loopback.await;
import static io.exflux.reactive.internal.ws.Loopback.subscribed;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.stream.ConnectionEvent;
import io.exflux.reactive.internal.book.OrderBookStream;
import io.exflux.reactive.internal.book.OrderBookStreamOptions;
import io.exflux.reactive.testsupport.FailOnNettyLeaks;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.WsSession;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The fault test of issue 3: a loopback venue drops the connection after every 500 frames for
 * {@code exflux.faultTest.seconds} (default 10; 30 for the run issue 3 asked for) seconds while one subscriber reads two book topics and
 * one trade topic. The subscriber sees no error, every topic is resubscribed after each drop, every
 * book it sees equals the server's book at that sequence, and no trade arrives twice.
 */
@ExtendWith(FailOnNettyLeaks.class)
class StreamFaultTest {

    private static final Logger log = LoggerFactory.getLogger(StreamFaultTest.class);
    private static final int FRAMES_PER_CONNECTION = 500;
    private static final int DEPTH = 10;
    private static final Set<String> TOPICS = Set.of("book.P1", "book.P2", "trade.P1");
    private static final Wire RESYNC = new Wire("resync", null);

    /** A decoded frame: a book update or a trade id. */
    record Wire(String topic, Object payload) {
    }

    @Test
    void droppedEvery500FramesTheSubscriberSeesNoErrorNoDuplicateTradeAndOnlyTheServersBooks() throws InterruptedException {
        Duration runFor = Duration.ofSeconds(Long.getLong("exflux.faultTest.seconds", 10));
        SimVenue venue = new SimVenue();
        Scheduler generator = Schedulers.newSingle("sim-venue");
        try (FakeVenueServer server = FakeVenueServer.start()) {
            server.websocket("/ws", session -> venue.serve(session, generator));
            StreamEndpoint<Wire> stream = StreamEndpoint.create(URI.create(server.wsUrl("/ws")), new SimDialect(),
                    StreamOptions.builder().backoff(Backoff.fullJitter(Duration.ofMillis(10), Duration.ofMillis(50))).build());
            List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
            Disposable watchEvents = stream.events().subscribe(events::add);

            AtomicReference<Throwable> error = new AtomicReference<>();
            List<OrderBook> books = new CopyOnWriteArrayList<>();
            List<Long> trades = new CopyOnWriteArrayList<>();
            Flux<Object> everything = Flux.merge(book(stream, "P1"), book(stream, "P2"),
                    stream.topic("trade.P1", StreamKind.TRADES).map(Wire::payload));
            Disposable subscriber = everything.subscribe(item -> {
                if (item instanceof OrderBook book) {
                    books.add(book);
                } else {
                    trades.add((Long) item);
                }
            }, error::set);

            long end = System.nanoTime() + runFor.toNanos();
            while (System.nanoTime() < end && error.get() == null) {
                Thread.sleep(50);
            }
            int sessionsSeen = server.sessions().size();
            await("one more session after the run", () -> server.sessions().size() > sessionsSeen);
            WsSession last = server.sessions().get(server.sessions().size() - 1);
            await("every topic subscribed on the last session", () -> subscribed(server, last.id()).containsAll(TOPICS));
            subscriber.dispose();
            stream.close().block(Duration.ofSeconds(10));
            watchEvents.dispose();

            long reconnects = events.stream().filter(ConnectionEvent.Reconnecting.class::isInstance).count();
            log.info("fault test: {} s, {} reconnects survived, {} sessions, {} books checked, {} trades",
                    runFor.toSeconds(), reconnects, server.sessions().size(), books.size(), trades.size());
            System.out.printf("fault test: %d s, %d reconnects survived, %d books checked, %d trades%n",
                    runFor.toSeconds(), reconnects, books.size(), trades.size());

            assertThat(error.get()).as("the subscriber sees no error").isNull();
            assertThat(reconnects).as("reconnects").isGreaterThanOrEqualTo(runFor.toSeconds());
            for (WsSession session : server.sessions().subList(0, server.sessions().size() - 1)) {
                if (session.sentFrames() >= FRAMES_PER_CONNECTION) {
                    assertThat(subscribed(server, session.id())).as("topics of session %d", session.id())
                            .containsAll(TOPICS);
                }
            }
            assertThat(books).as("books seen").hasSizeGreaterThan(100);
            for (OrderBook book : books) {
                assertThat(canonical(book)).as("book %s at sequence %d", book.pair(), book.sequence())
                        .isEqualTo(venue.history(book.pair().base()).get(book.sequence()));
            }
            assertThat(trades).as("trades").hasSizeGreaterThan(100);
            for (int i = 1; i < trades.size(); i++) {
                assertThat(trades.get(i)).as("trade after %d", trades.get(i - 1)).isGreaterThan(trades.get(i - 1));
            }
        } finally {
            generator.dispose();
        }
    }

    private static Flux<Object> book(StreamEndpoint<Wire> stream, String base) {
        PairInfo info = new PairInfo(CurrencyPair.of(base, "USD"), base + "_USD", 0, 0, null, null, null);
        Flux<OrderBookUpdate> updates = stream
                .topic("book." + base, StreamOptions.defaults().overflowPolicy(StreamKind.BOOK_UPDATES), () -> RESYNC)
                .filter(wire -> wire != RESYNC) // the missing sequence makes the engine resync
                .map(wire -> (OrderBookUpdate) wire.payload());
        // the venue sends a snapshot in-stream on every subscription: no REST snapshot needed
        return OrderBookStream.watch(info, updates, Mono::empty, OrderBookStreamOptions.DEFAULTS.withDepth(DEPTH))
                .cast(Object.class);
    }

    static String canonical(OrderBook book) {
        return side(book.bids()) + " / " + side(book.asks());
    }

    private static String side(List<PriceLevel> levels) {
        return levels.stream().limit(DEPTH)
                .map(l -> l.price().stripTrailingZeros().toPlainString() + ":" + l.amount().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(","));
    }

    /**
     * The simulated venue: two books (bids 80..99, asks 101..120, never crossed) and a trade counter,
     * changed by one generator thread, sent to whichever session is open. Every book state is kept by
     * sequence so the client's books can be checked.
     */
    static final class SimVenue {
        private final SplittableRandom random = new SplittableRandom(42);
        private final Map<String, long[]> sequence = new HashMap<>();
        private final Map<String, NavigableMap<Long, Long>> bids = new HashMap<>();
        private final Map<String, NavigableMap<Long, Long>> asks = new HashMap<>();
        private final Map<String, Map<Long, String>> history = new ConcurrentHashMap<>();
        private long tradeId;

        SimVenue() {
            for (String pair : List.of("P1", "P2")) {
                sequence.put(pair, new long[] {0});
                bids.put(pair, new TreeMap<>());
                asks.put(pair, new TreeMap<>());
                history.put(pair, new ConcurrentHashMap<>());
                for (int i = 0; i < 15; i++) {
                    change(pair);
                }
            }
        }

        Map<Long, String> history(String pair) {
            return history.get(pair);
        }

        Mono<Void> serve(WsSession session, Scheduler generator) {
            session.dropAfterFrames(FRAMES_PER_CONNECTION);
            Set<String> live = ConcurrentHashMap.newKeySet();
            Mono<Void> subscriptions = session.inbound()
                    .filter(text -> text.startsWith("sub:"))
                    .publishOn(generator)
                    .doOnNext(text -> {
                        for (String topic : text.substring(4).split(",")) {
                            if (live.add(topic) && topic.startsWith("book.")) {
                                session.send(snapshotFrame(topic.substring(5)));
                            }
                        }
                    })
                    .then();
            Mono<Void> market = Flux.interval(Duration.ofMillis(1), generator)
                    .takeUntilOther(session.onClose())
                    .doOnNext(tick -> {
                        for (int i = 0; i < 3; i++) {
                            String pair = random.nextBoolean() ? "P1" : "P2";
                            String delta = change(pair);
                            if (live.contains("book." + pair)) {
                                session.send(delta);
                            }
                        }
                        long id = ++tradeId;
                        if (live.contains("trade.P1")) {
                            session.send("T|P1|" + id);
                        }
                    })
                    .then();
            return Mono.when(subscriptions, market);
        }

        /** One random change to a book; returns its frame. Generator thread only. */
        private String change(String pair) {
            boolean bid = random.nextBoolean();
            long price = bid ? 80 + random.nextInt(20) : 101 + random.nextInt(20);
            long amount = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(50);
            NavigableMap<Long, Long> side = (bid ? bids : asks).get(pair);
            if (amount == 0) {
                side.remove(price);
            } else {
                side.put(price, amount);
            }
            long previous = sequence.get(pair)[0];
            long next = ++sequence.get(pair)[0];
            history.get(pair).put(next, canonicalOf(pair));
            return "B|" + pair + "|D|" + next + "|" + previous + "|" + (bid ? "b" : "a") + "|" + price + "|" + amount;
        }

        private String snapshotFrame(String pair) {
            return "B|" + pair + "|S|" + sequence.get(pair)[0] + "|" + levels(bids.get(pair).descendingMap())
                    + "|" + levels(asks.get(pair));
        }

        private String canonicalOf(String pair) {
            return levelsCanonical(bids.get(pair).descendingMap()) + " / " + levelsCanonical(asks.get(pair));
        }

        private static String levels(Map<Long, Long> side) {
            return side.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
        }

        private static String levelsCanonical(Map<Long, Long> side) {
            return side.entrySet().stream().limit(DEPTH).map(e -> e.getKey() + ":" + e.getValue())
                    .collect(Collectors.joining(","));
        }
    }

    /** {@code B|pair|S|seq|bids|asks}, {@code B|pair|D|seq|prev|side|price|amount}, {@code T|pair|id}. */
    static final class SimDialect implements StreamDialect<Wire> {

        @Override
        public void decode(String frame, FrameSink<Wire> sink) {
            String[] f = frame.split("\\|", -1);
            if (f[0].equals("T")) {
                Wire trade = new Wire("trade." + f[1], Long.parseLong(f[2]));
                sink.next(trade, trade.topic());
                return;
            }
            CurrencyPair pair = CurrencyPair.of(f[1], "USD");
            long seq = Long.parseLong(f[3]);
            OrderBookUpdate update;
            if (f[2].equals("S")) {
                update = new OrderBookUpdate(pair, OrderBookUpdate.Kind.SNAPSHOT, OrderBookUpdate.Mode.ABSOLUTE,
                        parseLevels(f[4]), parseLevels(f[5]), seq, -1, Instant.EPOCH);
            } else {
                List<PriceLevel> level = List.of(new PriceLevel(new BigDecimal(f[6]), new BigDecimal(f[7])));
                boolean bid = f[5].equals("b");
                update = new OrderBookUpdate(pair, OrderBookUpdate.Kind.DELTA, OrderBookUpdate.Mode.ABSOLUTE,
                        bid ? level : List.of(), bid ? List.of() : level, seq, Long.parseLong(f[4]), Instant.EPOCH);
            }
            Wire book = new Wire("book." + f[1], update);
            sink.next(book, book.topic());
        }

        private static List<PriceLevel> parseLevels(String text) {
            if (text.isEmpty()) {
                return List.of();
            }
            List<PriceLevel> levels = new ArrayList<>();
            for (String level : text.split(",")) {
                String[] pq = level.split(":");
                levels.add(new PriceLevel(new BigDecimal(pq[0]), new BigDecimal(pq[1])));
            }
            return levels;
        }

        @Override
        public List<String> subscribeFrames(List<String> topics) {
            return List.of("sub:" + String.join(",", topics));
        }

        @Override
        public List<String> unsubscribeFrames(List<String> topics) {
            return List.of("unsub:" + String.join(",", topics));
        }

        @Override
        public HeartbeatStrategy heartbeat() {
            return Heartbeats.none();
        }
    }
}
