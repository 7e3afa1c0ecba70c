package io.exflux.samples.webflux;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exflux.samples.cli.render.SampleJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's {@code chromium}, headless, driven over the Chrome DevTools protocol with the JDK's own
 * HTTP client and websocket: open a page, evaluate JavaScript in it. Nothing is downloaded; the browser
 * talks to loopback only (background networking, updates and sync are off).
 */
final class HeadlessChromium implements AutoCloseable {

    /** The command that installs the browser on Debian, for the failure message. */
    static final String INSTALL = "apt-get update && apt-get install -y chromium";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final URI http;
    private final URI browser;
    private final HttpClient client = HttpClient.newHttpClient();

    private HeadlessChromium(Process process, Path profile, URI http, String browserPath) {
        this.process = process;
        this.profile = profile;
        this.http = http;
        this.browser = URI.create("ws://" + http.getHost() + ":" + http.getPort() + browserPath);
    }

    /** Starts the browser; fails with the install command when there is none. */
    static HeadlessChromium start() throws IOException, InterruptedException {
        String binary = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser").stream()
                .filter(p -> Files.isExecutable(Path.of(p))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no chromium on this machine: " + INSTALL));
        Path profile = Files.createTempDirectory("exflux-chromium");
        Process process = new ProcessBuilder(binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-default-apps", "--no-first-run",
                "--mute-audio", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(profile.resolve("chromium.log").toFile())
                .start();
        // Chromium writes the port it picked to DevToolsActivePort in the profile once it listens.
        Path activePort = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.exists(activePort)) {
                List<String> lines = Files.readAllLines(activePort, StandardCharsets.UTF_8);
                if (lines.size() >= 2 && !lines.get(1).isBlank()) {
                    return new HeadlessChromium(process, profile, URI.create("http://127.0.0.1:" + lines.get(0).trim()),
                            lines.get(1).trim());
                }
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("chromium did not open its DevTools port; log: "
                + Files.readString(profile.resolve("chromium.log")));
    }

    /** Opens {@code url} in a new tab and returns it. */
    Page open(URI url) throws IOException, InterruptedException {
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(
                        URI.create(http + "/json/new?" + url)).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode target = SampleJson.mapper().readTree(created.body());
        return new Page(client, URI.create(target.get("webSocketDebuggerUrl").asText()));
    }

    @Override
    public void close() throws IOException {
        try {
            // Browser.close lets chromium shut its own helper processes down; destroy() is the fallback.
            new Page(client, browser).send("Browser.close");
        } catch (RuntimeException e) {
            // already gone
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One tab, reached over its DevTools websocket. */
    static final class Page implements WebSocket.Listener {
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();
        private final WebSocket socket;

        Page(HttpClient client, URI debugger) {
            this.socket = client.newWebSocketBuilder().buildAsync(debugger, this).join();
        }

        /** Sends a command without parameters, not waiting for its answer. */
        void send(String method) {
            socket.sendText("{\"id\":" + ids.incrementAndGet() + ",\"method\":\"" + method + "\"}", true).join();
        }

        /** The value of {@code expression} evaluated in the page, as JSON. */
        JsonNode evaluate(String expression) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(id, answer);
            ObjectNode call = SampleJson.mapper().createObjectNode();
            call.put("id", id);
            call.put("method", "Runtime.evaluate");
            call.putObject("params").put("expression", expression).put("returnByValue", true);
            socket.sendText(SampleJson.mapper().writeValueAsString(call), true).join();
            JsonNode result = answer.get(10, TimeUnit.SECONDS);
            return result.at("/result/result/value");
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = SampleJson.mapper().readTree(partial.toString());
                    CompletableFuture<JsonNode> waiter = message.has("id")
                            ? pending.remove(message.get("id").asInt()) : null;
                    if (waiter != null) {
                        waiter.complete(message);
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
