package dev.quorum.core.position;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.quorum.core.TestPlugins;
import dev.quorum.core.config.ConfigLoader;
import dev.quorum.core.config.PositionsConfig;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.config.RiskConfig;
import dev.quorum.core.engine.BacktestReport;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.engine.ProgressListener;
import dev.quorum.core.plugin.PluginHealth;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.plugin.PluginStatus;
import dev.quorum.core.store.Database;

/**
 * The host's rules for position managers, proven with a deliberately misbehaving one (fixture-bad-exits in
 * fixture-greedy-risk, loaded from its real zip) on the embedded candles: a stop that would loosen, a stop
 * beyond the close, a target behind it, an exception, a null, an initial stop on the wrong side, an entry leg
 * resting beyond the stop; a hedge larger than its position, on a symbol without one, of a NaN quantity, an
 * exception or a null from {@code hedge}. Each is refused and counted against the plugin, the positions keep their levels, and the run trades exactly as it
 * does without a manager (whose levels the fixture opens with).
 */
class PositionDeskEnforcementTest {

    private static final Path ROOT = TestPlugins.dataDir().resolve("../..").normalize();

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"loosen, would loosen", "beyond-close, is not below the close", "wrong-target, is not above the close",
            "throw, deliberate failure", "null, returned null", "bad-open, the reference price",
            "leg-beyond-stop, is not between the stop-loss", "hedge-oversize, is larger than the",
            "hedge-nowhere, which this run does not trade [BTC-USD, ETH-USD, LTC-USD]", "hedge-flat, where no position is open", "hedge-nan, expected a finite quantity above 0",
            "hedge-throw, deliberate failure hedging", "hedge-null, hedge() returned null"})
    void aManagerBreakingARuleIsRefusedCountedAndChangesNoTrade(String mode, String message) throws Exception {
        QuorumConfig config = watchingOnly(new ConfigLoader().load(ROOT.resolve("config/quorum.yaml")))
                .withRisk(List.of(new RiskConfig(null, "fixed-fraction", Map.of("fraction", 0.25))));
        Path plugins = TestPlugins.install(dir.resolve("plugins"), "technical", "risk-basic", "greedy-risk");
        try (Database db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
             PluginHost host = PluginHost.start(plugins)) {
            BacktestRunner runner = new BacktestRunner(db, host, ROOT, Clock.systemUTC());
            BacktestReport without = runner.run(config.withPositions(PositionsConfig.none()), ProgressListener.NONE);
            BacktestReport with = runner.run(config.withPositions(new PositionsConfig("fixture-bad-exits", Map.of("mode", mode))),
                    ProgressListener.NONE);
            assertFalse(without.trades().isEmpty());
            assertEquals(without.trades(), with.trades(), "every update was refused, so the trades are those without a manager");
            PluginStatus status = host.statuses().stream().filter(s -> s.id().equals("fixture-greedy-risk")).findFirst().orElseThrow();
            assertEquals(PluginHealth.DEGRADED, status.health());
            assertTrue(status.message().contains(message), status.message());
        }
    }

    /** The shipped configuration without its learners and health rules: this test is about something else. */
    private static dev.quorum.core.config.QuorumConfig watchingOnly(dev.quorum.core.config.QuorumConfig config) {
        return config.withLearning(config.learning().watchingOnly());
    }
}
