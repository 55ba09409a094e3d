package dev.quorum.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.quorum.core.config.ConfigException;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.evaluation.EvaluationStore;
import dev.quorum.core.evaluation.Metrics;
import dev.quorum.core.evaluation.WalkForward;
import dev.quorum.core.evaluation.Window;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quorum evaluate}: the walk-forward evaluation of the learners and of the consensus threshold. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Walk-forward evaluation on the embedded data (README, \"Learning\"): cut the span into windows; learn on",
                "each window and trade the next with what was learnt frozen; compare equal weights, each learner alone and",
                "all learners together, and sweep the consensus threshold 0.50-0.85 (chosen on each window, traded on the next).",
                "Prints the tables and stores them (tables evaluations, evaluation_results)."})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: config/evaluate.yaml in the Quorum home: SPY hourly bars 1998-2021 and all six learners).")
    private Path file;
    @Option(names = "--fold", paramLabel = "MONTHS", defaultValue = "12", description = "Length of each window in months (default: 12).")
    private int fold;
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (default: data.from).")
    private String from;
    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (default: data.to).")
    private String to;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (fold < 1 || fold > 120) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fold " + fold + ": expected a number of months in [1, 120]");
        }
        Path home = Path.of(System.getProperty("quorum.home", "")).toAbsolutePath();
        Workspace ws = Workspace.load(file == null ? home.resolve("config/evaluate.yaml") : file);
        QuorumConfig cfg = ws.config().withData(ws.config().data().with(null, from, to));
        try (Database db = ws.openDatabase(); PluginHost host = ws.startPlugins()) {
            BacktestRunner runner = new BacktestRunner(db, host, ws.workingDir(), Clock.systemUTC());
            long started = System.nanoTime();
            WalkForward.Result result;
            try {
                result = new WalkForward(runner, new EvaluationStore(db, Clock.systemUTC())).run(cfg, fold, BacktestRunner.json(cfg),
                        (done, total, what, report) -> err.printf(Locale.ROOT, "evaluate: [%d/%d] %s: %d trades, %s (run %d, %.0f s in)%n",
                                done, total, what, report.trades().size(),
                                Format.signedPercent(report.performance().equity().returnOnEquity()), report.runId(),
                                (System.nanoTime() - started) / 1e9));
            } catch (ConfigException e) {
                throw e.locatedIn(ws.configFile());
            }
            print(out, cfg, fold, result);
            out.flush();
            // hundreds of runs leave the H2 file mostly old chunks: compact it (the try block closes it again, harmlessly)
            Path file = ws.workingDir().resolve("var/db/quorum.mv.db");
            long before = java.nio.file.Files.isRegularFile(file) ? java.nio.file.Files.size(file) : -1;
            err.println("evaluate: compacting the database ...");
            if (db.compactAndClose() && before > 0 && java.nio.file.Files.isRegularFile(file)) {
                err.printf(Locale.ROOT, "evaluate: database compacted, %,d MB -> %,d MB%n", before >> 20, java.nio.file.Files.size(file) >> 20);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the database file's size: " + e.getMessage(), e);
        }
        return 0;
    }

    static void print(PrintWriter out, QuorumConfig cfg, int fold, WalkForward.Result r) {
        List<Window> w = r.windows();
        int tests = w.size() - 1;
        out.printf(Locale.ROOT, "%nEvaluation %d: %s %s, %s .. %s, %d windows of %d months: learning on each, trading the next with what"
                        + " was learnt frozen%n(%d test windows, %s .. %s; every run is stored, without its predictions: kinds eval-train, eval-test, eval-sweep)%n%n",
                r.id(), String.join(", ", cfg.data().symbols()), cfg.data().timeframe(), w.get(0).from(), w.get(w.size() - 1).to(),
                w.size(), fold, tests, w.get(1).from(), w.get(w.size() - 1).to());
        out.printf(Locale.ROOT, "Learners, at the consensus threshold %.2f. Over the test windows: return compounded window after window,%n"
                + "Sharpe the mean of the windows' (annualised from %s equity returns), max drawdown the deepest, win rate and profit%n"
                + "factor over all their trades; AUC and calibration error of the win-probability model on the test windows' calls.%n",
                cfg.engine().consensusThreshold(), cfg.engine().equityResolution());
        List<List<String>> rows = new ArrayList<>();
        rows.add(header());
        r.learners().forEach((name, metrics) -> rows.add(row(name, Metrics.combine(metrics))));
        Format.table(out, rows, 1);
        out.println();
        out.println("Consensus threshold (seed 004): every window run at 0.50 .. 0.85; each run scored win rate x 0.7 + min(profit factor, 3) / 3");
        out.println("x 0.3; the best threshold of each window traded on the next, against each fixed threshold on the same test windows.");
        List<List<String>> trows = new ArrayList<>();
        trows.add(header());
        List<Metrics> chosen = new ArrayList<>();
        for (int k = 0; k < r.chosen().size(); k++) {
            chosen.add(r.thresholds().get(r.chosen().get(k)).get(k + 1));
        }
        trows.add(row(WalkForward.CHOSEN, Metrics.combine(chosen)));
        for (Map.Entry<Double, List<Metrics>> t : r.thresholds().entrySet()) {
            trows.add(row(String.format(Locale.ROOT, "fixed %.2f", t.getKey()), Metrics.combine(t.getValue().subList(1, w.size()))));
        }
        Format.table(out, trows, 1);
        StringBuilder picks = new StringBuilder("Chosen:");
        for (int k = 0; k < r.chosen().size(); k++) {
            picks.append(String.format(Locale.ROOT, " %s %.2f%s", w.get(k + 1).from(), r.chosen().get(k), k + 1 < r.chosen().size() ? "," : ""));
        }
        out.println(picks);
    }

    private static List<String> header() {
        return List.of("CONFIGURATION", "RETURN", "SHARPE", "MAX DD", "TRADES", "WIN RATE", "PROFIT FACTOR", "AUC", "CAL. ERROR");
    }

    private static List<String> row(String name, Metrics m) {
        return List.of(name, Format.signedPercent(m.returnPct()), Double.isFinite(m.sharpe()) ? Format.ratio(m.sharpe()) : "-",
                Format.percent(m.maxDrawdown()), Format.count(m.trades()), m.trades() == 0 ? "-" : Format.percent(m.winRate()),
                Double.isNaN(m.profitFactor()) ? "-" : Double.isInfinite(m.profitFactor()) ? "inf" : Format.ratio(m.profitFactor()),
                Double.isFinite(m.auc()) ? String.format(Locale.ROOT, "%.3f", m.auc()) : "-",
                Double.isFinite(m.calibrationError()) ? String.format(Locale.ROOT, "%.3f", m.calibrationError()) : "-");
    }
}
