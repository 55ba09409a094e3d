package dev.quorum.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.quorum.api.Bar;
import dev.quorum.api.BarStream;
import dev.quorum.core.config.ConfigLoader;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.engine.BacktestReport;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.engine.ProgressListener;
import dev.quorum.core.engine.RunStop;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.report.ReportFolder;
import dev.quorum.core.store.Database;

/**
 * A paper session's API and WebSocket against the real server on a random loopback port, while a real run (the shipped
 * bots, risk chain and position manager, loaded with PF4J, on the embedded candles, paced to a few seconds) goes on:
 * the token on every route and the WebSocket, live events, paging and filters checked against the stored rows, bad
 * parameters, 401/404/413, the sign-in cookie.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class SessionApiTest {

    private static final Path ROOT = Path.of(System.getProperty("quorum.root"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROUTES = List.of("/api/status", "/api/trades", "/api/bots", "/api/equity",
            "/api/candles?symbol=BTC-USD", "/api/plugins", "/api/scripts", "/api/config", "/api/reports", "/api/health",
            "/api/reports/2018-04-05.pdf");

    @TempDir
    static Path dir;

    private static Database db;
    private static PluginHost host;
    private static EventHub events;
    private static LiveSession session;
    private static QuorumServer server;
    private static QuorumConfig config;
    private static CompletableFuture<BacktestReport> run;
    private static final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private static final List<Instant> clockAtCandles = new CopyOnWriteArrayList<>();
    private static volatile long runNanos;

    @BeforeAll
    static void startTheSession() throws Exception {
        QuorumConfig shipped = new ConfigLoader().load(ROOT.resolve("config/quorum.yaml"));
        config = shipped.withLearning(shipped.learning().watchingOnly());
        db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        for (String id : List.of("technical", "risk-basic", "risk-sizing", "risk-guards", "positions")) {
            Files.copy(Path.of(System.getProperty("quorum.testPlugins"), id + ".zip"), plugins.resolve(id + ".zip"));
        }
        host = PluginHost.start(plugins);
        events = new EventHub();
        session = new LiveSession(config, config.bots().stream().map(b -> b.name()).toList(), 2000, Clock.systemUTC(), events);
        server = QuorumServer.start(new ServerSettings("127.0.0.1", 0), TestClient.TOKEN, List.of(
                new HealthRoutes(new ReportFolder(dir.resolve("reports"))), new ReportRoutes(new ReportFolder(dir.resolve("reports"))),
                new SessionRoutes(session, db, events, host, () -> List.of(Map.of("name", "broken", "state", "INVALID",
                        "errors", 1, "error", "broken.js:3: SyntaxError", "line", 3)))));
        // the WebSocket client joins before the run starts, and keeps every event (the hub has it once it sent the status)
        websocket(TestClient.TOKEN.reveal()).get(10, TimeUnit.SECONDS);
        long joined = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.isEmpty() && System.nanoTime() < joined) {
            Thread.sleep(10);
        }
        BacktestRunner runner = new BacktestRunner(db, host, ROOT, Clock.systemUTC()).observedBy(session::observerFor);
        run = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            BacktestReport r = runner.run(config, ProgressListener.NONE, "paper", SessionApiTest::paced, null, RunStop.never());
            runNanos = System.nanoTime() - start;
            return r;
        });
    }

    @AfterAll
    static void stop() throws Exception {
        run.get(60, TimeUnit.SECONDS);
        server.close();
        events.close();
        host.close();
        db.close();
    }

    /** The stored bars at 2,000 a second, so that the run takes a few seconds of wall time. */
    private static BarStream paced(BarStream bars) {
        long start = System.nanoTime();
        return new BarStream() {
            private long count;

            @Override
            public boolean hasNext() {
                return bars.hasNext();
            }

            @Override
            public Bar next() {
                long wait = start + count++ * 500_000L - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                return bars.next();
            }

            @Override
            public void close() {
                bars.close();
            }
        };
    }

    private static CompletableFuture<WebSocket> websocket(String token) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        received.add(JSON.readTree(text.toString()));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }
        });
    }

    private static JsonNode json(HttpResponse<byte[]> r) throws java.io.IOException {
        return JSON.readTree(r.body());
    }

    @Test
    @org.junit.jupiter.api.Order(1) // first: while the run goes on
    void theWebSocketPushesTheRunAsItHappensAndTheCandlesNeverRunAheadOfTheEngineClock() throws Exception {
        TestClient client = new TestClient(server);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // while the run goes on: every bar the API gives has closed by the engine clock the status gave just before
        while (!run.isDone() && System.nanoTime() < deadline) {
            Instant clock = Instant.parse(json(client.get("/api/status")).path("status").path("clock").asText("1970-01-01T00:00:00Z"));
            for (JsonNode bar : json(client.get("/api/candles?symbol=ETH-USD&limit=50")).path("bars")) {
                assertFalse(Instant.ofEpochSecond(bar.path("time").asLong() + 60).isAfter(session.status().clock()),
                        "a bar from the engine's future: " + bar);
            }
            clockAtCandles.add(clock);
            Thread.sleep(100);
        }
        BacktestReport report = run.get(60, TimeUnit.SECONDS);
        assertTrue(clockAtCandles.size() >= 5, "the run was followed while it went on: " + clockAtCandles.size() + " looks");
        // what the socket carried: the status first, equity at most about once a second, each trade once
        long deadlineEvents = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.stream().filter(e -> e.path("type").asText().equals("trade")).count() < report.trades().size()
                && System.nanoTime() < deadlineEvents) {
            Thread.sleep(50);
        }
        assertEquals("status", received.get(0).path("type").asText());
        List<Long> tradeIds = received.stream().filter(e -> e.path("type").asText().equals("trade"))
                .map(e -> e.path("data").path("id").asLong()).toList();
        assertEquals(report.trades().stream().map(t -> t.id()).toList(), tradeIds, "every trade, once, in order");
        long equity = received.stream().filter(e -> e.path("type").asText().equals("equity")).count();
        assertTrue(equity >= 1, "equity updates");
        JsonNode lastEquity = received.stream().filter(e -> e.path("type").asText().equals("equity")).reduce((a, b) -> b).orElseThrow();
        assertEquals(config.bots().stream().map(b -> b.name()).toList(), java.util.stream.StreamSupport.stream(
                java.util.Spliterators.spliteratorUnknownSize(lastEquity.path("data").path("bots").fieldNames(), 0), false).toList(),
                "each bot's weight and trust with the equity");
        assertEquals(1.0, lastEquity.path("data").path("bots").path(config.bots().get(0).name()).path("weight").asDouble(), 1e-12,
                "no learners here: weight 1");
        long seconds = (long) Math.ceil(runNanos / 1e9);
        assertTrue(seconds >= 2, "the paced run took " + seconds + " s");
        assertTrue(equity <= seconds + 1, "at most one equity update a second: " + equity + " in " + seconds + " s");
        assertTrue(received.stream().anyMatch(e -> e.path("type").asText().equals("fill")), "fills");
        // signals: the calls that changed, pushed together at most every 250 ms, never twice the same in a row; each LONG or SHORT one is a
        // prediction the run stored (the outcome tracker records a call when it changes); /api/bots has the latest
        List<JsonNode> signals = received.stream().filter(e -> e.path("type").asText().equals("signals"))
                .flatMap(e -> java.util.stream.StreamSupport.stream(e.path("data").spliterator(), false)).toList();
        assertTrue(signals.size() >= 20, "signal events: " + signals.size());
        Map<String, String> latest = new java.util.HashMap<>();
        java.util.Set<String> stored = new java.util.HashSet<>();
        try (java.sql.Connection c = db.connection(); java.sql.PreparedStatement q = c.prepareStatement(
                "SELECT bot, symbol, time, direction FROM predictions WHERE run_id = ?")) {
            q.setLong(1, report.runId());
            try (java.sql.ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    stored.add(r.getString(1) + " " + r.getString(2) + " " + Instant.ofEpochMilli(r.getLong(3)) + " " + r.getString(4));
                }
            }
        }
        for (JsonNode sgn : signals) {
            String pair = sgn.path("bot").asText() + " " + sgn.path("symbol").asText();
            String direction = sgn.path("direction").asText();
            assertFalse(direction.equals(latest.getOrDefault(pair, "FLAT")), "pushed only on a change: " + sgn);
            latest.put(pair, direction);
            if (!direction.equals("FLAT")) {
                assertTrue(stored.contains(pair + " " + sgn.path("time").asText() + " " + direction), "a stored prediction: " + sgn);
            }
        }
        for (JsonNode bot : json(client.get("/api/bots")).path("bots")) {
            // a pair whose calls all changed back before a push was never pushed: FLAT, as a pair never called
            bot.path("calls").properties().forEach(call -> assertEquals(latest.getOrDefault(bot.path("bot").asText() + " " + call.getKey(), "FLAT"),
                    call.getValue().path("direction").asText(), "the latest call of " + bot.path("bot").asText() + " on " + call.getKey()));
        }
        assertTrue(received.stream().anyMatch(e -> e.path("type").asText().equals("status")
                && e.path("data").path("state").asText().equals("RUNNING")), "the run's start");
    }

    @Test
    void everyApiRouteAndTheWebSocketNeedTheToken() throws Exception {
        run.get(60, TimeUnit.SECONDS);
        TestClient none = new TestClient(server, null);
        TestClient wrong = new TestClient(server, "x".repeat(43));
        TestClient right = new TestClient(server);
        for (String route : ROUTES) {
            HttpResponse<byte[]> missing = none.get(route);
            assertEquals(401, missing.statusCode(), route);
            assertEquals("application/json", missing.headers().firstValue("Content-Type").orElseThrow(), route);
            assertTrue(json(missing).path("error").asText().contains("the API token is missing"), route);
            HttpResponse<byte[]> bad = wrong.get(route);
            assertEquals(401, bad.statusCode(), route);
            assertEquals("the API token is wrong", json(bad).path("error").asText(), route);
            int status = right.get(route).statusCode();
            assertTrue(status == 200 || (route.endsWith(".pdf") && status == 404), route + ": " + status);
        }
        ExecutionException refused = assertThrows(ExecutionException.class, () -> websocket(null).get(10, TimeUnit.SECONDS));
        assertTrue(String.valueOf(refused.getCause()).contains("401") || refused.getCause() instanceof java.net.http.WebSocketHandshakeException,
                String.valueOf(refused.getCause()));
        assertThrows(ExecutionException.class, () -> websocket("y".repeat(43)).get(10, TimeUnit.SECONDS));
        // and the page itself is public: it holds no data
        assertEquals(200, none.get("/").statusCode());
        assertEquals(200, none.get("/vendor/lightweight-charts.standalone.production.js").statusCode());
    }

    @Test
    void signingInSetsAnHttpOnlyStrictCookieThatTheApiAccepts() throws Exception {
        TestClient none = new TestClient(server, null);
        HttpResponse<byte[]> in = none.send("POST", "/api/login", HttpRequest.BodyPublishers.ofString("{\"token\": \""
                + TestClient.TOKEN.reveal() + "\"}"), Map.of("Content-Type", "application/json"));
        assertEquals(200, in.statusCode());
        String cookie = in.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith(TokenAuth.COOKIE + "=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        String jar = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<byte[]> status = none.send("GET", "/api/status", HttpRequest.BodyPublishers.noBody(), Map.of("Cookie", jar));
        assertEquals(200, status.statusCode());
        // the cookie from another origin (a page on another localhost port): refused, REST and WebSocket alike
        HttpResponse<byte[]> foreign = none.send("GET", "/api/status", HttpRequest.BodyPublishers.noBody(),
                Map.of("Cookie", jar, "Origin", "http://127.0.0.1:1"));
        assertEquals(403, foreign.statusCode());
        assertTrue(json(foreign).path("error").asText().contains("only this server's own pages may use it"), json(foreign).toString());
        ExecutionException crossSite = assertThrows(ExecutionException.class, () -> HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Cookie", jar).header("Origin", "http://127.0.0.1:1").buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"),
                        new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS));
        assertTrue(crossSite.getCause() instanceof java.net.http.WebSocketHandshakeException, String.valueOf(crossSite.getCause()));
        WebSocket own = HttpClient.newHttpClient().newWebSocketBuilder().header("Cookie", jar)
                .header("Origin", "http://127.0.0.1:" + server.port()).buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"),
                        new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS);
        own.abort();
        assertEquals(401, none.send("POST", "/api/login", HttpRequest.BodyPublishers.ofString("{\"token\": \"nope\"}"), Map.of()).statusCode());
        HttpResponse<byte[]> malformed = none.send("POST", "/api/login", HttpRequest.BodyPublishers.ofString("token=1"), Map.of());
        assertEquals(400, malformed.statusCode());
        assertTrue(json(malformed).path("error").asText().contains("{\"token\""), new String(malformed.body(), StandardCharsets.UTF_8));
        // a body over the limit: 413, as JSON
        HttpResponse<byte[]> big = none.send("POST", "/api/login", HttpRequest.BodyPublishers.ofString("{\"token\": \""
                + "a".repeat((int) QuorumServer.MAX_REQUEST_BYTES) + "\"}"), Map.of("Content-Type", "application/json"));
        assertEquals(413, big.statusCode());
        assertEquals("application/json", big.headers().firstValue("Content-Type").orElseThrow());
        // an unknown route behind the token: 404 as JSON
        HttpResponse<byte[]> unknown = new TestClient(server).get("/api/nope");
        assertEquals(404, unknown.statusCode());
        assertTrue(json(unknown).has("error"));
    }

    @Test
    void tradesArePagedNewestFirstAndFilteredByBotSymbolAndDayAsStored() throws Exception {
        BacktestReport report = run.get(60, TimeUnit.SECONDS);
        TestClient client = new TestClient(server);
        long runId = report.runId();
        int total = count("SELECT COUNT(*) FROM trades WHERE run_id = " + runId);
        assertTrue(total > 40, "enough trades to page: " + total);
        List<Long> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode body = json(client.get("/api/trades?size=40&page=" + page));
            assertEquals(total, body.path("total").asInt());
            if (body.path("trades").isEmpty()) {
                break;
            }
            body.path("trades").forEach(t -> ids.add(t.path("id").asLong()));
        }
        List<Long> expected = new ArrayList<>();
        for (long id = total; id >= 1; id--) {
            expected.add(id);
        }
        assertEquals(expected, ids, "every trade once, newest first");

        JsonNode eth = json(client.get("/api/trades?size=500&symbol=ETH-USD"));
        assertEquals(count("SELECT COUNT(*) FROM trades WHERE run_id = " + runId + " AND symbol = 'ETH-USD'"), eth.path("total").asInt());
        eth.path("trades").forEach(t -> assertEquals("ETH-USD", t.path("symbol").asText()));
        JsonNode rsi = json(client.get("/api/trades?size=500&bot=macd-cross"));
        assertEquals(count("SELECT COUNT(*) FROM trades WHERE run_id = " + runId + " AND (',' || bots || ',') LIKE '%,macd-cross,%'"),
                rsi.path("total").asInt());
        rsi.path("trades").forEach(t -> assertTrue(t.path("bots").toString().contains("\"macd-cross\""), t.toString()));
        assertTrue(rsi.path("total").asInt() > 0, "macd-cross voted for some: " + rsi.path("total"));
        // a bot that voted for none of them (in this configuration rsi-reversion never agreed with enough others)
        assertEquals(count("SELECT COUNT(*) FROM trades WHERE run_id = " + runId + " AND (',' || bots || ',') LIKE '%,rsi-reversion,%'"),
                json(client.get("/api/trades?bot=rsi-reversion")).path("total").asInt());
        JsonNode ethPage2 = json(client.get("/api/trades?size=5&page=2&symbol=ETH-USD"));
        assertEquals(eth.path("trades").get(5).path("id").asLong(), ethPage2.path("trades").get(0).path("id").asLong(),
                "a filtered page starts where the one before ended");
        JsonNode day = json(client.get("/api/trades?size=500&day=2018-04-05"));
        assertEquals(count("SELECT COUNT(*) FROM trades WHERE run_id = " + runId + " AND exit_time >= "
                + Instant.parse("2018-04-05T00:00:00Z").toEpochMilli() + " AND exit_time < " + Instant.parse("2018-04-06T00:00:00Z").toEpochMilli()),
                day.path("total").asInt());
        assertTrue(day.path("total").asInt() > 0);

        for (String[] bad : new String[][] {{"/api/trades?size=0", "size=0: expected a whole number from 1 to 500"},
                {"/api/trades?size=501", "size=501: expected a whole number from 1 to 500"},
                {"/api/trades?page=x", "page=x: expected a whole number"},
                {"/api/trades?symbol=DOGE-USD", "symbol=DOGE-USD: the session trades BTC-USD, ETH-USD, LTC-USD"},
                {"/api/trades?bot=nobody", "bot=nobody: the session's bots are "},
                {"/api/trades?day=2018-13-01", "day=2018-13-01: expected a date such as 2018-04-05"},
                {"/api/candles?symbol=X", "symbol=X: expected one of BTC-USD, ETH-USD, LTC-USD"},
                {"/api/candles?symbol=BTC-USD&after=yesterday", "after=yesterday: expected an instant"}}) {
            HttpResponse<byte[]> r = client.get(bad[0]);
            assertEquals(400, r.statusCode(), bad[0]);
            assertTrue(json(r).path("error").asText().startsWith(bad[1]), bad[0] + ": " + json(r));
        }
    }

    @Test
    void statusBotsPluginsScriptsAndTheRedactedConfigSayWhatIsStored() throws Exception {
        BacktestReport report = run.get(60, TimeUnit.SECONDS);
        session.finished(report.result());
        TestClient client = new TestClient(server);
        JsonNode whole = json(client.get("/api/status"));
        assertEquals("store", whole.path("session").path("source").asText(), "the stored candles feed it");
        JsonNode status = whole.path("status");
        assertEquals("FINISHED", status.path("state").asText());
        assertEquals(report.result().finalEquity(), status.path("equity").asDouble(), 1e-9, "the run's final equity, not the last snapshot");
        assertEquals(0, status.path("positions").size(), "every position closed at the end of the data");
        assertEquals(report.runId(), status.path("runId").asLong());
        assertEquals(report.result().bars(), status.path("bars").asLong());
        assertEquals(report.result().lastBar().toString(), status.path("clock").asText());
        assertEquals(report.trades().size(), status.path("trades").asInt());
        JsonNode bots = json(client.get("/api/bots")).path("bots");
        assertEquals(config.bots().size(), bots.size());
        assertEquals("ema-crossover", bots.get(0).path("bot").asText());
        JsonNode plugins = json(client.get("/api/plugins")).path("plugins");
        assertTrue(plugins.findValuesAsText("id").contains("technical"), plugins.toString());
        JsonNode script = json(client.get("/api/scripts")).path("scripts").get(0);
        assertEquals(3, script.path("line").asInt());
        JsonNode equity = json(client.get("/api/equity")).path("points");
        assertEquals(report.result().finalEquity(), equity.get(equity.size() - 1).path("equity").asDouble(), 1e-9);

        ObjectMapper m = new ObjectMapper();
        JsonNode redacted = SessionRoutes.redacted(m.readTree("{\"storage\":{\"database\":\"jdbc:postgresql://h/q?user=a&password=s3cret\"},"
                + "\"feed\":{\"apiKey\":\"k\",\"privateKey\":\"p\",\"url\":\"https://bob:hunter2@x.example/feed\","
                + "\"nested\":[{\"secretToken\":\"t\"}]},\"engine\":{\"initialCash\":5}}"));
        assertEquals("***", redacted.path("feed").path("privateKey").asText());
        assertEquals("https://bob:***@x.example/feed", redacted.path("feed").path("url").asText());
        assertEquals("jdbc:postgresql://h/q?user=a&password=***", redacted.path("storage").path("database").asText());
        assertEquals("***", redacted.path("feed").path("apiKey").asText());
        assertEquals("***", redacted.path("feed").path("nested").get(0).path("secretToken").asText());
        assertEquals(5, redacted.path("engine").path("initialCash").asInt());
        assertEquals(config.data().symbols().size(), json(client.get("/api/config")).path("data").path("symbols").size());
    }

    @Test
    void aPluginIsDisabledAndEnabledFromTheNextStartWhileTheSessionKeepsIt() throws Exception {
        run.get(60, TimeUnit.SECONDS);
        TestClient client = new TestClient(server);
        HttpResponse<byte[]> off = client.send("POST", "/api/plugins/positions/disable", HttpRequest.BodyPublishers.noBody(), Map.of());
        assertEquals(200, off.statusCode(), new String(off.body(), StandardCharsets.UTF_8));
        assertFalse(json(off).path("enabledAtNextStart").asBoolean());
        assertTrue(Files.readString(dir.resolve("plugins/disabled.txt")).lines().anyMatch("positions"::equals), "persisted for the next start");
        JsonNode positions = null;
        for (JsonNode p : json(client.get("/api/plugins")).path("plugins")) {
            if (p.path("id").asText().equals("positions")) {
                positions = p;
            }
        }
        assertEquals("STARTED", positions.path("state").asText(), "the running session keeps it");
        assertFalse(positions.path("enabledAtNextStart").asBoolean());
        HttpResponse<byte[]> on = client.send("POST", "/api/plugins/positions/enable", HttpRequest.BodyPublishers.noBody(), Map.of());
        assertTrue(json(on).path("enabledAtNextStart").asBoolean());
        assertEquals(404, client.send("POST", "/api/plugins/nope/disable", HttpRequest.BodyPublishers.noBody(), Map.of()).statusCode());
        HttpResponse<byte[]> bad = client.send("POST", "/api/plugins/positions/explode", HttpRequest.BodyPublishers.noBody(), Map.of());
        assertEquals(400, bad.statusCode());
        assertEquals("action explode: expected enable or disable", json(bad).path("error").asText());
        assertEquals(401, new TestClient(server, null).send("POST", "/api/plugins/positions/disable", HttpRequest.BodyPublishers.noBody(),
                Map.of()).statusCode());
    }

    @Test
    void theTokenIsMadeOnceOwnerOnlyAndABadTokenFileIsRefusedWithWhatToDo() throws Exception {
        Path file = dir.resolve("token-test/server-token");
        ApiToken.Loaded first = ApiToken.loadOrCreate(file);
        assertTrue(first.created());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        ApiToken.Loaded again = ApiToken.loadOrCreate(file);
        assertFalse(again.created());
        assertTrue(again.token().matches(first.token().reveal()));
        assertEquals("ApiToken[hidden]", first.token().toString());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IllegalStateException open = assertThrows(IllegalStateException.class, () -> ApiToken.loadOrCreate(file));
        assertTrue(open.getMessage().contains("has permissions rw-r--r--, expected rw------- (owner only): run chmod 600"), open.getMessage());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(file, "not a token\n");
        IllegalStateException garbage = assertThrows(IllegalStateException.class, () -> ApiToken.loadOrCreate(file));
        assertTrue(garbage.getMessage().contains("does not hold a token") && garbage.getMessage().contains(file.toString()), garbage.getMessage());
    }

    private static int count(String sql) throws Exception {
        try (Connection c = db.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
