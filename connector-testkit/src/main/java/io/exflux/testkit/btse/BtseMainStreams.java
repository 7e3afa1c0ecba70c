package io.exflux.testkit.btse;

import static io.exflux.testkit.btse.BtseWire.MAPPER;
import static io.exflux.testkit.btse.BtseWire.number;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exflux.api.model.CurrencyPair;
import io.exflux.testkit.server.TopicHub;
import io.exflux.testkit.server.WsSession;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.sim.SimOrder;
import io.exflux.testkit.sim.SimTrade;
import io.exflux.testkit.sim.VenueSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;

/**
 * The main host ({@code /ws/spot}): public {@code tradeHistoryApi:<SYMBOL>} (also the official sample's
 * {@code tradeHistory:<SYMBOL>}; the first frame is a batch of recent trades, newest first), the
 * {@code authKeyExpires} login (answered {@code {"event":"login","success":..}}), and the private
 * {@code notificationApiV2} (one order update per frame, {@code data} an object) and {@code fills}.
 * A private topic subscribed before the login is acknowledged and stays silent until the login, as the
 * document says. Book topics sent here are left out of the ack, silently, as the venue does.
 */
final class BtseMainStreams {

    static final String NOTIFICATIONS = "notificationApiV2";
    static final String FILLS = "fills";
    private static final List<String> TRADE_PREFIXES = List.of("tradeHistoryApi:", "tradeHistory:");
    private static final int RECENT_TRADES = 10;

    private final VenueSimulator sim;
    private final ApiKeys keys;
    private final TopicHub hub;
    private final BtseIdleWatch idle;

    BtseMainStreams(VenueSimulator sim, ApiKeys keys, BtseSimulatorOptions options) {
        this.sim = sim;
        this.keys = keys;
        this.hub = new TopicHub(options.maxTopics());
        this.idle = new BtseIdleWatch(options.idleTimeout(), options.timer());
    }

    void stop() {
        idle.dispose();
    }

    int sessionCount() {
        return hub.size();
    }

    Publisher<Void> run(WsSession session) {
        TopicHub.Member member = hub.join(session);
        idle.watch(session);
        return session.inbound().doOnNext(text -> {
            if (!idle.heard(session, text)) {
                BtseFrames.receive(hub, member, text, host);
            }
        }).then();
    }

    // ---------------------------------------------------------------- inbound

    /** The main host's operations: subscribe, and the {@code authKeyExpires} login. */
    private final BtseFrames.Host host = new BtseFrames.Host() {
        @Override
        public void subscribe(TopicHub.Member member, List<String> topics) {
            BtseMainStreams.this.subscribe(member, topics);
        }

        @Override
        public boolean other(TopicHub.Member member, BtseFrames.Command command) {
            if (!command.op().equals("authKeyExpires")) {
                return false;
            }
            login(member, command.args());
            return true;
        }
    };

    /** {@code [apiKey, nonce, HMAC-SHA384(secret, "/ws/spot" + nonce)]}. */
    private void login(TopicHub.Member member, List<String> args) {
        ApiKeys.ApiKey key = args.size() == 3 ? keys.byKey(args.get(0)).orElse(null) : null;
        boolean ok = key != null && BtseSignature.verify(key.secret(), BtseSignature.WS_LOGIN_PATH, args.get(1), "",
                args.get(2));
        if (ok) {
            member.authenticate(key.accountId());
        }
        member.session().send(MAPPER.createObjectNode().put("event", "login").put("success", ok).toString());
    }

    private void subscribe(TopicHub.Member member, List<String> topics) {
        WsSession session = member.session();
        List<String> acked = new ArrayList<>();
        List<String> tradeTopics = new ArrayList<>();
        for (String topic : topics) {
            if (topic.startsWith("update:") || topic.startsWith("snapshotL1:")) {
                continue; // a book topic on the main host: dropped from the ack, no error
            }
            CurrencyPair tradePair = tradePair(topic);
            boolean known = topic.equals(NOTIFICATIONS) || topic.equals(FILLS) || tradePair != null;
            if (!known) {
                boolean tradeSpelling = TRADE_PREFIXES.stream().anyMatch(topic::startsWith);
                session.send(tradeSpelling
                        ? BtseFrames.error(topic, BtseFrames.MARKET_NOT_SUPPORTED, "Market pair provided is currently not supported.")
                        : BtseFrames.error(topic, BtseFrames.TOPIC_DOES_NOT_EXIST, "Topic does not exist"));
                continue;
            }
            if (hub.subscribe(member, topic) == TopicHub.Outcome.FULL) {
                session.send(BtseFrames.error(topic, BtseFrames.INVALID_REQUEST, "Too many topics on one connection"));
                continue;
            }
            acked.add(topic);
            if (tradePair != null) {
                tradeTopics.add(topic);
            }
        }
        if (!acked.isEmpty()) {
            session.send(BtseFrames.ack("subscribe", acked));
        }
        for (String topic : tradeTopics) {
            List<SimTrade> trades = sim.trades(tradePair(topic));
            ArrayNode batch = MAPPER.createArrayNode();
            for (int i = trades.size() - 1; i >= 0 && batch.size() < RECENT_TRADES; i--) {
                batch.add(trade(trades.get(i)));
            }
            if (!batch.isEmpty()) {
                session.send(BtseFrames.topic(topic, batch));
            }
        }
    }

    private CurrencyPair tradePair(String topic) {
        for (String prefix : TRADE_PREFIXES) {
            if (topic.startsWith(prefix)) {
                CurrencyPair pair = BtseWire.pair(topic.substring(prefix.length()));
                return pair != null && sim.market(pair).isPresent() ? pair : null;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- outbound (simulator thread, event order)

    void onTrade(SimTrade t, BtseOrders.Entry maker, BtseOrders.Entry taker) {
        String symbol = BtseWire.symbol(t.pair());
        for (String prefix : TRADE_PREFIXES) {
            String topic = prefix + symbol;
            hub.publish(() -> BtseFrames.topic(topic, MAPPER.createArrayNode().add(trade(t))), topic);
        }
        if (maker != null) {
            fill(t, t.makerAccount(), maker);
        }
        if (taker != null && taker != maker) {
            fill(t, t.takerAccount(), taker);
        }
    }

    void onOrder(BtseOrders.Entry entry, SimOrder order) {
        int status = BtseOrderRows.status(order);
        privately(entry.account, NOTIFICATIONS,
                () -> BtseFrames.topic(NOTIFICATIONS, BtseOrderRows.notification(entry, order, status)));
    }

    private void fill(SimTrade t, long account, BtseOrders.Entry entry) {
        String cl = entry.extras.clOrderId();
        int type = BtseOrderRows.orderType(entry, entry.last);
        privately(account, FILLS, () -> BtseFrames.topic(FILLS,
                MAPPER.createArrayNode().add(BtseOrderRows.fill(t, account, entry.orderId, cl, type))));
    }

    /** Sends to the sessions logged in as this account that subscribed to the topic. */
    private void privately(long account, String topic, Supplier<String> frame) {
        String text = null;
        for (TopicHub.Member m : hub.members()) {
            if (m.principal() == account && m.wants(topic)) {
                text = text != null ? text : frame.get();
                m.session().send(text);
            }
        }
    }

    private static ObjectNode trade(SimTrade t) {
        return MAPPER.createObjectNode().put("symbol", BtseWire.symbol(t.pair())).put("side", BtseWire.side(t.takerSide()))
                .put("size", number(t.amount())).put("price", number(t.price())).put("tradeId", t.id())
                .put("timestamp", t.time().toEpochMilli());
    }
}
