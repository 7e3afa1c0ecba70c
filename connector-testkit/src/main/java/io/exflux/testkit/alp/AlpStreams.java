package io.exflux.testkit.alp;

import static io.exflux.testkit.alp.AlpWire.MAPPER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.testkit.server.IdlePinger;
import io.exflux.testkit.server.TopicHub;
import io.exflux.testkit.server.WsSession;
import io.exflux.testkit.sim.MarketSpec;
import io.exflux.testkit.sim.MarketStats;
import io.exflux.testkit.sim.SimOrder;
import io.exflux.testkit.sim.SimEvent;
import io.exflux.testkit.sim.SimTrade;
import io.exflux.testkit.sim.VenueSimulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;

/**
 * ALP's websocket on top of the simulator: welcome, subscribe/unsubscribe with acks and errors, the
 * public {@code tk}, {@code t}, {@code r}, {@code d}, {@code p} frames, {@code auth} and the private
 * {@code o} and {@code w} frames, protocol PINGs after outbound silence, a text {@code 2} for a client's
 * text {@code 1} and the optional server-sent text keepalive. Subscriptions and logins live in a
 * {@link TopicHub}.
 */
final class AlpStreams {

    private static final Logger LOG = LoggerFactory.getLogger(AlpStreams.class);
    private static final int DEPTH_LEVELS = 20;

    /** One connection's text keepalive state (topics and login live in the {@link TopicHub}). */
    private static final class Client {
        final TopicHub.Member member;
        final WsSession session;
        volatile long textPingSentAt = -1;
        volatile long nextTextPing;

        Client(TopicHub.Member member, long now, long interval) {
            this.member = member;
            this.session = member.session();
            this.nextTextPing = now + interval;
        }
    }

    private final VenueSimulator sim;
    private final AlpSimulatorOptions options;
    private final AlpJwt jwt;
    private final Clock clock;
    private final TopicHub hub;
    private final IdlePinger pinger;
    private final Map<WsSession, Client> clients = new ConcurrentHashMap<>();
    /**
     * Snapshot sequence of the last {@code p} / {@code tk} sent per pair. Comparing the snapshot's own
     * sequence (not a dirty flag set by events) means a frame never shows a book older than the last
     * change: the snapshot is refreshed after the events of a call are out.
     */
    private final Map<CurrencyPair, Long> depthSent = new ConcurrentHashMap<>();
    private final Map<CurrencyPair, Long> tickerSent = new ConcurrentHashMap<>();
    private final Disposable.Composite running = Disposables.composite();

    AlpStreams(VenueSimulator sim, AlpSimulatorOptions options, AlpJwt jwt) {
        this.sim = sim;
        this.options = options;
        this.jwt = jwt;
        this.clock = options.clock();
        this.hub = new TopicHub(options.maxTopics());
        this.pinger = new IdlePinger(options.pingInterval(), options.timer());
    }

    /** Starts listening to the simulator and the periodic frames. */
    void start() {
        running.add(sim.events().subscribe(this::onEventSafely, error -> LOG.error("simulator event feed failed", error)));
        running.add(Flux.interval(options.depthInterval(), options.timer())
                .subscribe(tick -> publishDepth(), error -> LOG.error("depth publisher failed", error)));
        running.add(Flux.interval(options.tickerInterval(), options.timer())
                .subscribe(tick -> publishTickers(), error -> LOG.error("ticker publisher failed", error)));
        running.add(pinger);
        if (options.textKeepalive()) {
            long check = Math.max(50, Math.min(1000, options.pingInterval().toMillis() / 4));
            running.add(Flux.interval(java.time.Duration.ofMillis(check), options.timer())
                    .subscribe(tick -> textKeepalive(), error -> LOG.error("text keepalive failed", error)));
        }
    }

    void stop() {
        running.dispose();
    }

