package dev.quorum.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.api.Trade;
import dev.quorum.core.TestPlugins;
import dev.quorum.core.config.BotConfig;
import dev.quorum.core.config.ConfigException;
import dev.quorum.core.config.ConfigLoader;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.config.RiskConfig;
import dev.quorum.core.plugin.PluginHealth;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.plugin.PluginStatus;
import dev.quorum.core.store.Database;

/**
 * The shipped default configuration on the embedded Coinbase candles (BTC, ETH, LTC, 2018-04-04..06),
 * with the bundled plugins loaded from their real zips, and the same run with broken plugins mixed in.
 */
class RealCandlesBacktestTest {

    private static final Path ROOT = TestPlugins.dataDir().resolve("../..").normalize();

    @TempDir
    Path dir;

    // the shipped configuration, and the same without its learners and health rules (the tests below about other things)
    private QuorumConfig shipped;
    private QuorumConfig defaults;

    @BeforeEach
    void loadShippedConfig() {
        shipped = new ConfigLoader().load(ROOT.resolve("config/quorum.yaml"));
        defaults = shipped.withLearning(shipped.learning().watchingOnly());
    }

    @Test
    void theDefaultBacktestTradesAndTheSameInputsGiveTheSameTradeLog() throws Exception {
        Path plugins = TestPlugins.install(dir.resolve("plugins"), "technical", "risk-basic", "risk-sizing", "risk-guards", "positions",
                "learners", "win-probability");
        try (Database db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
             PluginHost host = PluginHost.start(plugins)) {
            BacktestRunner runner = new BacktestRunner(db, host, ROOT, Clock.systemUTC());
            BacktestReport first = runner.run(shipped, ProgressListener.NONE);
            BacktestReport second = runner.run(shipped, ProgressListener.NONE);

            assertEquals(3, first.imports().size(), "the embedded candles are imported on first use only");
            assertTrue(second.imports().isEmpty());
            assertTrue(first.trades().size() >= 10, "the default ensemble trades: " + first.trades().size());
            assertEquals(first.tradeLogSha256(), second.tradeLogSha256());
            assertEquals(first.trades(), second.trades());
            assertNotEquals(first.runId(), second.runId());

            // the figures agree with an independent reading of the stored rows
            try (Connection c = db.connection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*), SUM(pnl), SUM(fees), SUM(CASE WHEN pnl > 0 THEN 1 ELSE 0 END)"
                         + " FROM trades WHERE run_id = " + first.runId())) {
                rs.next();
                assertEquals(first.performance().trades().trades(), rs.getInt(1));
                assertEquals(first.performance().trades().netPnl(), rs.getDouble(2), 1e-6);
                assertEquals(first.performance().trades().fees(), rs.getDouble(3), 1e-6);
                assertEquals(first.performance().trades().wins(), rs.getInt(4));
            }
            assertEquals(defaults.engine().initialCash() + first.performance().trades().netPnl(), first.result().finalEquity(), 1e-6,
                    "every position is closed at the end, so equity = cash + realised PnL");

