package io.exflux.testkit.btse;

import static io.exflux.testkit.btse.BtseWire.MAPPER;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.PriceLevel;
import io.exflux.testkit.server.TopicHub;
import io.exflux.testkit.server.WsSession;
import io.exflux.testkit.sim.MarketSpec;
import io.exflux.testkit.sim.VenueSimulator;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * The order-book host ({@code /ws/oss/spot}): {@code update:<SYMBOL>_<grouping>} sends a snapshot (at most
 * 50 levels a side) and then, every book interval in which the window changed, a delta of the levels whose
 * size changed ({@code "0"}: gone, also when a level leaves the 50-level window) with {@code seqNum} and
 * {@code prevSeqNum}; {@code snapshotL1:<SYMBOL>} sends the top level when it changes.
 *
 * <p>One sequence chain per topic: a new subscriber's snapshot carries the chain's current number and the
 * chain goes on, also across re-subscriptions. Snapshot bids and asks are both best-last for asks
 * (descending prices, as the venue was seen to send them); deltas carry the topic without grouping, as the
 * document's example does, so clients route by {@code data.symbol}. Every frame of this host is built and
 * sent on one worker, so a session's snapshot and deltas leave in chain order.
 *
 * <p>Faults for tests: {@link #forceGap(CurrencyPair)} makes the next delta of each chain of a market skip
 * a number; {@link #forceCrossedBook(CurrencyPair)} sends a delta that crosses the book (a bid above the best
 * ask) without changing the chain's own book, so only a client that resubscribes gets clean again.
 */
final class BtseBookStreams {

    private static final Logger LOG = LoggerFactory.getLogger(BtseBookStreams.class);
    private static final String UPDATE = "update:";
    private static final String L1 = "snapshotL1:";
    private static final int MAX_GROUPING = 8;

    /** One topic's chain: the book last sent and its sequence number. */
    private static final class Chain {
        final String topic;
        final MarketSpec market;
        final int grouping;
        final boolean silent;
        OrderBook sent;
        long seq;

        Chain(String topic, MarketSpec market, int grouping, boolean silent, long firstSeq) {
            this.topic = topic;
            this.market = market;
            this.grouping = grouping;
            this.silent = silent;
            this.seq = firstSeq;
        }
    }

    private final VenueSimulator sim;
    private final BtseSimulatorOptions options;
    private final Clock clock;
    private final TopicHub hub;
    private final BtseIdleWatch idle;
    private final Scheduler.Worker worker;
    private final Map<String, Chain> chains = new ConcurrentHashMap<>();
    private final Map<String, PriceLevel[]> l1Sent = new ConcurrentHashMap<>();
    private final Set<CurrencyPair> gaps = ConcurrentHashMap.newKeySet();
    private final Set<CurrencyPair> crosses = ConcurrentHashMap.newKeySet();
    private final Disposable.Composite running = Disposables.composite();
    private long seqSeed = 628281;

    BtseBookStreams(VenueSimulator sim, BtseSimulatorOptions options) {
        this.sim = sim;
        this.options = options;
        this.clock = options.clock();
        this.hub = new TopicHub(options.maxTopics());
        this.idle = new BtseIdleWatch(options.idleTimeout(), options.timer());
        this.worker = options.timer().createWorker();
    }

    void start() {
        running.add(worker);
        running.add(idle);
        running.add(Flux.interval(options.bookInterval(), options.timer())
                .subscribe(tick -> worker.schedule(this::publish), error -> LOG.error("book publisher stopped", error)));
    }

    void stop() {
        running.dispose();
    }

    int sessionCount() {
        return hub.size();
    }

    void forceGap(CurrencyPair pair) {
        gaps.add(pair);
    }

    void forceCrossedBook(CurrencyPair pair) {
        crosses.add(pair);
    }

    /** The script of one session. */
    Publisher<Void> run(WsSession session) {
        TopicHub.Member member = hub.join(session);
        idle.watch(session);
        return session.inbound().doOnNext(text -> {
            if (!idle.heard(session, text)) {
                worker.schedule(() -> BtseFrames.receive(hub, member, text, this::subscribe));
            }
        }).then();
    }

    // ---------------------------------------------------------------- inbound (on the worker)

    private void subscribe(TopicHub.Member member, List<String> topics) {
        WsSession session = member.session();
        List<String> acked = new ArrayList<>();
        List<Runnable> firsts = new ArrayList<>();
        for (String topic : topics) {
            Optional<String> refusal = validate(topic);
            if (refusal.isPresent()) {
                session.send(refusal.get());
                continue;
            }
            if (hub.subscribe(member, topic) == TopicHub.Outcome.FULL) {
                session.send(BtseFrames.error(topic, BtseFrames.INVALID_REQUEST,
                        "At most " + options.maxTopics() + " topics per connection"));
                continue;
            }
            acked.add(topic);
            firsts.add(() -> first(session, topic));
        }
        if (!acked.isEmpty()) {
            session.send(BtseFrames.ack("subscribe", acked));
        }
        firsts.forEach(Runnable::run);
    }

    /** Null when the topic is served; else the error frame that refuses it. */
    private Optional<String> validate(String topic) {
        String rest;
        if (topic.startsWith(UPDATE)) {
            rest = topic.substring(UPDATE.length());
        } else if (topic.startsWith(L1)) {
            rest = topic.substring(L1.length());
        } else {
            return Optional.of(BtseFrames.error(topic, BtseFrames.TOPIC_DOES_NOT_EXIST, "Topic does not exist"));
        }
        String symbol = rest.contains("_") ? rest.substring(0, rest.indexOf('_')) : rest;
        CurrencyPair pair = BtseWire.pair(symbol);
        if (pair == null || sim.market(pair).isEmpty()) {
            return Optional.of(BtseFrames.error(topic, BtseFrames.MARKET_NOT_SUPPORTED,
                    "Market pair provided is currently not supported."));
        }
        if (rest.contains("_") && !rest.substring(rest.indexOf('_') + 1).matches("\\d{1,2}")) {
            return Optional.of(BtseFrames.error(topic, BtseFrames.INVALID_REQUEST, "Invalid grouping"));
        }
        return Optional.empty();
    }

    /** What a (re)subscription gets first: the chain's snapshot, or the current top level. */
    private void first(WsSession session, String topic) {
        if (topic.startsWith(L1)) {
            session.send(l1Frame(topic, top(marketOf(topic))));
            return;
        }
        Chain chain = chain(topic);
        if (chain.silent) {
            return; // an out-of-range grouping is acknowledged, then nothing (as the venue was seen to do)
        }
        if (chain.sent == null) {
            chain.sent = current(chain);
            chain.seq++;
        }
        session.send(bookFrame(chain.topic, chain, chain.sent.bids(), descending(chain.sent.asks()), chain.seq - 1,
                chain.seq, "snapshot"));
    }

    // ---------------------------------------------------------------- outbound (on the worker)

    private void publish() {
        for (Chain chain : chains.values()) {
            if (chain.silent) {
                continue;
            }
            if (!hub.listening(chain.topic)) {
                chain.sent = null; // the next subscriber starts from the book of its time; the numbers go on
                continue;
            }
            if (chain.sent == null) {
                continue;
            }
            CurrencyPair pair = chain.market.pair();
            OrderBook now = current(chain);
            List<PriceLevel> bids = diff(chain.sent.bids(), now.bids());
            List<PriceLevel> asks = diff(chain.sent.asks(), now.asks());
            boolean gap = gaps.contains(pair);
            if (!bids.isEmpty() || !asks.isEmpty() || gap) {
                long prev = gap ? chain.seq + 1 : chain.seq;
                chain.seq = prev + 1;
                chain.sent = now;
                String frame = bookFrame(UPDATE + BtseWire.symbol(pair), chain, bids, asks, prev, chain.seq, "delta");
                hub.publish(() -> frame, chain.topic);
            }
            if (crosses.contains(pair)) {
                long prev = chain.seq;
                chain.seq++;
                String frame = crossingFrame(chain, prev);
                hub.publish(() -> frame, chain.topic);
            }
        }
        gaps.clear();
        crosses.clear();
        publishL1();
    }

    private void publishL1() {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (TopicHub.Member m : hub.members()) {
            for (String topic : m.topics()) {
                if (topic.startsWith(L1) && seen.putIfAbsent(topic, true) == null) {
                    PriceLevel[] top = top(marketOf(topic));
                    PriceLevel[] before = l1Sent.put(topic, top);
                    if (before == null || !java.util.Arrays.equals(before, top)) {
                        String frame = l1Frame(topic, top);
                        hub.publish(() -> frame, topic);
                    }
                }
            }
        }
    }

    /** The levels of {@code after} whose size differs from {@code before}, and {@code "0"} for those gone. */
    private static List<PriceLevel> diff(List<PriceLevel> before, List<PriceLevel> after) {
        Map<BigDecimal, BigDecimal> old = new LinkedHashMap<>();
        before.forEach(l -> old.put(l.price().stripTrailingZeros(), l.amount()));
        List<PriceLevel> out = new ArrayList<>();
        for (PriceLevel l : after) {
            BigDecimal was = old.remove(l.price().stripTrailingZeros());
            if (was == null || was.compareTo(l.amount()) != 0) {
                out.add(l);
            }
        }
        old.keySet().forEach(price -> out.add(new PriceLevel(price, BigDecimal.ZERO)));
        return out;
    }

    private String crossingFrame(Chain chain, long prev) {
        OrderBook book = chain.sent;
        BigDecimal tick = chain.market.tickSize();
        List<PriceLevel> bids = List.of();
        List<PriceLevel> asks = List.of();
        if (book.bestAsk().isPresent()) {
            bids = List.of(new PriceLevel(book.bestAsk().get().price().add(tick), BigDecimal.ONE));
        } else if (book.bestBid().isPresent()) {
            asks = List.of(new PriceLevel(book.bestBid().get().price().subtract(tick).max(tick), BigDecimal.ONE));
        } else {
            bids = List.of(new PriceLevel(tick.add(tick), BigDecimal.ONE));
            asks = List.of(new PriceLevel(tick, BigDecimal.ONE));
        }
        return bookFrame(UPDATE + BtseWire.symbol(chain.market.pair()), chain, bids, asks, prev, chain.seq, "delta");
    }

    private String bookFrame(String topic, Chain chain, List<PriceLevel> bids, List<PriceLevel> asks, long prev,
                             long seq, String type) {
        ObjectNode data = MAPPER.createObjectNode();
        levels(data.putArray("bids"), bids);
        levels(data.putArray("asks"), asks);
        data.put("seqNum", seq).put("prevSeqNum", prev).put("type", type).put("timestamp", clock.millis())
                .put("symbol", BtseWire.symbol(chain.market.pair()));
        return BtseFrames.topic(topic, data);
    }

    private String l1Frame(String topic, PriceLevel[] top) {
        ObjectNode data = MAPPER.createObjectNode();
        ArrayNode bids = data.putArray("bids");
        ArrayNode asks = data.putArray("asks");
        if (top[0] != null) {
            bids.addArray().add(BtseWire.text(top[0].price())).add(BtseWire.text(top[0].amount()));
        }
        if (top[1] != null) {
            asks.addArray().add(BtseWire.text(top[1].price())).add(BtseWire.text(top[1].amount()));
        }
        data.put("type", "snapshotL1").put("symbol", BtseWire.symbol(marketOf(topic).pair()))
                .put("timestamp", clock.millis());
        return BtseFrames.topic(topic, data);
    }

    private static void levels(ArrayNode out, List<PriceLevel> levels) {
        levels.forEach(l -> out.addArray().add(BtseWire.text(l.price())).add(BtseWire.text(l.amount())));
    }

    // ---------------------------------------------------------------- helpers

    private Chain chain(String topic) {
        return chains.computeIfAbsent(topic, t -> {
            String rest = t.substring(UPDATE.length());
            int underscore = rest.indexOf('_');
            int grouping = underscore < 0 ? 0 : Integer.parseInt(rest.substring(underscore + 1));
            return new Chain(t, marketOf(t), grouping, grouping > MAX_GROUPING, seqSeed += 1000);
        });
    }

    private MarketSpec marketOf(String topic) {
        String rest = topic.substring(topic.indexOf(':') + 1);
        String symbol = rest.contains("_") ? rest.substring(0, rest.indexOf('_')) : rest;
        return sim.market(BtseWire.pair(symbol)).orElseThrow();
    }

    private OrderBook current(Chain chain) {
        OrderBook raw = sim.book(chain.market.pair(), options.bookLevels() * (chain.grouping + 1));
        return BtseBookGrouping.group(raw, chain.market, chain.grouping).depth(options.bookLevels());
    }

    private PriceLevel[] top(MarketSpec market) {
        OrderBook book = sim.book(market.pair(), 1);
        return new PriceLevel[] {book.bestBid().orElse(null), book.bestAsk().orElse(null)};
    }

    private static List<PriceLevel> descending(List<PriceLevel> asks) {
        List<PriceLevel> out = new ArrayList<>(asks);
        Collections.reverse(out);
        return out;
    }
}
