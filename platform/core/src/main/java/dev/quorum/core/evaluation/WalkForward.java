package dev.quorum.core.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.quorum.core.config.DataConfig;
import dev.quorum.core.config.LearnerConfig;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.engine.BacktestReport;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.engine.ProgressListener;
import dev.quorum.core.journal.LearnerRecords;
import dev.quorum.core.learning.LearnerDesk;

/**
 * {@code ./quorum evaluate}: a walk-forward evaluation of the learners and of the consensus threshold (issue 8's
 * evidence). The configured span is cut into consecutive windows of {@code foldMonths} months; every window but the
 * first is a test window, traded with what was learnt before it and nothing from it.
 *
 * <p><b>Learners.</b> Each configuration (equal weights; each configured learner alone; all of them together) learns
 * on window 1 (a run whose learners learn and save their state), trades window 2 with that state frozen (a run whose
 * learners weigh and review but learn nothing), learns on window 2 continuing from its state, trades window 3 frozen,
 * and so on. The equal-weight ensemble has nothing to learn: its test runs are the threshold sweep's runs at the
 * configured threshold.
 *
 * <p><b>Threshold</b> (seed 004): without learners, every window is run at each consensus threshold 0.50, 0.55, …, 0.85
 * (and the configured one); each run is scored {@code win rate × 0.7 + min(profit factor, 3) / 3 × 0.3}
 * ({@link Metrics#score()}); for each test window the threshold that scored best on the window before it (the lowest
 * on a tie) is the one reported, beside the configured threshold on the same windows.
 *
 * <p>Every run is stored like a backtest (kinds {@code eval-train}, {@code eval-test}, {@code eval-sweep}: trades, fills,
 * equity curve, the learners' weights and figures) except for its predictions and their outcomes, which the learners
 * hear but the store does not keep (hundreds of runs would add millions of rows); the results per configuration and
 * window, and over all test windows, are stored in {@code evaluation_results}.
 */
public final class WalkForward {

    /** The thresholds of seed 004's sweep. */
    public static final List<Double> THRESHOLDS = List.of(0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85);
    /** The configuration without learners. */
    public static final String EQUAL = "equal weights";
    /** The configuration with every learner. */
    public static final String ALL = "all learners";
    /** The threshold row chosen window by window. */
    public static final String CHOSEN = "chosen on the window before";

    /** Told of every run as it ends. */
    public interface Listener {

        /**
         * @param done   runs done, this one included
         * @param total  runs in all
         * @param what   what this run was
         * @param report what it did
         */
        void ran(int done, int total, String what, BacktestReport report);
    }

    /**
     * What an evaluation found.
     *
     * @param id         its id in the store
     * @param windows    the windows, the first a training window only
     * @param learners   per configuration (in order: equal weights, each learner, all learners) its test windows' metrics
     * @param thresholds per threshold its metrics on every window
     * @param chosen     per test window the threshold chosen on the window before
     * @param rows       everything as stored
     */
    public record Result(long id, List<Window> windows, Map<String, List<Metrics>> learners, Map<Double, List<Metrics>> thresholds,
                         List<Double> chosen, List<EvaluationStore.Row> rows) {
    }

    private final BacktestRunner runner;
    private final EvaluationStore store;

    /**
     * @param runner runs the backtests (its frozen twin runs the test windows); their predictions are not stored
     * @param store  where the evaluation is kept
     */
    public WalkForward(BacktestRunner runner, EvaluationStore store) {
        this.runner = runner.withoutStoredPredictions();
        this.store = store;
    }

