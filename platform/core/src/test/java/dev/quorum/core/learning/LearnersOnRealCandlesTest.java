package dev.quorum.core.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.core.TestPlugins;
import dev.quorum.core.config.ConfigException;
import dev.quorum.core.config.ConfigLoader;
import dev.quorum.core.config.DataConfig;
import dev.quorum.core.config.LearnerConfig;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.engine.BacktestReport;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.engine.ProgressListener;
import dev.quorum.core.journal.StoredLearnerState;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.store.Database;

/**
 * The six bundled learners, loaded by PF4J from their plugin zips (win-probability with Tribuo in its own), on the default configuration and the embedded candles:
 * they move the weights (within the bounds) and so the trades, deterministically; they report their figures and save
 * their state; a named state resumes where the last run left it; unreadable state is kept aside and the run goes on;
 * mistakes in the learners' config are refused with where and what.
 */
class LearnersOnRealCandlesTest {

    private static final Path ROOT = TestPlugins.dataDir().resolve("../..").normalize();
    // the shipped configuration's trade log without learners or health (QuorumConfig: learning.watchingOnly())
    private static final String WATCHING_ONLY_HASH = "fa8a6de8204f796921a41821715afd8a05c4076195dd09220626c2ce04e649e8";

    @TempDir
    static Path dir;

    private static Database db;
    private static PluginHost host;
    private static QuorumConfig withLearners;
    private static BacktestRunner runner;
    private static BacktestReport report;

    @BeforeAll
    static void run() throws Exception {
        host = PluginHost.start(TestPlugins.install(dir.resolve("plugins"), "technical", "risk-basic", "risk-sizing", "risk-guards",
                "positions", "learners", "win-probability"));
        db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
        QuorumConfig shipped = new ConfigLoader().load(ROOT.resolve("config/quorum.yaml"));
        QuorumConfig defaults = shipped.withLearning(shipped.learning().watchingOnly());
        withLearners = defaults.withLearning(defaults.learning().withLearners(List.of(
                new LearnerConfig(null, "meta-trust", null),
                new LearnerConfig(null, "correlation-diversity", null),
                new LearnerConfig(null, "bayes-calibration", Map.of("mode", "relative")),
                new LearnerConfig(null, "q-selector", null),
                new LearnerConfig(null, "quality-weights", Map.of("filtering", true, "adaptive", true)),
                new LearnerConfig(null, "win-probability", null))));
        runner = new BacktestRunner(db, host, ROOT, Clock.systemUTC());
        report = runner.run(withLearners, ProgressListener.NONE);
    }

    @AfterAll
    static void stop() {
        host.close();
        db.close();
    }

    @Test
    void theWeightsMoveWithinTheBoundsAndChangeTheTrades() throws Exception {
        Map<String, Double> weights = new HashMap<>();
        query("SELECT bot, symbol, weight FROM bot_weights WHERE run_id = " + report.runId(),
                rs -> weights.put(rs.getString(1) + "@" + rs.getString(2), rs.getDouble(3)));
        assertEquals(12, weights.size(), "4 bots on 3 symbols: " + weights);
        assertTrue(weights.values().stream().allMatch(w -> w >= 0.1 && w <= 2.0), weights.toString());
        assertTrue(weights.values().stream().anyMatch(w -> Math.abs(w - 1) > 0.05), "the learners moved no weight: " + weights);
        assertNotEquals(WATCHING_ONLY_HASH, report.tradeLogSha256(), "the same trades as without learners");
        assertTrue(report.trades().size() > 10, "trades: " + report.trades().size());
    }

    @Test
    void aSecondRunMakesTheSameTrades() {
        BacktestReport again = runner.run(withLearners, ProgressListener.NONE);
        assertEquals(report.tradeLogSha256(), again.tradeLogSha256());
    }