    /** The script of one websocket session. */
    Publisher<Void> run(WsSession session) {
        Client client = new Client(hub.join(session), timerNow(), options.pingInterval().toMillis());
        clients.put(session, client);
        pinger.watch(session);
        long interval = options.pingInterval().toMillis();
        long timeout = options.pingTimeout().toMillis();
        if (options.welcomeInNanoseconds()) {
            interval = TimeUnit.MILLISECONDS.toNanos(interval);
            timeout = TimeUnit.MILLISECONDS.toNanos(timeout);
        }
        ArrayNode welcome = MAPPER.createArrayNode().add("welcome").add(ts()).add(interval).add(timeout)
                .add(clientId().toString());
        session.send(welcome.toString());
        return session.inbound()
                .doOnNext(text -> receive(client, text))
                .doFinally(signal -> clients.remove(session))
                .then();
    }

    /** A version-4 UUID from a non-blocking source (UUID.randomUUID may read /dev/urandom on an event loop). */
    private static UUID clientId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** Number of websocket sessions open now. */
    int sessionCount() {
        return hub.size();
    }

    // ---------------------------------------------------------------- inbound

    private void receive(Client client, String text) {
        WsSession session = client.session;
        if (text.length() > options.maxFrameBytes()
                || text.getBytes(StandardCharsets.UTF_8).length > options.maxFrameBytes()) {
            session.close(1009, "message too big");
            return;
        }
        String trimmed = text.trim();
        if (trimmed.equals("1") || trimmed.equals("2")) {
            if (options.dropOnTextKeepalive()) {
                session.drop(); // the live venue closes the socket (1006) on a text 1 or 2
            } else if (trimmed.equals("2")) {
                client.textPingSentAt = -1;
                client.nextTextPing = timerNow() + options.pingInterval().toMillis();
            } else {
                session.send("2");
            }
            return;
        }
        JsonNode frame;
        try {
            frame = MAPPER.readTree(trimmed);
        } catch (IOException malformed) {
            frame = null;
        }
        if (frame == null || !frame.isArray() || frame.isEmpty() || !frame.get(0).isTextual()) {
            session.drop(); // the live venue closes the socket (1006) on anything but a command array
            return;
        }
        String command = frame.get(0).asText();
        List<String> args = new ArrayList<>();
        for (int i = 1; i < frame.size(); i++) {
            args.add(frame.get(i).asText());
        }
        switch (command) {
            case "subscribe":
                subscribe(client, args);
                break;
            case "unsubscribe":
                hub.unsubscribe(client.member, args);
                session.send(ack("unsubscribe", args));
                break;
            case "auth":
                OptionalLong account = args.isEmpty() ? OptionalLong.empty() : jwt.verify(args.get(0));
                if (account.isPresent()) {
                    client.member.authenticate(account.getAsLong());
                } else {
                    session.send(error("Invalid token", "auth"));
                }
                break;
            default:
                session.send(error("Unknown command: " + command, command));
                break;
        }
    }

    private void subscribe(Client client, List<String> topics) {
        List<String> accepted = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        boolean tooMany = false;
        for (String topic : topics) {
            if (!valid(topic)) {
                errors.add(options.liveErrorFrames() ? error("Invalid topic: " + topic, "subscribe")
                        : MAPPER.createArrayNode().add("error").add(ts()).add("Topic does not exist").toString());
            } else if (hub.subscribe(client.member, topic) == TopicHub.Outcome.FULL) {
                tooMany = true;
            } else {
                accepted.add(topic);
            }
        }
        if (!accepted.isEmpty()) {
            client.session.send(ack("subscribe", accepted));
        }
        errors.forEach(client.session::send);
        if (tooMany) {
            client.session.send(error("Too many topics", "subscribe"));
        }
    }

    private boolean valid(String topic) {
        if (topic.equals("ticker.*") || topic.equals("trade.*") || topic.equals("rates.*")) {
            return true;
        }
        int dot = topic.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        String channel = topic.substring(0, dot);
        if (!List.of("ticker", "trade", "rates", "diff", "market_depth").contains(channel)) {
            return false;
        }
        CurrencyPair pair = AlpWire.pair(topic.substring(dot + 1));
        return pair != null && sim.market(pair).isPresent();
    }

