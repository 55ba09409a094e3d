package dev.quorum.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.core.TestPlugins;
import dev.quorum.core.config.ConfigException;
import dev.quorum.core.config.ConfigLoader;
import dev.quorum.core.config.FamilyConfig;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.store.Database;

/**
 * Bot families with the real technical plugin on the embedded candles: the shipped 87-bot example
 * (config/examples/families-87.yaml) votes as 87 bots, and a member's bad value is reported at its place in
 * the family, with the file, line and column.
 */
class BotFamiliesTest {

    private static final Path ROOT = TestPlugins.dataDir().resolve("../..").normalize();

    @TempDir
    static Path dir;

    private static Database db;
    private static PluginHost host;
    private static QuorumConfig defaults;

    @BeforeAll
    static void start() throws Exception {
        host = PluginHost.start(TestPlugins.install(dir.resolve("plugins"), "technical", "risk-basic", "risk-sizing", "risk-guards",
                "positions"));
        db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
        defaults = watchingOnly(new ConfigLoader().load(ROOT.resolve("config/quorum.yaml")));
    }

    @AfterAll
    static void stop() {
        host.close();
        db.close();
    }

    private static QuorumConfig withFamilies(QuorumConfig base, List<FamilyConfig> families) {
        return new QuorumConfig(base.data(), base.engine(), base.broker(), base.storage(), List.of(), base.risk(), base.scripts(),
                base.reports(), base.server(), base.positions(), families);
    }

    @Test
    void theShippedExampleVotesAs87Bots() {
        List<FamilyConfig> families = new ConfigLoader().load(ROOT.resolve("config/examples/families-87.yaml")).families();
        assertEquals(List.of("ema", "rsi", "macd", "boll"), families.stream().map(FamilyConfig::name).toList());
        QuorumConfig config = withFamilies(defaults, families);
        assertEquals(87, config.allBots().size());
        BacktestReport report = new BacktestRunner(db, host, ROOT, Clock.systemUTC()).run(config, ProgressListener.NONE);
        List<String> voted = report.result().bots().stream().map(BotReport::bot).toList();
        assertEquals(87, voted.size());
        assertEquals("ema-5-20", voted.get(0));
        assertTrue(voted.contains("rsi-14-30-70"), voted.toString());
        assertTrue(voted.contains("macd-12-26-9"), voted.toString());
        assertEquals("boll-120-reversion", voted.get(86));
        assertTrue(report.result().bots().stream().noneMatch(b -> b.suspended()), "every member runs");
        long predicting = new dev.quorum.core.journal.PredictionRecords(db).byBot(report.runId()).size();
        assertTrue(predicting >= 80, predicting + " of the 87 made predictions");
        assertTrue(report.trades().size() > 0, "87 voters reach consensus on these days");
    }

    @Test
    void aMembersBadValueIsReportedWhereItIs() throws Exception {
        Path file = dir.resolve("bad-family.yaml");
        Files.writeString(file, "families:\n  - name: ema\n    strategy: ema-crossover\n    grid:\n      fast: [5, 500]\n      slow: [50]\n");
        QuorumConfig config = withFamilies(defaults, new ConfigLoader().load(file).families());
        ConfigException e = assertThrows(ConfigException.class,
                () -> new BacktestRunner(db, host, ROOT, Clock.systemUTC()).run(config, ProgressListener.NONE));
        String located = e.locatedIn(file).getMessage();
        assertTrue(located.startsWith(file + ":5:17: families[0] 'ema' bot 'ema-500-50': parameter fast = 500"), located);
    }

    /** The shipped configuration without its learners and health rules: this test is about something else. */
    private static dev.quorum.core.config.QuorumConfig watchingOnly(dev.quorum.core.config.QuorumConfig config) {
        return config.withLearning(config.learning().watchingOnly());
    }
}
