package dev.quorum.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Headless Chromium (Debian's {@code chromium}) driven over the DevTools protocol with the JDK's own WebSocket client:
 * navigate, evaluate JavaScript, take screenshots, let downloads land in a folder. No WebDriver, no browser download:
 * the browser is the system's. Started with the flags this machine's closed network needs (no background networking,
 * no component updates, no QUIC) and a fresh profile.
 */
final class Chromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final Connection browser;
    private final Connection page;

    /** @return the browser binary: {@code QUORUM_CHROMIUM}, else chromium on the usual paths; empty when there is none */
    static Optional<Path> binary() {
        String configured = System.getenv("QUORUM_CHROMIUM");
        List<String> candidates = configured != null ? List.of(configured)
                : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts a headless browser with one blank page.
     *
     * @param binary the browser
     * @param width  the window's width in CSS pixels
     * @param height its height
     */
    Chromium(Path binary, int width, int height) throws IOException, InterruptedException {
        profile = Files.createTempDirectory("quorum-chromium");
        process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=" + width + "," + height, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        // its stderr is read on a thread of its own, so that a browser that says nothing cannot hang the test
        CompletableFuture<String> listening = new CompletableFuture<>();
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            err.lines().forEach(l -> {
                Matcher m = LISTENING.matcher(l);
                if (m.find()) {
                    listening.complete(m.group(1));
                }
            });
            listening.complete(null);
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            String browserUrl;
            try {
                browserUrl = listening.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                browserUrl = null;
            }
            if (browserUrl == null) {
                throw new IOException("chromium did not say where its DevTools listen within " + TIMEOUT.toSeconds() + " s");
            }
            URI base = URI.create(browserUrl);
            HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + base.getAuthority()
                    + "/json/list")).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            String pageUrl = null;
            for (JsonNode target : JSON.readTree(list.body())) {
                if (target.path("type").asText().equals("page")) {
                    pageUrl = target.path("webSocketDebuggerUrl").asText();
                    break;
                }
            }
            if (pageUrl == null) {
                throw new IOException("chromium has no page target: " + list.body());
            }
            browser = new Connection(URI.create(browserUrl));
            page = new Connection(URI.create(pageUrl));
            page.call("Page.enable", Map.of());
            page.call("Runtime.enable", Map.of());
            size(width, height);
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly(); // no browser left behind
            throw e;
        }
    }

    /** Sets the page's viewport. */
    void size(int width, int height) throws IOException {
        page.call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Lets downloads land in a folder. */
    void downloadTo(Path dir) throws IOException {
        browser.call("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", dir.toAbsolutePath().toString()));
    }

    /** Opens an address in the page. */
    void navigate(String url) throws IOException {
        page.call("Page.navigate", Map.of("url", url));
    }

    /**
     * @param expression JavaScript, evaluated in the page (a promise is awaited)
     * @return its value, as JSON
     */
    JsonNode eval(String expression) throws IOException {
        JsonNode result = page.call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IOException("the page threw: " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /**
     * Waits until the expression is true in the page.
     *
     * @return whether it became true within the time
     */
    boolean waitFor(String expression, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            // false while the page is not there yet (an element the expression reads is missing)
            if (eval("(() => { try { return Boolean(" + expression + "); } catch (e) { return false; } })()").asBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Waits for a condition outside the page. */
    static boolean waitFor(BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Writes a PNG of the page as it is now. */
    void screenshot(Path file) throws IOException {
        JsonNode shot = page.call("Page.captureScreenshot", Map.of("format", "png"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    @Override
    public void close() {
        if (browser != null) {
            browser.close();
        }
        if (page != null) {
            page.close();
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder: best effort
        }
    }

    /** One DevTools WebSocket: numbered calls, answered by id. */
    private static final class Connection implements WebSocket.Listener {
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final StringBuilder text = new StringBuilder();
        private final WebSocket socket;

        Connection(URI url) {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(url, this).join();
        }

        JsonNode call(String method, Map<String, Object> params) throws IOException {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(id, answer);
            socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).join();
            try {
                JsonNode reply = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                if (reply.has("error")) {
                    throw new IOException(method + ": " + reply.path("error"));
                }
                return reply.path("result");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(method + " interrupted", e);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IOException(method + " got no answer: " + e, e);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(text.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(message.path("id").asInt());
                        if (f != null) {
                            f.complete(message);
                        }
                    }
                } catch (IOException ignored) {
                    // not JSON: not ours
                }
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        void close() {
            socket.abort();
        }
    }
}
