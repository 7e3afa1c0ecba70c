package io.exflux.testkit.v1;

import static io.exflux.testkit.v1.V1Wire.MAPPER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exflux.testkit.server.TopicHub;
import io.exflux.testkit.server.WsSession;
import io.exflux.testkit.sim.MarketSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The v1 platform's order-book socket over websocket only: engine.io protocol 3 or 4 (the client's
 * {@code EIO} query parameter; anything else, or a transport other than {@code websocket}, is closed at
 * once), with socket.io on top for bitexbit (revision 4 on engine.io 3: the server connects the main
 * namespace unasked; revision 5 on engine.io 4: the client sends CONNECT and gets its {@code sid}) and bare
 * engine.io messages ({@code 4<json>}) for BTC-Alpha.
 *
 * <p>Heartbeats go the version's way: on engine.io 3 the client pings and the server answers, and a client
 * silent for {@code pingInterval + pingTimeout} is closed; on engine.io 4 the server pings every
 * {@code pingInterval} and closes a client whose pong is not in within {@code pingTimeout}. A heartbeat
 * the wrong way closes the session, as the reference server does.
 *
 * <p>Subscribing is the event {@code ["subscribe", "book_<PAIR>"]} (socket.io {@code 42[...]}, bare
 * {@code 4[...]}) for a listed pair; {@code unsubscribe} undoes it; other channels are ignored. Book events
 * go to the sockets of the channel: socket.io as the event named after the channel, {@code 42["book_BTC_USD",
 * {...}]}, bare engine.io as the document's object alone, {@code 4{...}}. Memory: channels per socket are
 * bounded, inbound frames kept for replay are bounded by the server; nothing else is kept per socket.
 */
final class V1Sockets {

    private static final int MAX_PAYLOAD = 1_000_000;

    /** One socket's protocol state. */
    private final class Client {
        final WsSession session;
        final TopicHub.Member member;
        final boolean v4;
        volatile boolean namespaceConnected;
        volatile long lastReceived;
        volatile long lastPong;

        Client(WsSession session, TopicHub.Member member, boolean v4) {
            this.session = session;
            this.member = member;
            this.v4 = v4;
            this.lastReceived = now();
            this.lastPong = lastReceived;
        }
    }

    private final V1Dialect dialect;
    private final V1SimulatorOptions options;
    private final Scheduler timer;
    private final TopicHub hub;
    private final Set<String> channels;

    V1Sockets(V1SimulatorOptions options, List<MarketSpec> markets) {
        this.dialect = options.dialect();
        this.options = options;
        this.timer = options.timer();
        this.hub = new TopicHub(options.maxChannels());
        this.channels = markets.stream().map(m -> channel(m)).collect(Collectors.toUnmodifiableSet());
    }

    static String channel(MarketSpec market) {
        return channel(V1Wire.symbol(market.pair()));
    }

    static String channel(String symbol) {
        return "book_" + symbol;
    }

    /** Sockets open now. */
    int size() {
        return hub.size();
    }

    /** Sends a book event of this pair's channel to every socket subscribed to it. */
    void publish(String symbol, ObjectNode payload) {
        String channel = channel(symbol);
        hub.publish(() -> dialect.socketIo()
                ? "42" + MAPPER.createArrayNode().add(channel).add(payload)
                : "4" + payload, channel);
    }

    /** The script of one websocket session. */
    Publisher<Void> run(WsSession session) {
        String eio = session.upgradeRequest().queryParam("EIO");
        String transport = session.upgradeRequest().queryParam("transport");
        if (!"websocket".equals(transport) || !("3".equals(eio) || "4".equals(eio))) {
            session.close(1002, "unsupported protocol version or transport");
            return Mono.empty();
        }
        Client client = new Client(session, hub.join(session), eio.equals("4"));
        ObjectNode open = MAPPER.createObjectNode().put("sid", randomId());
        open.putArray("upgrades");
        open.put("pingInterval", options.pingInterval().toMillis()).put("pingTimeout", options.pingTimeout().toMillis());
        if (client.v4) {
            open.put("maxPayload", MAX_PAYLOAD);
        }
        session.send("0" + open);
        if (dialect.socketIo() && !client.v4) {
            client.namespaceConnected = true;
            session.send("40");
        }
        Flux<Object> watchdogs = Flux.merge(client.v4 ? serverPings(client) : silenceWatch(client), connectWatch(client));
        return Flux.merge(session.inbound().doOnNext(text -> receive(client, text)), watchdogs)
                .takeUntilOther(session.onClose())
                .then();
    }

    // ---------------------------------------------------------------- heartbeats

    /** engine.io 4: a ping every interval; no pong within the timeout closes the socket. */
    private Flux<Object> serverPings(Client client) {
        Duration timeout = options.pingTimeout();
        return Flux.interval(options.pingInterval(), timer).onBackpressureDrop().flatMap(tick -> {
            long sentAt = now();
            client.session.send("2");
            return Mono.delay(timeout, timer).doOnNext(ignored -> {
                if (client.lastPong < sentAt) {
                    client.session.close(1000, "ping timeout");
                }
            });
        });
    }

