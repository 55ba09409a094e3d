package dev.quorum.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.api.Bar;
import dev.quorum.api.BarQuery;
import dev.quorum.api.BarStream;
import dev.quorum.api.ComponentInfo;
import dev.quorum.api.MarketDataSource;
import dev.quorum.api.Parameters;
import dev.quorum.api.SourceContext;
import dev.quorum.api.Timeframe;
import dev.quorum.core.TestPlugins;
import dev.quorum.core.config.ConfigException;
import dev.quorum.core.config.ConfigLoader;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.config.SourceConfig;
import dev.quorum.core.data.CandleConflictException;
import dev.quorum.core.data.CandleStore;
import dev.quorum.core.journal.RunJournal;
import dev.quorum.core.journal.RunRecord;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.plugin.Registered;
import dev.quorum.core.store.Database;
import dev.quorum.testkit.CoinbaseCandlesServer;
import dev.quorum.testkit.TestClock;

/**
 * Runs fed by a {@code MarketDataSource} plugin: the bundled {@code coinbase-candles} zip loaded by PF4J, reading from a
 * real HTTP server on loopback that answers as Coinbase Exchange does, serving the embedded real candles. The same
 * configuration fed so gives the same trades as on the stored candles; the bars are kept in the store; a stop asked for
 * while the source waits for its next bar stops the run at once and it resumes; and bad sources, settings and bars are
 * refused saying where and what, losing nothing stored.
 */
class SourcedRunTest {

    private static final Path ROOT = TestPlugins.dataDir().resolve("../..").normalize();
    private static final String[] PLUGINS = {"technical", "risk-basic", "risk-sizing", "risk-guards", "positions", "learners",
            "win-probability", "coinbase-candles"};
    private static final Instant AFTER_ALL_DATA = Instant.parse("2018-04-10T00:00:00Z");

    @TempDir
    static Path dir;

    /** The market's clock: the test sets what "now" is for the exchange stand-in and the host alike. */
    private static final TestClock CLOCK = TestClock.at(AFTER_ALL_DATA);

    private static QuorumConfig onStored;
    private static CoinbaseCandlesServer exchange;
    private static PluginHost host;
    private static BacktestReport stored;

    @BeforeAll
    static void runOnTheStoredCandles() throws Exception {
        // BTC-USD and LTC-USD: both end with 2018-04-06, so the stored candles' data-end rule does not apply either
        QuorumConfig shipped = new ConfigLoader().load(ROOT.resolve("config/quorum.yaml"));
        onStored = shipped.withData(shipped.data().with(List.of("BTC-USD", "LTC-USD"), null, null));
        host = PluginHost.start(TestPlugins.install(dir.resolve("plugins"), PLUGINS));
        exchange = CoinbaseCandlesServer.start(CLOCK).serve("BTC-USD", TestPlugins.dataDir().resolve("coinbase_BTC-USD_1m.csv"))
                .serve("LTC-USD", TestPlugins.dataDir().resolve("coinbase_LTC-USD_1m.csv"));
        try (Database db = open("stored")) {
            stored = runner(db).run(onStored, ProgressListener.NONE);
        }
        assertTrue(stored.trades().size() >= 10, "enough trades to compare: " + stored.trades().size());
    }

    @AfterAll
    static void stop() {
        exchange.close();
        host.close();
    }

    private static Database open(String name) {
        return Database.open(Database.fileUrl(dir.resolve(name + "/quorum")));
    }

    private static BacktestRunner runner(Database db) {
        return new BacktestRunner(db, host, ROOT, CLOCK);
    }