    @Test
    void everyLearnerReportsOnEveryBotAndSavesItsStateUnderTheRun() throws Exception {
        Map<String, List<String>> figures = new HashMap<>();
        Map<String, Double> values = new HashMap<>();
        query("SELECT learner, bot, figure, figure_value FROM learner_figures WHERE run_id = " + report.runId(), rs -> {
            figures.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2) + "." + rs.getString(3));
            values.put(rs.getString(1) + " " + rs.getString(2) + "." + rs.getString(3), rs.getDouble(4));
        });
        assertEquals(4 * 4, figures.get("meta-trust").size(), figures.toString());          // trust, accuracy, consistency, diversity
        assertEquals(4, figures.get("correlation-diversity").size(), figures.toString());
        assertEquals(4 * 3, figures.get("bayes-calibration").size(), figures.toString());
        assertEquals(4 * 2, figures.get("q-selector").size(), figures.toString());          // favoured, bestQ
        assertEquals(4 * 2, figures.get("quality-weights").size(), figures.toString());     // qualityPass, adaptiveWeight
        assertTrue(figures.get("meta-trust").contains("rsi-reversion.trust"));
        // the model was trained, and judged on calls it had not seen
        assertTrue(values.get("win-probability *.trainings") >= 2, values.toString());
        assertTrue(values.get("win-probability *.scored") > 500, values.toString());
        double auc = values.get("win-probability *.auc");
        assertTrue(auc > 0 && auc < 1, "auc " + auc);
        double favoured = 0;
        for (String bot : List.of("ema-crossover", "rsi-reversion", "macd-cross", "bollinger")) {
            favoured += values.get("q-selector " + bot + ".favoured");
        }
        assertEquals(1.0, favoured, 1e-9, "each choice favours one strategy's bot");
        for (String learner : List.of("meta-trust", "correlation-diversity", "bayes-calibration", "q-selector", "quality-weights",
                "win-probability")) {
            Map<String, String> state = new StoredLearnerState(db, "run-" + report.runId(), learner, Clock.systemUTC()).all();
            assertEquals(1, state.size(), learner + ": " + state.keySet());
            assertTrue(state.values().iterator().next().startsWith(learner + " 1\nbots\tema-crossover\trsi-reversion\t"), learner);
        }
    }

    @Test
    void aNamedStateResumesWhereTheLastRunLeftIt() {
        QuorumConfig firstDay = days(withLearners.withLearning(withLearners.learning().withState("resume-test")), "2018-04-04", "2018-04-04");
        runner.run(firstDay, ProgressListener.NONE);
        Map<String, int[]> afterFirst = calibrationCounts("resume-test");
        QuorumConfig secondDay = days(withLearners.withLearning(withLearners.learning().withState("resume-test")), "2018-04-05", "2018-04-05");
        BacktestReport resumed = runner.run(secondDay, ProgressListener.NONE);
        Map<String, int[]> afterSecond = calibrationCounts("resume-test");
        BacktestReport fresh = runner.run(days(withLearners, "2018-04-05", "2018-04-05"), ProgressListener.NONE);
        Map<String, int[]> secondAlone = calibrationCounts("run-" + fresh.runId());
        // the calibration's counts add up: what it knew after day 1, plus what day 2 alone teaches
        assertTrue(!afterFirst.isEmpty() && !secondAlone.isEmpty());
        for (String key : afterSecond.keySet()) {
            int[] a = afterFirst.getOrDefault(key, new int[2]);
            int[] b = secondAlone.getOrDefault(key, new int[2]);
            assertEquals(a[0] + b[0], afterSecond.get(key)[0], key + " hits");
            assertEquals(a[1] + b[1], afterSecond.get(key)[1], key + " calls");
        }
        assertNotEquals(fresh.tradeLogSha256(), resumed.tradeLogSha256(), "a resumed learner trades as a fresh one");
    }

    @Test
    void aFrozenRunTradesOnItsStartingStateAndLeavesItUntouched() {
        QuorumConfig named = withLearners.withLearning(withLearners.learning().withState("frozen-test"));
        runner.run(days(named, "2018-04-04", "2018-04-04"), ProgressListener.NONE);
        Map<String, Map<String, String>> before = new HashMap<>();
        for (String learner : List.of("meta-trust", "q-selector", "win-probability")) {
            before.put(learner, new StoredLearnerState(db, "frozen-test", learner, Clock.systemUTC()).all());
        }
        BacktestRunner frozen = runner.frozenLearners();
        BacktestReport first = frozen.run(days(named, "2018-04-05", "2018-04-05"), ProgressListener.NONE);
        BacktestReport second = frozen.run(days(named, "2018-04-05", "2018-04-05"), ProgressListener.NONE);
        assertEquals(first.tradeLogSha256(), second.tradeLogSha256(), "the second frozen run starts where the first did");
        for (String learner : before.keySet()) {
            assertEquals(before.get(learner), new StoredLearnerState(db, "frozen-test", learner, Clock.systemUTC()).all(), learner);
        }
        // and it did trade on that state: the same day frozen from no state at all trades otherwise
        BacktestReport fromNothing = frozen.run(days(withLearners.withLearning(withLearners.learning().withState("frozen-empty")),
                "2018-04-05", "2018-04-05"), ProgressListener.NONE);
        assertNotEquals(fromNothing.tradeLogSha256(), first.tradeLogSha256(), "the frozen run ignored what was learnt");
        runner.run(days(named, "2018-04-05", "2018-04-05"), ProgressListener.NONE);
        assertTrue(!before.get("meta-trust").equals(new StoredLearnerState(db, "frozen-test", "meta-trust", Clock.systemUTC()).all()),
                "a learning run saves what it learnt");
    }

    @Test
    void unreadableStateIsKeptAsideAndTheLearnerStartsFresh() {
        StoredLearnerState state = new StoredLearnerState(db, "broken", "meta-trust", Clock.systemUTC());
        state.put("trust", "meta-trust 1\nbots\tema-crossover\tno-such-bot\n");
        // a number that does not parse (NumberFormatException, an IllegalArgumentException) is unreadable state too, not a
        // mistake in the config
        StoredLearnerState q = new StoredLearnerState(db, "broken", "q-selector", Clock.systemUTC());
        q.put("q", "q-selector 1\nbots\tema-crossover\trsi-reversion\tmacd-cross\tbollinger\nchoices\t1\tmany\t0.3\n");
        BacktestReport run = runner.run(days(withLearners.withLearning(withLearners.learning().withState("broken")), "2018-04-04",
                "2018-04-04"), ProgressListener.NONE);
        assertTrue(run.trades().size() > 0);
        assertEquals("meta-trust 1\nbots\tema-crossover\tno-such-bot\n",
                new StoredLearnerState(db, "broken.unreadable", "meta-trust", Clock.systemUTC()).get("trust").orElseThrow());
        assertTrue(state.get("trust").orElseThrow().startsWith("meta-trust 1\nbots\tema-crossover\trsi-reversion\t"),
                "the fresh learner saved its own state over it");
        assertTrue(new StoredLearnerState(db, "broken.unreadable", "q-selector", Clock.systemUTC()).get("q").orElseThrow()
                .contains("choices\t1\tmany"));
    }

    @Test
    void aGroupWeightLetsAHeavyBotCarryTheVote() {
        QuorumConfig plain = withLearners.withLearning(withLearners.learning().withLearners(List.of()));
        var w = plain.learning().weights();
        QuorumConfig heavy = plain.withLearning(new dev.quorum.core.config.LearningConfig(true, null, null,
                plain.learning().health(), List.of(), new dev.quorum.core.config.WeightsConfig(null, null, null, null,
                Map.of("rsi-reversion", 2.0, "ema-crossover", 0.1, "macd-cross", 0.1, "bollinger", 0.1)), null, null));
        // equal weights: one bot alone has at most a quarter of the vote and never reaches 60%
        assertTrue(runner.run(plain, ProgressListener.NONE).trades().stream().noneMatch(t -> t.bots().equals(List.of("rsi-reversion"))));
        // rsi-reversion at 2.0 and the others at 0.1: its confident calls carry the vote alone
        assertTrue(runner.run(heavy, ProgressListener.NONE).trades().stream().anyMatch(t -> t.bots().equals(List.of("rsi-reversion"))));
        assertEquals(2.0, w.max());
    }

    @Test
    void mistakesInTheLearnersConfigAreRefusedWithWhereAndWhat() {
        ConfigException unknown = assertThrows(ConfigException.class, () -> runner.run(withLearners.withLearning(
                withLearners.learning().withLearners(List.of(new LearnerConfig(null, "oracle", null)))), ProgressListener.NONE));
        assertTrue(unknown.getMessage().contains("learning.learners[0] 'oracle': no learner 'oracle'")
                && unknown.getMessage().contains("[bayes-calibration, correlation-diversity, meta-trust, q-selector, quality-weights,"
                + " win-probability]"), unknown.getMessage());
        assertEquals(List.of("learning", "learners", 0, "learner"), unknown.path());

        ConfigException range = assertThrows(ConfigException.class, () -> runner.run(withLearners.withLearning(
                withLearners.learning().withLearners(List.of(new LearnerConfig("trust", "meta-trust", Map.of("window", 1))))),
                ProgressListener.NONE));
        assertTrue(range.getMessage().contains("learning.learners[0] 'trust'") && range.getMessage().contains("window")
                && range.getMessage().contains("1") && range.getMessage().contains("[4, 100000]"), range.getMessage());

        ConfigException horizon = assertThrows(ConfigException.class, () -> runner.run(withLearners.withLearning(
                withLearners.learning().withLearners(List.of(new LearnerConfig(null, "bayes-calibration", Map.of("horizon", "2h"))))),
                ProgressListener.NONE));
        assertTrue(horizon.getMessage().contains("horizon") && horizon.getMessage().contains("[1h, 4h, 24h]"), horizon.getMessage());
        assertEquals(List.of("learning", "learners", 0, "params", "horizon"), horizon.path());

        ConfigException group = assertThrows(ConfigException.class, () -> runner.run(withLearners.withLearning(
                new dev.quorum.core.config.LearningConfig(true, null, null, null, List.of(),
                        new dev.quorum.core.config.WeightsConfig(null, null, null, null, Map.of("emma", 1.5)), null, null)),
                ProgressListener.NONE));
        assertTrue(group.getMessage().contains("learning.weights.groups: no bot of the run is in group 'emma' (the groups are"
                + " [bollinger, ema-crossover, macd-cross, rsi-reversion]"), group.getMessage());
        assertEquals(List.of("learning", "weights", "groups", "emma"), group.path());
    }

    private static QuorumConfig days(QuorumConfig config, String from, String to) {
        DataConfig d = config.data();
        return config.withData(new DataConfig(d.symbols(), d.timeframe(), from, to, d.dir()));
    }

    /** The bayes-calibration state's hits and calls per "bot bucket". */
    private static Map<String, int[]> calibrationCounts(String scope) {
        Map<String, int[]> counts = new HashMap<>();
        String text = new StoredLearnerState(db, scope, "bayes-calibration", Clock.systemUTC()).get("calibration").orElseThrow();
        for (String line : text.split("\n")) {
            String[] f = line.split("\t");
            if (f[0].equals("bucket")) {
                counts.put(f[1] + " " + f[2], new int[] {Integer.parseInt(f[3]), Integer.parseInt(f[4])});
            }
        }
        return counts;
    }

    private interface Row {
        void read(ResultSet rs) throws Exception;
    }

    private static void query(String sql, Row row) throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }
}
