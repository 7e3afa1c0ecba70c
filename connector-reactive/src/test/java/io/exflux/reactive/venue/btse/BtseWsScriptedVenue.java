package io.exflux.reactive.venue.btse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.WsSession;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * A scripted BTSE on a loopback {@link FakeVenueServer}: both hosts (order books on {@code /ws/oss/spot}, the rest
 * on {@code /ws/spot}), answering {@code ping} with {@code pong} (unless told not to), acking subscriptions, and
 * sending one market's book as a snapshot on every subscription of its topic. Tests push deltas and other frames.
 */
final class BtseWsScriptedVenue implements AutoCloseable {

    static final String BOOK_PATH = "/ws/oss/spot";
    static final String MAIN_PATH = "/ws/spot";

    private static final ObjectMapper JSON = new ObjectMapper();

    final FakeVenueServer server = FakeVenueServer.start();
    /** Price to size, per side, of the one market this venue keeps (BTC-USD). */
    final TreeMap<BigDecimal, String> bids = new TreeMap<>();
    final TreeMap<BigDecimal, String> asks = new TreeMap<>();
    volatile long seqNum = 100;
    volatile boolean answerPings = true;
    /** Every (un)subscribe and login frame received, in order, per path. */
    final List<String> bookFrames = new CopyOnWriteArrayList<>();
    final List<String> mainFrames = new CopyOnWriteArrayList<>();
    /** Topics each session holds now. */
    final Map<Long, Set<String>> topics = new ConcurrentHashMap<>();

    BtseWsScriptedVenue() {
        bids.put(new BigDecimal("100.0"), "1");
        asks.put(new BigDecimal("101.0"), "2");
        server.websocket(BOOK_PATH, session -> session.inbound().doOnNext(text -> onFrame(session, text, bookFrames))
                .then());
        server.websocket(MAIN_PATH, session -> session.inbound().doOnNext(text -> onFrame(session, text, mainFrames))
                .then());
    }

    private void onFrame(WsSession session, String text, List<String> record) {
        if ("ping".equals(text)) {
            if (answerPings) {
                session.send("pong");
            }
            return;
        }
        record.add(text);
        JsonNode frame = read(text);
        String op = frame.path("op").asText();
        List<String> args = new ArrayList<>();
        frame.path("args").forEach(arg -> args.add(arg.asText()));
        Set<String> held = topics.computeIfAbsent(session.id(), id -> ConcurrentHashMap.newKeySet());
        if ("subscribe".equals(op)) {
            held.addAll(args);
            session.send(json(Map.of("event", "subscribe", "channel", args)));
            for (String topic : args) {
                if (topic.equals("update:BTC-USD_0")) {
                    session.send(snapshot());
                }
            }
        } else if ("unsubscribe".equals(op)) {
            args.forEach(held::remove);
        }
    }

    /** The book as a snapshot frame, asks descending (best last) as the venue sends them. */
    synchronized String snapshot() {
        long seq = ++seqNum;
        return "{\"topic\":\"update:BTC-USD_0\",\"data\":{\"bids\":" + levels(bids.descendingMap()) + ",\"asks\":"
                + levels(asks.descendingMap()) + ",\"seqNum\":" + seq + ",\"prevSeqNum\":" + (seq - 1)
                + ",\"type\":\"snapshot\",\"timestamp\":1565135165600,\"symbol\":\"BTC-USD\"}}";
    }

    /** Applies a change to the venue's book and returns its delta frame, chained to the last one. */
    synchronized String delta(boolean bid, String price, String size) {
        TreeMap<BigDecimal, String> side = bid ? bids : asks;
        if ("0".equals(size)) {
            side.remove(new BigDecimal(price));
        } else {
            side.put(new BigDecimal(price), size);
        }
        seqNum++;
        String level = "[[\"" + price + "\",\"" + size + "\"]]";
        return "{\"topic\":\"update:BTC-USD\",\"data\":{\"bids\":" + (bid ? level : "[]") + ",\"asks\":"
                + (bid ? "[]" : level) + ",\"seqNum\":" + seqNum + ",\"prevSeqNum\":" + (seqNum - 1)
                + ",\"type\":\"delta\",\"timestamp\":1565135165601,\"symbol\":\"BTC-USD\"}}";
    }

    private static String levels(Map<BigDecimal, String> side) {
        List<String> levels = new ArrayList<>();
        side.forEach((price, size) -> levels.add("[\"" + price.toPlainString() + "\",\"" + size + "\"]"));
        return "[" + String.join(",", levels) + "]";
    }

    /** Sends {@code frame} on every open session of {@code path}. */
    void broadcast(String path, String frame) {
        for (WsSession session : server.sessions()) {
            if (session.path().equals(path) && session.isOpen()) {
                session.send(frame);
            }
        }
    }

    long openSessions(String path) {
        return server.sessions().stream().filter(s -> s.path().equals(path) && s.isOpen()).count();
    }

    String bookUrl() {
        return server.wsUrl(BOOK_PATH);
    }

    String mainUrl() {
        return server.wsUrl(MAIN_PATH);
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code condition} until it holds, or fails after 10 s (loopback tests only). */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
