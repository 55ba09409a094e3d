package dev.quorum.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.quorum.core.TestPlugins;
import dev.quorum.core.config.ConfigLoader;
import dev.quorum.core.config.PositionsConfig;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.config.RiskConfig;
import dev.quorum.core.engine.BacktestReport;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.engine.ProgressListener;
import dev.quorum.core.journal.RiskLog;
import dev.quorum.core.journal.RiskModuleCount;
import dev.quorum.core.plugin.PluginHealth;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.plugin.PluginStatus;
import dev.quorum.core.store.Database;

/**
 * The host's rules for risk modules, proven with deliberately misbehaving plugins (fixture-greedy-risk,
 * loaded from its real zip) on the embedded candles with the default bots: a module that answers null,
 * NaN, a negative or a zero size blocks the order and is counted against its plugin; one that tries to
 * reverse or enlarge an order by reflection changes nothing; one that fails on every bar is counted and
 * the run goes on; and every step of the chain is stored.
 */
class RiskChainEnforcementTest {

    private static final Path ROOT = TestPlugins.dataDir().resolve("../..").normalize();
    private static final RiskConfig FRACTION = new RiskConfig(null, "fixed-fraction", Map.of("fraction", 0.25));

    @TempDir
    Path dir;

    private QuorumConfig defaults;

    @BeforeEach
    void loadShippedConfig() {
        // the risk chain alone: positions keep the levels they open with
        defaults = watchingOnly(new ConfigLoader().load(ROOT.resolve("config/quorum.yaml"))).withPositions(PositionsConfig.none());
    }

    private interface Body {
        void run(Database db, PluginHost host, BacktestRunner runner) throws Exception;
    }

    private void withHost(Body body) throws Exception {
        Path plugins = TestPlugins.install(dir.resolve("plugins"), "technical", "risk-basic", "greedy-risk");
        try (Database db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
             PluginHost host = PluginHost.start(plugins)) {
            body.run(db, host, new BacktestRunner(db, host, ROOT, Clock.systemUTC()));
        }
    }

    private BacktestReport run(BacktestRunner runner, RiskConfig... chain) {
        return runner.run(defaults.withRisk(List.of(chain)), ProgressListener.NONE);
    }

    private static PluginStatus greedy(PluginHost host) {
        return host.statuses().stream().filter(s -> s.id().equals("fixture-greedy-risk")).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "nan", "negative", "zero"})
    void aModuleAnsweringNullNanANegativeOrAZeroSizeBlocksTheOrderAndIsCounted(String answer) throws Exception {
        withHost((db, host, runner) -> {
            BacktestReport report = run(runner, FRACTION, new RiskConfig(null, "fixture-bad-size", Map.of("answer", answer)));
            assertTrue(report.trades().isEmpty(), "no order got past a module whose answer was " + answer);
            assertTrue(report.result().entriesBlocked() > 0);
            assertEquals(PluginHealth.DEGRADED, greedy(host).health());
            RiskModuleCount bad = new RiskLog(db).moduleCounts(report.runId()).get(1);
            assertEquals("fixture-bad-size", bad.module());
            assertEquals(bad.judged(), bad.rejected(), "every intent it judged was rejected");
            assertEquals(bad.judged(), bad.faulted(), "and each rejection is marked as the host's, not the module's");
            assertEquals(report.result().entriesBlocked(), bad.rejected(), "the rejections are the run's blocked entries");
        });
    }

    @Test
    void aModuleThatTriesToReverseOrEnlargeByReflectionChangesNothing() throws Exception {
        withHost((db, host, runner) -> {
            BacktestReport baseline = run(runner, FRACTION);
            BacktestReport tampered = run(runner, FRACTION, new RiskConfig(null, "fixture-tamperer", null));
            assertFalse(baseline.trades().isEmpty());
            assertEquals(baseline.trades(), tampered.trades(), "same directions, same sizes, same trades");
            assertEquals(baseline.tradeLogSha256(), tampered.tradeLogSha256());
            // a write that succeeded would have made the module throw, which the host counts
            assertEquals(PluginHealth.STARTED, greedy(host).health(), greedy(host).message());
        });
    }

    @Test
    void aModuleFailingOnEveryBarIsCountedAndTheRunGoesOn() throws Exception {
        withHost((db, host, runner) -> {
            BacktestReport baseline = run(runner, FRACTION);
            BacktestReport failing = run(runner, FRACTION, new RiskConfig(null, "fixture-bar-failer", null));
            assertEquals(baseline.trades(), failing.trades(), "its evaluate approves, so the run trades as without it");
            PluginStatus status = greedy(host);
            assertEquals(PluginHealth.DEGRADED, status.health());
            assertTrue(status.message().contains("onBar"), status.message());
        });
    }

    @Test
    void everyStepOfTheChainIsStoredAndAgreesWithTheTrades() throws Exception {
        withHost((db, host, runner) -> {
            RiskConfig maxOne = new RiskConfig(null, "max-open-positions", Map.of("max", 1));
            BacktestReport report = run(runner, FRACTION, maxOne);
            List<RiskModuleCount> counts = new RiskLog(db).moduleCounts(report.runId());
            assertEquals(List.of("fixed-fraction", "max-open-positions"), counts.stream().map(RiskModuleCount::module).toList());
            RiskModuleCount fraction = counts.get(0);
            RiskModuleCount max = counts.get(1);
            assertEquals(fraction.judged(), fraction.shrank(), "all-in intents are always shrunk to 25% of equity");
            assertEquals(fraction.judged(), max.judged(), "nothing is rejected before max-open-positions");
            assertTrue(max.rejected() > 0, "with three symbols and room for one position, some entries are blocked");
            assertEquals(report.result().entriesBlocked(), max.rejected());
            assertEquals(report.trades().size(), max.approved(), "each approved intent became one trade");

            // the trade record carries the chain's reasons of its own decision
            List<String> notes = new ArrayList<>();
            try (Connection c = db.connection();
                 PreparedStatement ps = c.prepareStatement("SELECT risk_notes FROM trades WHERE run_id = ? ORDER BY id")) {
                ps.setLong(1, report.runId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        notes.add(rs.getString(1));
                    }
                }
            }
            assertEquals(report.trades().size(), notes.size());
            notes.forEach(n -> assertTrue(n.startsWith("fixed-fraction RESIZE") && n.contains("; max-open-positions APPROVE"), n));
        });
    }

    /** The shipped configuration without its learners and health rules: this test is about something else. */
    private static dev.quorum.core.config.QuorumConfig watchingOnly(dev.quorum.core.config.QuorumConfig config) {
        return config.withLearning(config.learning().watchingOnly());
    }
}
