package dev.quorum.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import dev.quorum.core.config.ConfigLoader;
import dev.quorum.core.config.LearnerConfig;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.store.Database;

/**
 * The walk-forward on the shipped evaluation config (SPY hourly bars), narrowed to half a year in three windows of two
 * months, with two learners: every run it makes, what it compares, how it picks the threshold, what it stores.
 */
class WalkForwardTest {

    private static final Path ROOT = TestPlugins.dataDir().resolve("../..").normalize();

    @TempDir
    static Path dir;

    private static Database db;
    private static PluginHost host;
    private static QuorumConfig config;
    private static WalkForward walkForward;
    private static WalkForward.Result result;
    private static final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void run() throws Exception {
        host = PluginHost.start(TestPlugins.install(dir.resolve("plugins"), "technical", "risk-basic", "learners", "win-probability"));
        db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
        QuorumConfig shipped = new ConfigLoader().load(ROOT.resolve("config/evaluate.yaml"));
        config = shipped.withData(shipped.data().with(null, "2019-01-01", "2019-06-30"))
                .withLearning(shipped.learning().withLearners(List.of(new LearnerConfig(null, "meta-trust", null),
                        new LearnerConfig(null, "win-probability", Map.of("minOutcomes", 50, "retrainEvery", 50)))));
        walkForward = new WalkForward(new BacktestRunner(db, host, ROOT, Clock.systemUTC()), new EvaluationStore(db, Clock.systemUTC()));
        result = walkForward.run(config, 2, BacktestRunner.json(config), (done, total, what, report) -> progress.add(done + "/" + total + " " + what));
    }

    @AfterAll
    static void stop() {
        host.close();
        db.close();
    }

    @Test
    void everyWindowIsRunAtEveryThresholdAndEachConfigurationLearnsThenTradesFrozen() throws Exception {
        assertEquals(3, result.windows().size());
        // 8 thresholds x 3 windows; 3 configurations x 2 test windows x (learn + trade)
        assertEquals(24 + 12, progress.size(), progress.toString());
        assertTrue(progress.get(progress.size() - 1).startsWith("36/36 all learners trading 2019-05-01..2019-06-30 frozen"), progress.toString());
        Map<String, Integer> kinds = new HashMap<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT kind, COUNT(*) FROM runs GROUP BY kind");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                kinds.put(rs.getString(1), rs.getInt(2));
            }
        }
        assertEquals(Map.of("eval-sweep", 24, "eval-train", 6, "eval-test", 6), kinds);
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM predictions");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the learners hear the predictions; the store does not keep them");
        }
        assertEquals(List.of(WalkForward.EQUAL, "meta-trust", "win-probability", WalkForward.ALL), List.copyOf(result.learners().keySet()));
    }

    @Test
    void equalWeightsAreTheSweepsRunsAtTheConfiguredThresholdOnTheTestWindows() {
        List<Metrics> equal = result.learners().get(WalkForward.EQUAL);
        assertEquals(2, equal.size());
        assertSame(result.thresholds().get(0.60).get(1), equal.get(0));
        assertSame(result.thresholds().get(0.60).get(2), equal.get(1));
    }

    @Test
    void eachTestWindowTradesTheThresholdThatScoredBestOnTheWindowBefore() {
        for (int k = 0; k < 2; k++) {
            double best = Double.NaN;
            double bestScore = -1;
            for (Map.Entry<Double, List<Metrics>> t : result.thresholds().entrySet()) {
                if (t.getValue().get(k).score() > bestScore) {
                    bestScore = t.getValue().get(k).score();
                    best = t.getKey();
                }
            }
            assertEquals(best, result.chosen().get(k));
        }
    }

    @Test
    void everyTestRowIsARunOnItsOwnWindow() throws Exception {
        for (EvaluationStore.Row r : result.rows()) {
            if (r.fold() == 0) {
                assertEquals(0, r.runId());
                continue;
            }
            try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT kind, data_from, data_to FROM runs WHERE id = ?")) {
                ps.setLong(1, r.runId());
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), r.toString());
                    assertEquals(r.window().from().atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli(), rs.getLong(2), r.toString());
                    assertEquals(r.window().to().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli(), rs.getLong(3));
                    assertTrue(r.window().number() >= 2, "only windows after the first are test windows: " + r);
                    assertEquals(r.section().equals("learners") && !r.configuration().equals(WalkForward.EQUAL) ? "eval-test" : "eval-sweep",
                            rs.getString(1), r.toString());
                }
            }
        }
    }

    @Test
    void theModelIsJudgedOnTheTestWindowsCalls() {
        Metrics all = Metrics.combine(result.learners().get("win-probability"));
        assertTrue(all.scored() > 100, "scored " + all.scored());
        assertTrue(all.auc() > 0 && all.auc() < 1, "auc " + all.auc());
        assertTrue(Double.isNaN(Metrics.combine(result.learners().get("meta-trust")).auc()));
    }

    @Test
    void whatItPrintsIsWhatItStored() {
        List<EvaluationStore.Row> stored = new EvaluationStore(db, Clock.systemUTC()).rows(result.id());
        assertEquals(result.rows().size(), stored.size());
        Map<String, EvaluationStore.Row> byKey = new HashMap<>();
        stored.forEach(r -> byKey.put(r.section() + "/" + r.configuration() + "/" + r.fold(), r));
        for (EvaluationStore.Row r : result.rows()) {
            EvaluationStore.Row s = byKey.get(r.section() + "/" + r.configuration() + "/" + r.fold());
            assertEquals(r.metrics().returnPct(), s.metrics().returnPct(), 1e-12, r.configuration());
            assertEquals(r.metrics().trades(), s.metrics().trades());
            assertEquals(r.metrics().wins(), s.metrics().wins());
            assertEquals(r.metrics().profitFactor(), s.metrics().profitFactor(), 1e-9);
            assertEquals(r.runId(), s.runId());
            assertEquals(r.window(), s.window());
        }
        assertEquals(Metrics.combine(result.learners().get("meta-trust")).returnPct(),
                byKey.get("learners/meta-trust/0").metrics().returnPct(), 1e-12);
    }

    @Test
    void aSpanOfOneWindowIsRefused() {
        QuorumConfig month = config.withData(config.data().with(null, "2019-01-01", "2019-01-31"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> walkForward.run(month, 2, "{}", (a, b, c, d) -> { }));
        assertTrue(e.getMessage().contains("makes 1 window of 2 months: a walk-forward needs at least two"), e.getMessage());
    }
}
