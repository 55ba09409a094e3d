package dev.quorum.core.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.api.Bar;
import dev.quorum.api.BarQuery;
import dev.quorum.api.BarStream;
import dev.quorum.api.Direction;
import dev.quorum.api.Timeframe;
import dev.quorum.core.TestPlugins;
import dev.quorum.core.config.ConfigLoader;
import dev.quorum.core.config.LearningConfig;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.data.CandleStore;
import dev.quorum.core.engine.BacktestReport;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.engine.ProgressListener;
import dev.quorum.core.journal.PredictionRecords;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.store.Database;

/**
 * The default configuration on the embedded candles: every stored outcome is checked against the candles
 * themselves (the close of the symbol's first bar closing at or after the prediction's time plus the horizon,
 * the move, the hit), every prediction whose horizon fits in its symbol's data is judged there exactly once and
 * no other is, and the default trade log is the same with learning on or off (it only watches).
 */
class PredictionsOnRealCandlesTest {

    private static final Path ROOT = TestPlugins.dataDir().resolve("../..").normalize();

    @TempDir
    static Path dir;

    private static Database db;
    private static PluginHost host;
    private static QuorumConfig defaults;
    private static BacktestReport report;
    private static Map<String, TreeMap<Instant, Bar>> closes;

    @BeforeAll
    static void run() throws Exception {
        host = PluginHost.start(TestPlugins.install(dir.resolve("plugins"), "technical", "risk-basic", "risk-sizing", "risk-guards",
                "positions"));
        db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
        defaults = new ConfigLoader().load(ROOT.resolve("config/quorum.yaml"));
        BacktestRunner runner = new BacktestRunner(db, host, ROOT, Clock.systemUTC());
        report = runner.run(defaults, ProgressListener.NONE);
        closes = new HashMap<>();
        Instant from = defaults.data().fromDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = defaults.data().toDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        try (BarStream s = new CandleStore(db).bars(new BarQuery(defaults.data().symbols(), Timeframe.M1, from, to))) {
            while (s.hasNext()) {
                Bar b = s.next();
                closes.computeIfAbsent(b.symbol(), k -> new TreeMap<>()).put(b.closeTime(), b);
            }
        }
    }

    @AfterAll
    static void stop() {
        host.close();
        db.close();
    }

    @Test
    void everyOutcomeIsTheCandlesOwnAnswer() {
        PredictionRecords records = new PredictionRecords(db);
        List<Prediction> predictions = records.predictions(report.runId());
        List<PredictionOutcome> outcomes = records.outcomes(report.runId());
        assertTrue(predictions.size() > 1000, "predictions: " + predictions.size());
        List<Duration> horizons = List.of(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(24));
        assertEquals(horizons, records.horizons(report.runId()));
        Set<String> judged = new HashSet<>();
        for (PredictionOutcome o : outcomes) {
            Prediction p = o.prediction();
            TreeMap<Instant, Bar> bars = closes.get(p.symbol());
            assertEquals(bars.get(p.time()).close(), p.price(), "the call's price is its bar's close: " + p);
            Map.Entry<Instant, Bar> at = bars.ceilingEntry(p.time().plus(o.horizon()));
            assertEquals(at.getKey(), o.time(), "judged on the first bar closing at or after the horizon: " + o);
            assertEquals(at.getValue().close(), o.price(), o.toString());
            double change = (o.price() - p.price()) / p.price();
            assertEquals(p.direction() == Direction.LONG ? change : -change, o.move(), 1e-15);
            assertEquals(o.move() > 0, o.hit());
            assertTrue(judged.add(p.id() + "@" + o.horizon()), "judged once: " + o);
        }
        // every prediction is judged at every horizon its symbol's data reaches, and at no other
        for (Prediction p : predictions) {
            for (Duration h : horizons) {
                boolean reachable = closes.get(p.symbol()).ceilingKey(p.time().plus(h)) != null;
                assertEquals(reachable, judged.contains(p.id() + "@" + h), p + " at " + h);
            }
        }
        assertTrue(predictions.stream().anyMatch(p -> p.situation().regime() == Situation.Regime.TREND_UP)
                && predictions.stream().anyMatch(p -> p.situation().regime() == Situation.Regime.RANGE), "situations vary");
        assertEquals(predictions.size(), predictions.stream().map(Prediction::id).distinct().count());
    }

    @Test
    void learningOnlyWatches() {
        BacktestReport off = new BacktestRunner(db, host, ROOT, Clock.systemUTC())
                .run(defaults.withLearning(new LearningConfig(false, null, null)), ProgressListener.NONE);
        assertEquals(report.tradeLogSha256(), off.tradeLogSha256());
        assertTrue(new PredictionRecords(db).predictions(off.runId()).isEmpty());
        assertFalse(report.trades().isEmpty());
    }

    @Test
    void aCallHeldOnIsRecordedAgainAfterTheCadence() {
        // the exact rule (a FLAT in between resets it) is OutcomeTrackerTest's; here: one call per bot, symbol and bar,
        // and calls held on for the whole cadence were recorded again after exactly 15 bars
        List<Prediction> predictions = new PredictionRecords(db).predictions(report.runId());
        Map<String, Prediction> last = new HashMap<>();
        List<Long> gaps = new ArrayList<>();
        for (Prediction p : predictions) {
            Prediction before = last.put(p.bot() + "/" + p.symbol(), p);
            if (before != null) {
                long minutes = Duration.between(before.time(), p.time()).toMinutes();
                assertTrue(minutes >= 1, before + " then " + p);
                if (before.direction() == p.direction()) {
                    gaps.add(minutes);
                }
            }
        }
        assertTrue(gaps.contains(15L), "a call held on was recorded again after exactly 15 bars");
    }
}