    private static QuorumConfig fedBy(Map<String, Object> params) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(Map.of("baseUrl", exchange.baseUrl(), "requestsPerSecond", 10.0,
                "pollSeconds", 0.05));
        all.putAll(params);
        return onStored.withData(onStored.data().withSource(new SourceConfig("coinbase-candles", all)));
    }

    private static List<String> candles(Database db) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT symbol, open_time, open, high, low, close, volume FROM candles WHERE timeframe = '1m'"
                     + " AND symbol IN ('BTC-USD', 'LTC-USD') AND open_time >= 1522800000000 AND open_time < 1523059200000"
                     + " ORDER BY symbol, open_time")) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getLong(2) + " " + r.getDouble(3) + " " + r.getDouble(4) + " " + r.getDouble(5) + " "
                        + r.getDouble(6) + " " + r.getDouble(7));
            }
        }
        return rows;
    }

    @Test
    void aRunFedByTheSourcePluginTradesAsOnTheStoredCandlesAndKeepsTheBars() throws Exception {
        CLOCK.set(AFTER_ALL_DATA);
        try (Database db = open("fed"); Database storedDb = open("stored")) {
            BacktestReport fed = runner(db).run(fedBy(Map.of()), ProgressListener.NONE);
            assertEquals(stored.result().bars(), fed.result().bars());
            assertEquals(stored.trades(), fed.trades());
            assertEquals(stored.tradeLogSha256(), fed.tradeLogSha256());
            assertTrue(fed.imports().isEmpty(), "nothing imported from the embedded files");
            assertEquals(candles(storedDb), candles(db), "the bars the source gave, kept in the store as they came");
            // a second run over the same bars: each is found identical in the store and kept once
            BacktestReport again = runner(db).run(fedBy(Map.of()), ProgressListener.NONE);
            assertEquals(stored.tradeLogSha256(), again.tradeLogSha256());
            assertEquals(candles(storedDb), candles(db));
        }
    }

    @Test
    void aStopAskedForWhileTheSourceWaitsStopsAtOnceAndTheRunResumes() throws Exception {
        CLOCK.set(Instant.parse("2018-04-05T12:00:30Z")); // the market is at 12:00:30 and stays there: 12:00 never closes
        RunStop stop = RunStop.onRequest();
        try (Database db = open("stopped")) {
            CompletableFuture<BacktestReport> running = CompletableFuture.supplyAsync(
                    () -> runner(db).run(fedBy(Map.of("settleSeconds", 5)), ProgressListener.NONE, "paper", s -> s, null, stop));
            // wait until the run has taken every bar closed by 12:00:25: the last one opening before 12:00
            long last;
            try (Database storedDb = open("stored")) {
                last = lastStoredBefore(storedDb, Instant.parse("2018-04-05T12:00:00Z"));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (lastStoredBefore(db, Instant.parse("2018-04-05T12:00:00Z")) < last) {
                assertTrue(System.nanoTime() < deadline, "the run did not reach the last bar before 12:00");
                assertFalse(running.isDone(), () -> "the run ended: " + running.join().result());
                Thread.sleep(50);
            }
            Thread.sleep(300);
            assertFalse(running.isDone(), "it waits for 12:00 to close");
            long asked = System.nanoTime();
            stop.request();
            BacktestReport stoppedReport = running.get(10, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - asked < TimeUnit.SECONDS.toNanos(3), "stopped within a poll of the source's queue");
            assertTrue(stoppedReport.result().stopped());
            assertEquals(Instant.ofEpochMilli(last).plusSeconds(60), stoppedReport.result().stoppedAt(), "at the last bar's close");
            RunRecord record = new RunJournal(db, CLOCK).run(stoppedReport.runId()).orElseThrow();
            assertEquals("STOPPED", record.status());

            CLOCK.set(AFTER_ALL_DATA); // later: the rest of the data has closed
            int requestsBefore = exchange.requests().size();
            BacktestReport resumed = runner(db).resume(stoppedReport.runId(), fedBy(Map.of("settleSeconds", 5)), ProgressListener.NONE,
                    s -> s, null, RunStop.never());
            assertFalse(resumed.result().stopped());
            assertEquals(stored.tradeLogSha256(), resumed.tradeLogSha256(), "as if it had never stopped");
            List<String> resumeRequests = exchange.requests().subList(requestsBefore, exchange.requests().size());
            assertFalse(resumeRequests.isEmpty());
            for (String request : resumeRequests) {
                Instant start = Instant.parse(request.replaceFirst(".*&start=([^&]+).*", "$1"));
                assertFalse(start.isBefore(stoppedReport.result().stoppedAt()),
                        "the bars up to the stop come from the store, the source is asked from the stop on: " + request);
            }
        }
    }

    private static long lastStoredBefore(Database db, Instant time) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COALESCE(MAX(open_time), 0) FROM candles WHERE symbol IN ('BTC-USD', 'LTC-USD')"
                     + " AND open_time < " + time.toEpochMilli())) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void badSourcesAndSettingsAreRefusedBeforeTheRunIsStored() {
        CLOCK.set(AFTER_ALL_DATA);
        try (Database db = open("refused")) {
            QuorumConfig unknown = onStored.withData(onStored.data().withSource(new SourceConfig("binance-klines", Map.of())));
            ConfigException noSource = assertThrows(ConfigException.class, () -> runner(db).run(unknown, ProgressListener.NONE));
            assertEquals("data.source: no market data source 'binance-klines' among the started plugins (available: [store (the stored"
                    + " candles), coinbase-candles]); is its plugin installed, enabled and started? see ./quorum plugins list",
                    noSource.getMessage());
            assertEquals(List.of("data", "source", "use"), noSource.path());
            ConfigException param = assertThrows(ConfigException.class,
                    () -> runner(db).run(fedBy(Map.of("baseURL", "http://x")), ProgressListener.NONE));
            assertTrue(param.getMessage().startsWith("data.source 'coinbase-candles': unknown parameter 'baseURL' for 'coinbase-candles'"
                    + " (declared: baseUrl, settleSeconds, pollSeconds, timeoutSeconds, retries, requestsPerSecond)"), param.getMessage());
            ConfigException range = assertThrows(ConfigException.class,
                    () -> runner(db).run(fedBy(Map.of("settleSeconds", -1)), ProgressListener.NONE));
            assertTrue(range.getMessage().startsWith("data.source 'coinbase-candles': parameter settleSeconds = -1"), range.getMessage());
            // refused by the source itself when asked for bars, still before anything is stored
            ConfigException url = assertThrows(ConfigException.class,
                    () -> runner(db).run(fedBy(Map.of("baseUrl", "ftp://example.com")), ProgressListener.NONE));
            assertEquals("data.source 'coinbase-candles': parameter baseUrl = ftp://example.com: expected an http(s) URL such as"
                    + " https://api.exchange.coinbase.com", url.getMessage());
            assertEquals(List.of("data", "source", "params", "baseUrl"), url.path());
            QuorumConfig hourly = fedBy(Map.of());
            dev.quorum.core.config.EngineConfig e = hourly.engine();
            QuorumConfig h4 = hourly.withEngine(new dev.quorum.core.config.EngineConfig(e.initialCash(), e.consensusThreshold(),
                    e.allowShort(), e.maxBotErrors(), e.historyBars(), e.stopLoss(), e.takeProfit(), "1d"))
                    .withData(new dev.quorum.core.config.DataConfig(hourly.data().symbols(), "4h", hourly.data().from(),
                    hourly.data().to(), hourly.data().dir(), hourly.data().source()));
            ConfigException timeframe = assertThrows(ConfigException.class, () -> runner(db).run(h4, ProgressListener.NONE));
            assertEquals("data.source 'coinbase-candles': Coinbase Exchange serves candles of 1m, 5m, 15m, 1h, 6h and 1d, not 4h"
                    + " (data.timeframe)", timeframe.getMessage());
            assertTrue(new RunJournal(db, CLOCK).runs().isEmpty(), "no run stored for a refused configuration");
        }
    }

    @Test
    void aFailingSourceFailsTheRunNamingTheSourceAndABarUnlikeTheStoredOneIsNeverWritten() throws Exception {
        CLOCK.set(AFTER_ALL_DATA);
        try (Database db = open("failing")) {
            QuorumConfig doge = fedBy(Map.of("retries", 0));
            QuorumConfig dogeRun = doge.withData(doge.data().with(List.of("BTC-USD", "DOGE-USD"), null, null));
            int before = host.errorCounts().getOrDefault("coinbase-candles", 0);
            IllegalStateException failed = assertThrows(IllegalStateException.class, () -> runner(db).run(dogeRun, ProgressListener.NONE));
            assertTrue(failed.getMessage().matches("data source 'coinbase-candles' \\(plugin coinbase-candles\\) failed: IllegalStateException:"
                    + " GET http://127\\.0\\.0\\.1:\\d+/products/DOGE-USD/candles\\?granularity=60&start=2018-04-04T00:00:00Z&end=.* answered"
                    + " 404 NotFound \\(is every data.symbols entry a Coinbase product id, such as BTC-USD\\?\\)"),
                    failed.getMessage());
            RunRecord run = new RunJournal(db, CLOCK).runs().getLast();
            assertEquals("FAILED", run.status());
            assertTrue(run.error().contains("404 NotFound"), run.error());
            assertEquals(before + 1, host.errorCounts().get("coinbase-candles"), "counted against the plugin");

            // the exchange is down: a stop asked for while the source retries, before its first bar, fails the run saying so
            exchange.failNext(503, 503, 503, 503, 503, 503);
            RunStop stop = RunStop.onRequest();
            CompletableFuture<BacktestReport> down = CompletableFuture.supplyAsync(
                    () -> runner(db).run(fedBy(Map.of("retries", 10)), ProgressListener.NONE, "paper", s -> s, null, stop));
            Thread.sleep(1_500);
            assertFalse(down.isDone(), "retrying");
            stop.request();
            java.util.concurrent.ExecutionException stopped = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> down.get(10, TimeUnit.SECONDS));
            assertEquals("stopped before data source 'coinbase-candles' (plugin coinbase-candles) gave its first bar",
                    stopped.getCause().getMessage());
            assertEquals("FAILED", new RunJournal(db, CLOCK).runs().getLast().status());
            exchange.clearFailures();
        }
        try (Database db = open("conflict")) {
            // the store holds BTC-USD's 00:07 bar with another close than the exchange gives
            Bar other = new Bar("BTC-USD", Timeframe.parse("1m"), Instant.parse("2018-04-04T00:07:00Z"), 7000, 7100, 6900, 7050, 1);
            assertTrue(new CandleStore(db).keep(other, "test"));
            CandleConflictException conflict = assertThrows(CandleConflictException.class,
                    () -> runner(db).run(fedBy(Map.of()), ProgressListener.NONE));
            assertTrue(conflict.getMessage().startsWith("data source 'coinbase-candles' gave BTC-USD 1m 2018-04-04T00:07:00Z as open "),
                    conflict.getMessage());
            assertTrue(conflict.getMessage().contains(", but the store holds open 7000.0 high 7100.0 low 6900.0 close 7050.0 volume 1.0"
                    + " for that bar; stored candles are never overwritten"), conflict.getMessage());
            assertFalse(new CandleStore(db).keep(other, "test"), "the stored bar is unchanged");
            assertEquals("FAILED", new RunJournal(db, CLOCK).runs().getLast().status());
        }
    }

    /** A source plugin that breaks the stream's contract, as the host's checks see it. */
    private static SourceFeed feedOf(List<Bar> bars, RunStop stop, Database db) {
        MarketDataSource source = new MarketDataSource() {
            @Override
            public ComponentInfo info() {
                return ComponentInfo.of("sloppy", "Sloppy", "breaks the contract");
            }

            @Override
            public BarStream bars(BarQuery query) {
                Iterator<Bar> it = bars.iterator();
                return BarStream.of(it);
            }
        };
        Registered<MarketDataSource> registered = new Registered<>("sloppy-plugin", source, source.info());
        BarQuery query = new BarQuery(List.of("BTC-USD", "ETH-USD"), Timeframe.parse("1m"), Instant.parse("2018-04-04T00:00:00Z"),
                Instant.parse("2018-04-05T00:00:00Z"));
        return SourceFeed.start(registered, SourceFeed.open(registered, new SourceContext(Parameters.none(), CLOCK), query), query,
                new CandleStore(db), host, stop, null);
    }

    @Test
    void aStopWaitsForTheOtherSymbolsOfTheLastBarTimeThenCutsTheStream() throws Exception {
        // a source that gives BTC-USD 00:00 at once, ETH-USD 00:00 300 ms later, then waits for ever
        java.util.concurrent.BlockingQueue<Bar> given = new java.util.concurrent.LinkedBlockingQueue<>();
        MarketDataSource slow = new MarketDataSource() {
            @Override
            public ComponentInfo info() {
                return ComponentInfo.of("slow", "Slow", "one symbol at a time");
            }

            @Override
            public BarStream bars(BarQuery query) {
                return new BarStream() {
                    private Bar next;

                    @Override
                    public boolean hasNext() {
                        try {
                            next = next != null ? next : given.take();
                            return true;
                        } catch (InterruptedException e) {
                            throw new IllegalStateException("interrupted", e);
                        }
                    }

                    @Override
                    public Bar next() {
                        hasNext();
                        Bar b = next;
                        next = null;
                        return b;
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
        Registered<MarketDataSource> registered = new Registered<>("slow-plugin", slow, slow.info());
        BarQuery query = new BarQuery(List.of("BTC-USD", "ETH-USD"), Timeframe.parse("1m"), Instant.parse("2018-04-04T00:00:00Z"),
                Instant.parse("2018-04-05T00:00:00Z"));
        RunStop stop = RunStop.onRequest();
        try (Database db = open("split"); SourceFeed feed = SourceFeed.start(registered, SourceFeed.open(registered,
                new SourceContext(Parameters.none(), CLOCK), query), query, new CandleStore(db), host, stop, null)) {
            given.add(bar("BTC-USD", "2018-04-04T00:00:00Z"));
            assertEquals("BTC-USD", feed.next().symbol());
            stop.request();
            Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                given.add(bar("ETH-USD", "2018-04-04T00:00:00Z"));
            });
            assertTrue(feed.hasNext(), "the stop waits for the rest of 00:00");
            assertEquals("ETH-USD", feed.next().symbol());
            assertFalse(stop.wasCut());
            long asked = System.nanoTime();
            assertFalse(feed.hasNext(), "then, every symbol of 00:00 in, it ends the stream");
            assertTrue(stop.wasCut());
            assertTrue(System.nanoTime() - asked < TimeUnit.SECONDS.toNanos(1), "at the first empty poll");
        }
    }

    private static Bar bar(String symbol, String time) {
        return new Bar(symbol, Timeframe.parse("1m"), Instant.parse(time), 10, 11, 9, 10.5, 1);
    }

    private static String contractBreach(List<Bar> bars, Database db) {
        try (SourceFeed feed = feedOf(bars, RunStop.never(), db)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> feed.forEachRemaining(b -> { }));
            return e.getMessage();
        }
    }

    @Test
    void barsBreakingTheStreamContractEndTheRunSayingWhich() {
        try (Database db = open("contract")) {
            String prefix = "data source 'sloppy' (plugin sloppy-plugin) failed: gave ";
            assertEquals(prefix + "bars out of order: BTC-USD 1m 2018-04-04T00:00:00Z after ETH-USD 1m 2018-04-04T00:00:00Z (bars come by open"
                    + " time, then by symbol in the order [BTC-USD, ETH-USD], each once)", contractBreach(
                    List.of(bar("ETH-USD", "2018-04-04T00:00:00Z"), bar("BTC-USD", "2018-04-04T00:00:00Z")), db));
            assertEquals(prefix + "bars out of order: BTC-USD 1m 2018-04-04T00:01:00Z after BTC-USD 1m 2018-04-04T00:01:00Z (bars come by open"
                    + " time, then by symbol in the order [BTC-USD, ETH-USD], each once)", contractBreach(
                    List.of(bar("BTC-USD", "2018-04-04T00:01:00Z"), bar("BTC-USD", "2018-04-04T00:01:00Z")), db));
            assertEquals(prefix + "a bar of a symbol the run did not ask for: LTC-USD 1m 2018-04-04T00:00:00Z (asked for [BTC-USD, ETH-USD])",
                    contractBreach(List.of(bar("LTC-USD", "2018-04-04T00:00:00Z")), db));
            assertEquals(prefix + "a bar outside the asked range: BTC-USD 1m 2018-04-05T00:00:00Z (asked for [2018-04-04T00:00:00Z,"
                    + " 2018-04-05T00:00:00Z))", contractBreach(List.of(bar("BTC-USD", "2018-04-05T00:00:00Z")), db));
            assertEquals(prefix + "a bar whose open time is not on the 1m grid: BTC-USD 1m 2018-04-04T00:00:30Z",
                    contractBreach(List.of(bar("BTC-USD", "2018-04-04T00:00:30Z")), db));
            // the good bars before a breach are delivered (and kept); the breach ends the stream
            try (SourceFeed feed = feedOf(List.of(bar("BTC-USD", "2018-04-04T00:02:00Z"), bar("BTC-USD", "2018-04-04T00:01:00Z")),
                    RunStop.never(), db)) {
                assertTrue(feed.hasNext());
                assertEquals(Instant.parse("2018-04-04T00:02:00Z"), feed.next().openTime());
                assertThrows(IllegalStateException.class, feed::hasNext);
            }
        }
    }
}