    // ---------------------------------------------------------------- outbound

    /** One event that cannot be turned into frames is logged, never allowed to end the feed for everyone. */
    private void onEventSafely(SimEvent event) {
        try {
            onEvent(event);
        } catch (RuntimeException failure) {
            LOG.error("could not publish simulator event {}", event.sequence(), failure);
        }
    }

    private void onEvent(SimEvent event) {
        if (hub.size() == 0) {
            return;
        }
        if (event instanceof SimEvent.Traded traded) {
            SimTrade trade = traded.trade();
            hub.publish(() -> AlpWire.tradeFrame(ts(), trade, spec(trade.pair())),
                    "trade.*", "trade." + AlpWire.symbol(trade.pair()));
        } else if (event instanceof SimEvent.BookChanged changed) {
            hub.publish(() -> diffFrame(changed), "diff." + AlpWire.symbol(changed.pair()));
        } else if (event instanceof SimEvent.OrderUpdated updated) {
            SimOrder order = updated.order();
            hub.publishPrivate(order.accountId(), () -> AlpWire.orderFrame(ts(), order, spec(order.pair())));
        } else if (event instanceof SimEvent.BalanceUpdated balance) {
            hub.publishPrivate(balance.balance().accountId(), () -> AlpWire.walletFrame(ts(), balance.balance()));
        }
    }

    private String diffFrame(SimEvent.BookChanged changed) {
        MarketSpec spec = spec(changed.pair());
        ArrayNode frame = MAPPER.createArrayNode().add("d").add(ts()).add(AlpWire.symbol(changed.pair()));
        ArrayNode data = frame.addArray();
        ArrayNode asks = data.addArray();
        ArrayNode bids = data.addArray();
        ArrayNode entry = (changed.side() == Side.SELL ? asks : bids).addArray();
        entry.add(AlpWire.fixed(changed.price(), spec.pricePrecision()))
                .add(AlpWire.fixed(changed.delta(), spec.amountPrecision()));
        return frame.toString();
    }

    private void publishDepth() {
        for (MarketSpec market : sim.markets()) {
            CurrencyPair pair = market.pair();
            String topic = "market_depth." + AlpWire.symbol(pair);
            if (!hub.listening(topic)) {
                continue;
            }
            OrderBook book = sim.book(pair, DEPTH_LEVELS);
            Long sent = depthSent.put(pair, book.sequence());
            if (sent == null || sent != book.sequence()) {
                hub.publish(() -> depthFrame(pair, book), topic);
            }
        }
    }

    private String depthFrame(CurrencyPair pair, OrderBook book) {
        MarketSpec spec = spec(pair);
        ObjectNode payload = MAPPER.createObjectNode();
        BigDecimal totalAsks = levels(payload.putArray("Asks"), book.asks(), spec);
        BigDecimal totalBids = levels(payload.putArray("Bids"), book.bids(), spec);
        payload.put("Symbol", AlpWire.symbol(pair));
        payload.put("TotalAsks", AlpWire.fixed(totalAsks, spec.amountPrecision()));
        payload.put("TotalBids", AlpWire.fixed(totalBids, spec.amountPrecision()));
        ArrayNode frame = MAPPER.createArrayNode().add("p").add(ts());
        frame.add(payload);
        return frame.toString();
    }

    private static BigDecimal levels(ArrayNode out, List<PriceLevel> levels, MarketSpec spec) {
        BigDecimal total = BigDecimal.ZERO;
        for (PriceLevel level : levels) {
            out.addArray().add(AlpWire.fixed(level.price(), spec.pricePrecision()))
                    .add(AlpWire.fixed(level.amount(), spec.amountPrecision()));
            total = total.add(level.amount());
        }
        return total;
    }