            // the equity curve: one point per hour that has bars (engine.equityResolution 1h), the last one the final equity
            var curve = new dev.quorum.core.journal.RunJournal(db, Clock.systemUTC()).equityCurve(first.runId());
            try (Connection c = db.connection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(DISTINCT open_time / 3600000) FROM candles WHERE timeframe = '1m'"
                         + " AND open_time >= " + first.result().firstBar().toEpochMilli()
                         + " AND open_time < " + first.result().lastBar().toEpochMilli()
                         + " AND symbol IN ('BTC-USD', 'ETH-USD', 'LTC-USD')")) {
                rs.next();
                assertEquals(rs.getInt(1), curve.size());
            }
            assertEquals(first.result().finalEquity(), curve.get(curve.size() - 1).equity(), 1e-9);
            assertEquals(first.result().lastBar(), curve.get(curve.size() - 1).time());
            for (Trade t : first.trades()) {
                assertTrue(defaults.data().symbols().contains(t.symbol()));
                assertFalse(t.bots().isEmpty(), "every entry names the bots that voted for it");
                assertTrue(t.quantity() * t.entryPrice() <= 0.25 * 12_000, "fixed-fraction 0.25 caps each entry");
            }
            assertTrue(first.suspendedBots().isEmpty());

            // Pinned: the figures README.md shows for the default backtest (the full learning ensemble, health on). The
            // engine itself uses only + - x / and sqrt, which IEEE-754 makes the same on every JVM; the win-probability
            // model (Tribuo's logistic regression) also uses exp and log, which may differ in the last bit between
            // platforms, so these are pinned for the reference JDK on x86-64. When an intended change moves them,
            // update them here and in the README together.
            assertEquals(31, first.performance().trades().trades());
            assertEquals(18, first.performance().trades().wins());
            assertEquals(-65.14, first.performance().trades().netPnl(), 0.005);
            assertEquals(72.90, first.performance().trades().fees(), 0.005);
            assertEquals(26, first.result().entriesBlocked());
            assertEquals("d5836af38cf2078eb3ff13b880fe4cf2624cc3d78b1698be53f95f987c28afcc", first.tradeLogSha256());
        }
    }

    @Test
    void brokenBotsAreSuspendedAndTheRunCompletes() throws Exception {
        Path plugins = TestPlugins.install(dir.resolve("plugins"), "technical", "risk-basic", "risk-sizing", "risk-guards", "positions", "faulty-strategy");
        QuorumConfig config = new QuorumConfig(defaults.data(), defaults.engine(), defaults.broker(), defaults.storage(),
                concat(defaults.bots(), List.of(new BotConfig(null, "fixture-throws", null),
                        new BotConfig(null, "fixture-null-signal", null), new BotConfig(null, "fixture-wrong-side-stop", null))),
                defaults.risk());
        try (Database db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
             PluginHost host = PluginHost.start(plugins)) {
            BacktestReport report = new BacktestRunner(db, host, ROOT, Clock.systemUTC()).run(config, ProgressListener.NONE);

            List<String> suspended = report.suspendedBots().stream().map(BotReport::bot).sorted().toList();
            assertEquals(List.of("fixture-null-signal", "fixture-throws", "fixture-wrong-side-stop"), suspended);
            for (BotReport b : report.suspendedBots()) {
                assertEquals(defaults.engine().maxBotErrors(), b.errors());
            }
            assertTrue(report.result().bars() > 10_000, "the engine kept going");
            PluginStatus faulty = host.statuses().stream().filter(s -> s.id().equals("fixture-faulty-strategy")).findFirst().orElseThrow();
            assertEquals(PluginHealth.DEGRADED, faulty.health());
            assertEquals(3 * defaults.engine().maxBotErrors(), faulty.errors());
            assertEquals(PluginHealth.STARTED, host.statuses().stream().filter(s -> s.id().equals("technical")).findFirst()
                    .orElseThrow().health());
            // the suspended bots are stored with the run
            assertEquals(3, new dev.quorum.core.journal.RunJournal(db, Clock.systemUTC()).bots(report.runId()).stream()
                    .filter(BotReport::suspended).count());
        }
    }

    @Test
    void aRiskModuleThatEnlargesIsClampedAndOneThatThrowsBlocksEveryEntry() throws Exception {
        Path plugins = TestPlugins.install(dir.resolve("plugins"), "technical", "risk-basic", "greedy-risk");
        try (Database db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
             PluginHost host = PluginHost.start(plugins)) {
            BacktestRunner runner = new BacktestRunner(db, host, ROOT, Clock.systemUTC());
            // fixed-fraction then the enlarger: the enlarger's ×10 is clamped, so sizes stay at 25% of equity
            RiskConfig fraction = new RiskConfig(null, "fixed-fraction", Map.of("fraction", 0.25));
            QuorumConfig enlarging = withRisk(List.of(fraction, new RiskConfig(null, "fixture-enlarger", null)));
            BacktestReport clamped = runner.run(enlarging, ProgressListener.NONE);
            BacktestReport baseline = runner.run(withRisk(List.of(fraction)), ProgressListener.NONE);
            assertFalse(clamped.trades().isEmpty());
            assertEquals(baseline.trades(), clamped.trades(), "a clamped resize changes nothing");
            PluginStatus greedy = host.statuses().stream().filter(s -> s.id().equals("fixture-greedy-risk")).findFirst().orElseThrow();
            assertEquals(PluginHealth.DEGRADED, greedy.health());
            assertTrue(greedy.message().contains("tried to enlarge"), greedy.message());

            BacktestReport blocked = runner.run(withRisk(List.of(new RiskConfig(null, "fixture-thrower", null))), ProgressListener.NONE);
            assertTrue(blocked.trades().isEmpty(), "a throwing module blocks (fail-safe)");
            assertTrue(blocked.result().entriesBlocked() > 0);
        }
    }

    @Test
    void aConfigNamingAMissingStrategyOrABadParameterIsRefusedBeforeAnythingIsStored() throws Exception {
        Path plugins = TestPlugins.install(dir.resolve("plugins"), "technical", "risk-basic", "risk-sizing", "risk-guards", "positions");
        try (Database db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
             PluginHost host = PluginHost.start(plugins)) {
            BacktestRunner runner = new BacktestRunner(db, host, ROOT, Clock.systemUTC());
            QuorumConfig missing = new QuorumConfig(defaults.data(), defaults.engine(), defaults.broker(), defaults.storage(),
                    List.of(new BotConfig(null, "ema-crosover", null)), List.of());
            ConfigException e = assertThrows(ConfigException.class, () -> runner.run(missing, ProgressListener.NONE));
            assertTrue(e.getMessage().contains("bots[0] 'ema-crosover': no strategy 'ema-crosover'"), e.getMessage());
            assertTrue(e.getMessage().contains("ema-crossover"), "lists what is available: " + e.getMessage());

            QuorumConfig crossed = new QuorumConfig(defaults.data(), defaults.engine(), defaults.broker(), defaults.storage(),
                    List.of(new BotConfig(null, "ema-crossover", Map.of("fast", 30, "slow", 20))), List.of());
            ConfigException e2 = assertThrows(ConfigException.class, () -> runner.run(crossed, ProgressListener.NONE));
            assertTrue(e2.getMessage().contains("fast (30) must be below slow (20)"), e2.getMessage());

            try (Connection c = db.connection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM runs")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no run was recorded");
            }
        }
    }

    private QuorumConfig withRisk(List<RiskConfig> risk) {
        return new QuorumConfig(defaults.data(), defaults.engine(), defaults.broker(), defaults.storage(), defaults.bots(), risk);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
