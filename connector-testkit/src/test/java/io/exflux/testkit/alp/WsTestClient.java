package io.exflux.testkit.alp;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/** A websocket client for tests (ALP's and the v1 platform's): records every text frame (and "PING" for ping frames), sends text. */
public final class WsTestClient implements AutoCloseable {

    private final ConcurrentLinkedQueue<String> frames = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> history = new ConcurrentLinkedQueue<>();
    private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
    private final Sinks.Empty<Void> closed = Sinks.empty();
    private final Disposable connection;
    private volatile boolean isClosed;

    public WsTestClient(String url) {
        connection = HttpClient.create()
                .websocket(WebsocketClientSpec.builder().handlePing(true).build())
                .uri(url)
                .handle((in, out) -> out.sendString(outbound.asFlux()).then()
                        .and(in.receiveFrames().doOnNext(frame -> {
                            if (frame instanceof TextWebSocketFrame text) {
                                frames.add(text.text());
                                history.add(text.text());
                            } else if (frame instanceof PingWebSocketFrame) {
                                frames.add("PING");
                            }
                        })))
                .doFinally(signal -> {
                    isClosed = true;
                    closed.tryEmitEmpty();
                })
                .subscribe(ignored -> { }, error -> { });
    }

    public void send(String text) {
        outbound.tryEmitNext(text);
    }

    public boolean isClosed() {
        return isClosed;
    }

    /** Waits until the connection is gone; false when it is still open after the timeout. */
    public boolean awaitClosed(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!isClosed && System.nanoTime() < end) {
            pause();
        }
        return isClosed;
    }

    /** Waits for the first recorded frame (from the start) that matches, and removes the frames up to it. */
    public String await(Predicate<String> match, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            String found = null;
            for (String frame : frames) {
                if (match.test(frame)) {
                    found = frame;
                    break;
                }
            }
            if (found != null) {
                while (true) {
                    String head = frames.poll();
                    if (head == null || head == found) {
                        break;
                    }
                }
                return found;
            }
            pause();
        }
        throw new AssertionError("no matching frame within " + timeout + "; received " + new ArrayList<>(frames));
    }

    /** Waits for a matching frame among everything received so far, consumed or not; consumes nothing. */
    String awaitInHistory(Predicate<String> match, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (String frame : history) {
                if (match.test(frame)) {
                    return frame;
                }
            }
            pause();
        }
        throw new AssertionError("no matching frame within " + timeout + "; received " + new ArrayList<>(history));
    }

    /** The first frame of this type (element 0), parsed. */
    JsonNode awaitType(String type, Duration timeout) {
        return parse(await(frame -> frame.startsWith("[\"" + type + "\""), timeout));
    }

    public List<String> received() {
        return new ArrayList<>(frames);
    }

    static JsonNode parse(String frame) {
        try {
            return AlpWire.MAPPER.readTree(frame);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + frame, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        connection.dispose();
    }
}