    /**
     * @param base       the configuration: data span, bots, chain, threshold, and the learners to compare
     * @param foldMonths the windows' length in months
     * @param configJson the configuration as stored with the evaluation
     * @param listener   told of every run
     * @return the results
     * @throws IllegalArgumentException when the span makes fewer than two windows
     */
    public Result run(QuorumConfig base, int foldMonths, String configJson, Listener listener) {
        List<Window> windows = Window.split(base.data().fromDate(), base.data().toDate(), foldMonths);
        if (windows.size() < 2) {
            throw new IllegalArgumentException("data.from .. data.to = " + base.data().from() + " .. " + base.data().to() + " makes "
                    + windows.size() + " window of " + foldMonths + " months: a walk-forward needs at least two (one to learn on, one"
                    + " to test); choose a shorter --fold or a longer span");
        }
        List<LearnerConfig> learners = base.learning().enabled() ? base.learning().learners() : List.of();
        List<Double> thresholds = new ArrayList<>(THRESHOLDS);
        double configured = base.engine().consensusThreshold();
        if (thresholds.stream().noneMatch(t -> Math.abs(t - configured) < 1e-9)) {
            thresholds.add(configured);
            thresholds.sort(Double::compare);
        }
        Map<String, List<LearnerConfig>> configurations = new LinkedHashMap<>();
        for (LearnerConfig l : learners) {
            configurations.put(l.name(), List.of(l));
        }
        if (learners.size() > 1) {
            configurations.put(ALL, learners);
        }
        int total = thresholds.size() * windows.size() + configurations.size() * 2 * (windows.size() - 1);
        long id = store.begin(String.join(",", base.data().symbols()), base.data().timeframe(), windows.get(0),
                windows.get(windows.size() - 1), foldMonths, windows.size(), configJson);
        try {
            int[] done = {0};
            QuorumConfig plain = base.withLearning(base.learning().withLearners(List.of()).withState(null));

            Map<Double, List<Metrics>> sweep = new TreeMap<>();
            Map<Double, List<Long>> sweepRuns = new TreeMap<>();
            for (double t : thresholds) {
                for (Window w : windows) {
                    QuorumConfig cfg = in(plain.withEngine(plain.engine().withConsensusThreshold(t)), w);
                    BacktestReport r = runner.run(cfg, ProgressListener.NONE, "eval-sweep", java.util.function.UnaryOperator.identity());
                    sweep.computeIfAbsent(t, k -> new ArrayList<>()).add(metrics(r));
                    sweepRuns.computeIfAbsent(t, k -> new ArrayList<>()).add(r.runId());
                    listener.ran(++done[0], total, String.format(Locale.ROOT, "threshold %.2f on %s", t, w), r);
                }
            }

            Map<String, List<Metrics>> byConfiguration = new LinkedHashMap<>();
            Map<String, List<Long>> testRuns = new LinkedHashMap<>();
            byConfiguration.put(EQUAL, sweep.get(key(sweep, configured)).subList(1, windows.size()));
            testRuns.put(EQUAL, sweepRuns.get(key(sweep, configured)).subList(1, windows.size()));
            int number = 0;
            for (Map.Entry<String, List<LearnerConfig>> c : configurations.entrySet()) {
                // eval-<id>-<the configuration's place>: learner names may be longer than the scope column allows
                String scope = "eval-" + id + "-" + (c.getKey().equals(ALL) ? "all" : Integer.toString(++number));
                QuorumConfig learning = base.withLearning(base.learning().withLearners(c.getValue()).withState(scope));
                List<Metrics> tests = new ArrayList<>();
                List<Long> runs = new ArrayList<>();
                for (int k = 0; k + 1 < windows.size(); k++) {
                    BacktestReport train = runner.run(in(learning, windows.get(k)), ProgressListener.NONE, "eval-train",
                            java.util.function.UnaryOperator.identity());
                    listener.ran(++done[0], total, c.getKey() + " learning on " + windows.get(k), train);
                    BacktestReport test = runner.frozenLearners().run(in(learning, windows.get(k + 1)), ProgressListener.NONE, "eval-test",
                            java.util.function.UnaryOperator.identity());
                    listener.ran(++done[0], total, c.getKey() + " trading " + windows.get(k + 1) + " frozen", test);
                    tests.add(metrics(test));
                    runs.add(test.runId());
                }
                byConfiguration.put(c.getKey(), tests);
                testRuns.put(c.getKey(), runs);
            }

            List<Double> chosen = new ArrayList<>();
            List<Metrics> chosenTests = new ArrayList<>();
            List<Long> chosenRuns = new ArrayList<>();
            for (int k = 1; k < windows.size(); k++) {
                double best = thresholds.get(0);
                double bestScore = -1;
                for (double t : thresholds) {
                    double score = sweep.get(t).get(k - 1).score();
                    if (score > bestScore) {
                        best = t;
                        bestScore = score;
                    }
                }
                chosen.add(best);
                chosenTests.add(sweep.get(best).get(k));
                chosenRuns.add(sweepRuns.get(best).get(k));
            }

            List<EvaluationStore.Row> rows = new ArrayList<>();
            byConfiguration.forEach((name, tests) -> rows.addAll(rows("learners", name, windows, tests, testRuns.get(name), configured, null)));
            rows.addAll(rows("threshold", CHOSEN, windows, chosenTests, chosenRuns, Double.NaN, chosen));
            for (double t : thresholds) {
                rows.addAll(rows("threshold", String.format(Locale.ROOT, "fixed %.2f", t), windows, sweep.get(t).subList(1, windows.size()),
                        sweepRuns.get(t).subList(1, windows.size()), t, null));
            }
            store.finish(id, rows);
            return new Result(id, windows, byConfiguration, sweep, chosen, rows);
        } catch (RuntimeException | Error e) {
            store.fail(id);
            throw e;
        }
    }

    private static double key(Map<Double, List<Metrics>> sweep, double threshold) {
        return sweep.keySet().stream().filter(t -> Math.abs(t - threshold) < 1e-9).findFirst().orElseThrow();
    }

    /** The per-window rows of one configuration's test windows, then the row over all of them (fold 0). */
    private static List<EvaluationStore.Row> rows(String section, String name, List<Window> windows, List<Metrics> tests, List<Long> runs,
                                                  double threshold, List<Double> chosen) {
        List<EvaluationStore.Row> rows = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            Window w = windows.get(i + 1);
            rows.add(new EvaluationStore.Row(section, name, w.number(), w, runs.get(i), chosen == null ? threshold : chosen.get(i),
                    tests.get(i)));
        }
        rows.add(new EvaluationStore.Row(section, name, 0, null, 0, threshold, Metrics.combine(tests)));
        return rows;
    }

    private static QuorumConfig in(QuorumConfig config, Window w) {
        DataConfig d = config.data();
        return config.withData(d.with(null, w.from().toString(), w.to().toString()));
    }

    private Metrics metrics(BacktestReport r) {
        double auc = Double.NaN;
        double error = Double.NaN;
        long scored = 0;
        for (LearnerDesk.Figure f : new LearnerRecords(runner.database()).figures(r.runId())) {
            if (!f.bot().equals(LearnerDesk.WHOLE)) {
                continue;
            }
            switch (f.figure()) {
                case "auc" -> auc = f.value();
                case "calibrationError" -> error = f.value();
                case "scored" -> scored = (long) f.value();
                default -> { }
            }
        }
        return Metrics.of(r.performance(), r.trades(), auc, error, Double.isNaN(auc) ? 0 : scored);
    }
}