    private void publishTickers() {
        if (hub.size() == 0) {
            return;
        }
        List<CurrencyPair> changed = new ArrayList<>();
        for (MarketSpec market : sim.markets()) {
            long sequence = sim.book(market.pair(), 0).sequence();
            Long sent = tickerSent.put(market.pair(), sequence);
            if (sent == null || sent != sequence) {
                changed.add(market.pair());
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        long ts = ts();
        List<ArrayNode> rows = new ArrayList<>();
        for (CurrencyPair pair : changed) {
            rows.add(tickerRow(pair));
        }
        for (TopicHub.Member m : hub.members()) {
            ArrayNode frame = MAPPER.createArrayNode().add("tk").add(ts);
            for (int i = 0; i < changed.size(); i++) {
                if (m.wants("ticker.*") || m.wants("ticker." + AlpWire.symbol(changed.get(i)))) {
                    frame.add(rows.get(i));
                }
            }
            if (frame.size() > 2) {
                m.session().send(frame.toString());
            }
        }
        ArrayNode rates = MAPPER.createArrayNode().add("r").add(ts);
        ArrayNode list = rates.addArray();
        for (MarketSpec m : sim.markets()) {
            List<SimTrade> trades = sim.trades(m.pair());
            if (!trades.isEmpty()) {
                list.addArray().add(AlpWire.fixed(trades.get(trades.size() - 1).price(), m.pricePrecision()))
                        .add(m.base()).add(m.quote());
            }
        }
        hub.publish(rates::toString, "rates.*");
    }

    private ArrayNode tickerRow(CurrencyPair pair) {
        MarketSpec spec = spec(pair);
        int ps = spec.pricePrecision();
        MarketStats.Day day = MarketStats.day(sim.trades(pair), clock.instant());
        OrderBook top = sim.book(pair, 1);
        BigDecimal last = day.last() == null ? BigDecimal.ZERO : day.last();
        BigDecimal open = day.open() == null ? last : day.open();
        BigDecimal change = open.signum() == 0 ? BigDecimal.ZERO
                : last.subtract(open).multiply(BigDecimal.valueOf(100)).divide(open, 8, RoundingMode.HALF_EVEN);
        ArrayNode row = MAPPER.createArrayNode();
        row.add(AlpWire.symbol(pair)).add(AlpWire.fixed(last, ps))
                .add(AlpWire.fixed(day.volume(), 8)).add(AlpWire.fixed(day.quoteVolume(), 8))
                .add(AlpWire.fixed(change, 8))
                .add(AlpWire.fixed(day.high() == null ? last : day.high(), ps))
                .add(AlpWire.fixed(day.low() == null ? last : day.low(), ps))
                .add(AlpWire.fixed(top.bestBid().map(PriceLevel::price).orElse(BigDecimal.ZERO), ps))
                .add(AlpWire.fixed(top.bestAsk().map(PriceLevel::price).orElse(BigDecimal.ZERO), ps));
        return row;
    }

    /** The documented text keepalive: {@code 1} every ping interval, closed when no {@code 2} comes in time. */
    private void textKeepalive() {
        long now = timerNow();
        for (Client c : clients.values()) {
            if (c.textPingSentAt < 0 && now >= c.nextTextPing) {
                c.textPingSentAt = now;
                c.session.send("1");
            } else if (c.textPingSentAt >= 0 && now - c.textPingSentAt >= options.pingTimeout().toMillis()) {
                c.session.close(1000, "pong timeout");
            }
        }
    }

    private MarketSpec spec(CurrencyPair pair) {
        return sim.market(pair).orElseThrow();
    }

    private long ts() {
        return clock.instant().getEpochSecond();
    }

    private long timerNow() {
        return options.timer().now(TimeUnit.MILLISECONDS);
    }

    private String ack(String command, List<String> topics) {
        ArrayNode frame = MAPPER.createArrayNode().add(command).add(ts());
        topics.forEach(frame::add);
        return frame.toString();
    }

    private String error(String message, String command) {
        return MAPPER.createArrayNode().add("error").add(ts()).add(message).add(command).toString();
    }
}
