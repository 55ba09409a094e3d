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
import dev.quorum.api.Situation;
import dev.quorum.api.Timeframe;
import dev.quorum.core.TestPlugins;
import dev.quorum.core.config.ConfigLoader;
import dev.quorum.core.config.HealthConfig;
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
 * The default configuration with health on, on the embedded candles: every stored outcome is checked against the candles
 * themselves (the close of the symbol's first bar closing at or after the prediction's time plus the horizon,
 * the move, the hit), every prediction whose horizon fits in its symbol's data is judged there exactly once and
 * no other is; predictions alone change no trade; a bot's suspension happens on the outcome that takes its last 50
 * below 35%, after which it votes no more.
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
        // health on, as the shipped config's comments describe turning it on
        report = runner.run(defaults.withLearning(new LearningConfig(true, null, null,
                new HealthConfig(true, null, null, null, null, null, null, null, null, null, null))), ProgressListener.NONE);
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
    void theRecordBySituationIsTheOutcomesGroupedByTheirCallsBucket() {
        PredictionRecords records = new PredictionRecords(db);
        Map<String, Map<String, long[]>> expected = new TreeMap<>();
        for (PredictionOutcome o : records.outcomes(report.runId())) {
            if (o.horizon().equals(Duration.ofHours(1))) {
                long[] n = expected.computeIfAbsent(o.prediction().bot(), b -> new TreeMap<>())
                        .computeIfAbsent(o.prediction().situation().volatility().name(), v -> new long[2]);
                n[0]++;
                n[1] += o.hit() ? 1 : 0;
            }
        }
        Map<String, Map<String, PredictionRecords.HorizonRecord>> stored = records.bySituation(report.runId(), "volatility",
                Duration.ofHours(1));
        assertEquals(expected.keySet(), stored.keySet());
        expected.forEach((bot, buckets) -> buckets.forEach((bucket, n) -> {
            PredictionRecords.HorizonRecord r = stored.get(bot).get(bucket);
            assertEquals(n[0], r.judged(), bot + " " + bucket);
            assertEquals(n[1], r.hits(), bot + " " + bucket);
        }));
    }

    @Test
    void predictionsAloneOnlyWatch() {
        // watching only (predictions on; no learners, health off) trades as learning off does; with learning off nothing
        // is recorded
        BacktestRunner runner = new BacktestRunner(db, host, ROOT, Clock.systemUTC());
        QuorumConfig watchingOnly = defaults.withLearning(defaults.learning().watchingOnly());
        assertFalse(watchingOnly.learning().health().enabled());
        assertTrue(watchingOnly.learning().learners().isEmpty());
        BacktestReport watching = runner.run(watchingOnly, ProgressListener.NONE);
        BacktestReport off = runner.run(defaults.withLearning(new LearningConfig(false, null, null)), ProgressListener.NONE);
        assertEquals(off.tradeLogSha256(), watching.tradeLogSha256());
        assertTrue(new PredictionRecords(db).predictions(off.runId()).isEmpty());
        assertFalse(new PredictionRecords(db).predictions(watching.runId()).isEmpty());
        assertTrue(new PredictionRecords(db).healthChanges(watching.runId()).isEmpty());
    }

    @Test
    void aBotIsSuspendedOnTheOutcomeThatTakesItsLast50Below35PercentAndVotesNoMore() {
        PredictionRecords records = new PredictionRecords(db);
        List<PredictionRecords.HealthChange> changes = records.healthChanges(report.runId());
        List<PredictionRecords.HealthChange> suspensions = changes.stream()
                .filter(c -> c.transition().to() == BotHealth.State.SUSPENDED).toList();
        assertFalse(suspensions.isEmpty(), "on these days some bot falls below 35% over 50 predictions at 1h: " + changes);
        // the outcomes at 1h in the order the engine judged them: bar time, then symbol, then prediction
        List<PredictionOutcome> judged = new ArrayList<>(records.outcomes(report.runId()).stream()
                .filter(o -> o.horizon().equals(Duration.ofHours(1))).toList());
        judged.sort(java.util.Comparator.comparing(PredictionOutcome::time).thenComparing(o -> o.prediction().symbol())
                .thenComparingLong(o -> o.prediction().id()));
        List<Prediction> predictions = records.predictions(report.runId());
        for (PredictionRecords.HealthChange s : suspensions) {
            BotHealth.Transition t = s.transition();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+) of its last 50 predictions right").matcher(t.reason());
            assertTrue(m.find(), t.reason());
            int stated = Integer.parseInt(m.group(1));
            assertTrue(stated < 0.35 * 50, t.reason());
            // some outcome of the bot at that bar leaves exactly that many right among its last 50
            List<Boolean> window = new ArrayList<>();
            boolean found = false;
            for (PredictionOutcome o : judged) {
                if (!o.prediction().bot().equals(s.bot()) || o.time().isAfter(t.time())) {
                    continue;
                }
                window.add(o.hit());
                if (window.size() > 50) {
                    window.remove(0);
                }
                long right = window.stream().filter(h -> h).count();
                if (o.time().equals(t.time()) && window.size() == 50 && right == stated) {
                    found = true;
                }
                // not later than it should: no earlier window of 50 was already below 35%
                assertTrue(window.size() < 50 || right >= 0.35 * 50 || o.time().equals(t.time()),
                        s.bot() + " should have been suspended at " + o.time() + " (" + right + " of 50)");
            }
            assertTrue(found, "the stored outcomes give " + s.bot() + " " + stated + " right of 50 at " + t.time());
            assertEquals(1, t.strikes());
            // suspended for 7 days, longer than the data: from that bar on it makes no prediction and votes for no trade
            assertTrue(predictions.stream().noneMatch(p -> p.bot().equals(s.bot()) && !p.time().isBefore(t.time())), s.bot());
            assertTrue(report.trades().stream().filter(tr -> !tr.entryTime().isBefore(t.time()))
                    .noneMatch(tr -> tr.bots().contains(s.bot())), s.bot() + " voted after its suspension");
        }
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