    /** engine.io 3: a client silent for interval plus timeout is closed. */
    private Flux<Object> silenceWatch(Client client) {
        long deadline = options.pingInterval().plus(options.pingTimeout()).toMillis();
        Duration check = Duration.ofMillis(Math.max(10, Math.min(1000, deadline / 10)));
        return Flux.interval(check, timer).onBackpressureDrop().doOnNext(tick -> {
            if (now() - client.lastReceived > deadline) {
                client.session.close(1000, "ping timeout");
            }
        }).cast(Object.class);
    }

    /** socket.io revision 5: the client must connect its namespace in time. */
    private Mono<Object> connectWatch(Client client) {
        if (!dialect.socketIo() || !client.v4) {
            return Mono.empty();
        }
        return Mono.delay(options.connectTimeout(), timer).doOnNext(ignored -> {
            if (!client.namespaceConnected) {
                client.session.close(1000, "connect timeout");
            }
        }).cast(Object.class);
    }

    // ---------------------------------------------------------------- inbound

    private void receive(Client client, String text) {
        client.lastReceived = now();
        if (text.isEmpty()) {
            return;
        }
        char type = text.charAt(0);
        switch (type) {
            case '1':
                client.session.close(1000, "client closed");
                break;
            case '2':
                if (client.v4) {
                    client.session.close(1002, "invalid heartbeat direction");
                } else {
                    client.session.send("3" + text.substring(1));
                }
                break;
            case '3':
                if (client.v4) {
                    client.lastPong = now();
                } else {
                    client.session.close(1002, "invalid heartbeat direction");
                }
                break;
            case '4':
                if (dialect.socketIo()) {
                    socketIoPacket(client, text.substring(1));
                } else {
                    event(client, parse(text.substring(1)), null);
                }
                break;
            case '5':
            case '6':
                break;
            default:
                client.session.close(1002, "parse error");
                break;
        }
    }

    /** {@code <type>[<namespace>,][<ack id>][<json>]}. */
    private void socketIoPacket(Client client, String packet) {
        if (packet.isEmpty()) {
            return;
        }
        char type = packet.charAt(0);
        int at = 1;
        String namespace = "/";
        if (at < packet.length() && packet.charAt(at) == '/') {
            int comma = packet.indexOf(',', at);
            int end = comma < 0 ? packet.length() : comma;
            namespace = packet.substring(at, end);
            int query = namespace.indexOf('?');
            namespace = query < 0 ? namespace : namespace.substring(0, query);
            at = comma < 0 ? packet.length() : comma + 1;
        }
        int ackStart = at;
        while (at < packet.length() && Character.isDigit(packet.charAt(at))) {
            at++;
        }
        String ackId = at > ackStart ? packet.substring(ackStart, at) : null;
        String json = packet.substring(at);
        switch (type) {
            case '0':
                connect(client, namespace);
                break;
            case '1':
                if (namespace.equals("/")) {
                    client.namespaceConnected = false;
                    hub.unsubscribe(client.member, client.member.topics());
                }
                break;
            case '2':
                if (namespace.equals("/") && client.namespaceConnected) {
                    event(client, parse(json), ackId);
                }
                break;
            default:
                break;
        }
    }

    private void connect(Client client, String namespace) {
        if (!namespace.equals("/")) {
            String reason = client.v4 ? "{\"message\":\"Invalid namespace\"}" : "\"Invalid namespace\"";
            client.session.send("44" + namespace + "," + reason);
            return;
        }
        client.namespaceConnected = true;
        client.session.send(client.v4 ? "40" + MAPPER.createObjectNode().put("sid", randomId()) : "40");
    }

    /** {@code ["subscribe", "book_<PAIR>"]} and {@code ["unsubscribe", ...]}; an ack id gets {@code 43<id>[true]}. */
    private void event(Client client, JsonNode event, String ackId) {
        if (event == null || !event.isArray() || event.isEmpty() || !event.get(0).isTextual()) {
            return;
        }
        String name = event.get(0).asText();
        String channel = event.size() > 1 && event.get(1).isTextual() ? event.get(1).asText() : null;
        boolean done = false;
        if (channel != null && channels.contains(channel)) {
            if (name.equals("subscribe")) {
                done = hub.subscribe(client.member, channel) != TopicHub.Outcome.FULL;
            } else if (name.equals("unsubscribe")) {
                hub.unsubscribe(client.member, List.of(channel));
                done = true;
            }
        }
        if (ackId != null) {
            client.session.send("43" + ackId + "[" + done + "]");
        }
    }

    private static JsonNode parse(String json) {
        try {
            return json.isEmpty() ? null : MAPPER.readTree(json);
        } catch (IOException malformed) {
            return null;
        }
    }

    private long now() {
        return timer.now(TimeUnit.MILLISECONDS);
    }

    /** A session id: 15 random bytes, URL-safe base64 (20 characters). Never blocks, unlike SecureRandom. */
    private static String randomId() {
        byte[] raw = new byte[15];
        ThreadLocalRandom.current().nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
