package io.exflux.reactive.internal.engineio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real socket.io / engine.io server from the npm registry ({@code src/test/node/server.js}), run as a
 * child process on loopback. It reports its port, every client heartbeat it sees and every
 * subscription on stdout, which this class counts. Test code only: it blocks.
 */
final class NodeServer implements AutoCloseable {

    static final Path NODE_DIR = Path.of("src", "test", "node");

    private final Process process;
    private final int port;
    private final AtomicInteger heartbeats;
    private final List<String> subscriptions;

    private NodeServer(Process process, int port, AtomicInteger heartbeats, List<String> subscriptions) {
        this.process = process;
        this.port = port;
        this.heartbeats = heartbeats;
        this.subscriptions = subscriptions;
    }

    /** Starts {@code server.js kind} on {@code port} (0 for any) and waits until it listens. */
    static NodeServer start(String kind, int port, int pingIntervalMs, int pingTimeoutMs) throws Exception {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules"))) {
            throw new IllegalStateException("run the Maven build (npm ci at process-test-resources) first: "
                    + NODE_DIR.resolve("node_modules").toAbsolutePath() + " is missing");
        }
        Path log = Path.of("target", "node-" + kind + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder("node", "server.js", kind, String.valueOf(port),
                String.valueOf(pingIntervalMs), String.valueOf(pingTimeoutMs))
                .directory(NODE_DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        AtomicInteger heartbeats = new AtomicInteger();
        List<String> subscriptions = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("PORT ")) {
                        listening.complete(Integer.parseInt(line.substring(5).trim()));
                    } else if (line.equals("HEARTBEAT")) {
                        heartbeats.incrementAndGet();
                    } else if (line.startsWith("SUBSCRIBE ")) {
                        subscriptions.add(line.substring(10));
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IllegalStateException("node server exited before listening; see " + log));
        }, "node-" + kind + "-stdout");
        reader.setDaemon(true);
        try {
            reader.start();
            return new NodeServer(process, listening.get(20, TimeUnit.SECONDS), heartbeats, subscriptions);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** Client heartbeats the server saw (pings on engine.io 3, pongs on engine.io 4). */
    int heartbeats() {
        return heartbeats.get();
    }

    /** Channels subscribed on this server process, in order. */
    List<String> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** Kills this server process (and only it) and waits until it is gone. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
