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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A headless Chromium driven over the Chrome DevTools protocol with the JDK's own HTTP client and
 * websocket: open a page, evaluate JavaScript in it, take a screenshot. The browser is the one the
 * build unpacked from the {@code @sparticuz/chromium} npm package into the directory named by the
 * system property {@value #PROVISIONED} (see {@code src/test/node}); without that property (a test run
 * from an IDE) it is Debian's {@code chromium}. The browser talks to loopback only (background
 * networking, updates and sync are off).
 */
final class HeadlessChromium implements AutoCloseable {

    /** The system property naming the directory the build unpacked Chromium into. */
    static final String PROVISIONED = "exflux.chromium.dir";
    /** How to get a browser, for the failure message. */
    static final String INSTALL = "run the tests through Maven (it unpacks one into samples-spring-boot/target/chromium), "
            + "or apt-get update && apt-get install -y chromium";
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

    /** Starts the browser; fails saying how to get one when there is none. */
    static HeadlessChromium start() throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("exflux-chromium");
        List<String> command = new ArrayList<>();
        ProcessBuilder builder = new ProcessBuilder(command);
        String provisioned = System.getProperty(PROVISIONED);
        if (provisioned != null && !provisioned.isBlank()) {
            Path dir = Path.of(provisioned);
            Path binary = dir.resolve("chromium");
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException("no chromium in " + dir + ": " + INSTALL);
            }
            command.add(binary.toString());
            // The package's NSS libraries and font configuration; the machine needs neither.
            builder.environment().merge("LD_LIBRARY_PATH", dir.resolve("lib").toString(), (old, lib) -> lib + ":" + old);
            builder.environment().put("FONTCONFIG_PATH", dir.toString());
            // A headless shell build: GL through its bundled SwiftShader, no zygote.
            command.addAll(List.of("--no-zygote", "--use-gl=angle", "--use-angle=swiftshader",
                    "--enable-unsafe-swiftshader", "--in-process-gpu"));
        } else {
            command.add(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser").stream()
                    .filter(p -> Files.isExecutable(Path.of(p))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no chromium on this machine: " + INSTALL)));
            command.add("--disable-gpu");
        }
        command.addAll(List.of("--headless", "--no-sandbox",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-default-apps", "--no-first-run",
                "--mute-audio", "--window-size=1280,800", "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank"));
        Process process = builder
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

    /**
     * Opens {@code url} in a new tab and returns it. The tab starts blank and is then navigated over the
     * protocol: {@code /json/new?URL} would drop the URL's own query string.
     */
    Page open(URI url) throws Exception {
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(
                        URI.create(http + "/json/new?about:blank")).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode target = SampleJson.mapper().readTree(created.body());
        Page page = new Page(client, URI.create(target.get("webSocketDebuggerUrl").asText()));
        page.navigate(url);
        return page;
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
            ObjectNode params = SampleJson.mapper().createObjectNode()
                    .put("expression", expression).put("returnByValue", true);
            return call("Runtime.evaluate", params).at("/result/result/value");
        }

        /** Loads {@code url} in this tab. */
        void navigate(URI url) throws Exception {
            call("Page.navigate", SampleJson.mapper().createObjectNode().put("url", url.toString()));
        }

        /** A PNG of what the page shows now, written to {@code file}. */
        void screenshot(Path file) throws Exception {
            JsonNode answer = call("Page.captureScreenshot", SampleJson.mapper().createObjectNode().put("format", "png"));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, java.util.Base64.getDecoder().decode(answer.at("/result/data").asText()));
        }

        private JsonNode call(String method, ObjectNode params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(id, answer);
            ObjectNode call = SampleJson.mapper().createObjectNode();
            call.put("id", id);
            call.put("method", method);
            call.set("params", params);
            socket.sendText(SampleJson.mapper().writeValueAsString(call), true).join();
            return answer.get(10, TimeUnit.SECONDS);
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
