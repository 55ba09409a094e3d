package dev.quorum.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import dev.quorum.core.analytics.EquityStats;
import dev.quorum.core.analytics.TradeStats;
import dev.quorum.core.config.BotConfig;
import dev.quorum.core.config.ConfigException;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.data.ImportResult;
import dev.quorum.core.engine.BacktestReport;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.engine.RunStop;
import dev.quorum.core.engine.BotReport;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.store.Database;
import dev.quorum.scripting.ScriptCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quorum backtest}: replays history through the engine and prints the run's summary. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Replay historical candles through the bots, ensemble, risk chain and paper broker.",
                "Every fill and trade is stored in the database; the summary is computed from the stored trades."})
final class BacktestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOption config;
    @Mixin
    private DataRange range;

    @Option(names = "--script", paramLabel = "FILE",
            description = "Backtest this JavaScript strategy alone (its default parameters; the risk chain as configured).")
    private Path script;

    @Option(names = "--compare", split = ",", paramLabel = "VARIANT",
            description = {"Run the same data, bots and broker once per variant and print them side by side:",
                    "risk-off (no risk modules and no hedging), risk-on (the configured chain and hedging),",
                    "hedge-only (no risk modules, the manager's hedging as configured), hedging-off (the chain, no hedging),",
                    "-NAME (the chain without module NAME),",
                    "positions-off (the configured chain, no position manager: positions keep their opening levels),",
                    "learning-off (no learners and no health rules: every bot votes with weight 1).",
                    "For example --compare risk-off,risk-on. No daily reports are written."})
    private List<String> compare;

    @Mixin
    private StopOptions stopping;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Workspace ws = config.workspace();
        QuorumConfig cfg = range.applyTo(ws.config());
        if (script != null && !Files.isRegularFile(script)) {
            throw new IllegalArgumentException("--script " + script + ": no such file");
        }
        List<Path> scriptFiles = script != null ? List.of(script.toAbsolutePath()) : ScriptCatalog.files(ws.scriptsDir());
        if (compare != null && stopping.given()) {
            throw new IllegalArgumentException("--compare runs every variant to the end: it does not take --stop-at or --resume");
        }
        RunStop stop = stopping.stop();
        // installed before anything opens: a Ctrl-C from here on stops the run at a bar and stores it STOPPED
        try (GracefulStop ctrlC = compare == null ? GracefulStop.install(stop, err) : null;
             Database db = compare == null ? ws.openDatabaseClosedByCommand() : ws.openDatabase(); PluginHost host = ws.startPlugins(); ScriptSet scripts = ScriptSet.load(ws, scriptFiles)) {
            if (script != null) {
                ScriptCatalog.Entry only = scripts.entries().get(0);
                if (!only.valid()) {
                    throw only.error();
                }
                cfg = cfg.withBots(List.of(new BotConfig(null, scripts.strategies().get(0).info().id(), null)));
            } else {
                scripts.warnInvalid(err);
                cfg = scripts.withScriptBots(cfg);
            }
            if (scripts.runtimeName() != null) {
                err.println("scripts: " + scripts.strategies().size() + " on the " + scripts.runtimeName() + " JavaScript runtime");
            }
            if (compare != null) {
                RiskComparison.run(out, err, ws, new BacktestRunner(db, host, ws.workingDir(), Clock.systemUTC(), scripts.registered()),
                        db, cfg, compare);
                return 0;
            }
            ConsoleProgress progress = new ConsoleProgress(err, cfg);
            BacktestReport report;
            BacktestRunner runner = new BacktestRunner(db, host, ws.workingDir(), Clock.systemUTC(), scripts.registered());
            try {
                if (stopping.resume != null) {
                    err.println("resuming run " + stopping.resume + ": replaying it up to where it stopped, then carrying on");
                    report = runner.resume(stopping.resume, cfg, progress, java.util.function.UnaryOperator.identity(),
                            ws.reportScheduler(db, host, err), stop);
                } else {
                    report = runner.run(cfg, progress, "backtest", java.util.function.UnaryOperator.identity(),
                            ws.reportScheduler(db, host, err), stop);
                }
            } catch (ConfigException e) {
                throw e.locatedIn(ws.configFile());
            }
            progress.done();
            if (report.result().stopped()) {
                printStopped(out, report, new dev.quorum.core.journal.RunJournal(db, Clock.systemUTC())
                        .holdingsAt(report.runId(), report.result().stoppedAt().plusMillis(1)));
                return 0;
            }
            print(out, cfg, report, new dev.quorum.core.journal.PredictionRecords(db).healthChanges(report.runId()),
                    new dev.quorum.core.journal.LearnerRecords(db).weights(report.runId()));
        }
        return 0;
    }

    private static void printStopped(PrintWriter out, BacktestReport r, List<dev.quorum.core.journal.Holding> open) {
        TradeStats s = r.performance().trades();
        out.printf(java.util.Locale.ROOT, "%nRun %d stopped %s after %s bars: %s trades closed so far, net PnL %s%n", r.runId(),
                r.result().bars() == 0 ? "before its first bar" : "at " + r.result().stoppedAt() + " (engine time, the close of its last bar)",
                Format.count(r.result().bars()), Format.count(s.trades()), Format.money(s.netPnl()));
        out.println("Open positions: " + (open.isEmpty() ? "none"
                : String.join(", ", open.stream().map(h -> h.symbol() + " " + h.direction() + " " + String.format(java.util.Locale.ROOT, "%.6f", h.quantity()) + " since " + h.since())
                .toList())) + " (they stay open: the run goes on from here when resumed)");
        out.println("Resume it with: ./quorum backtest --resume " + r.runId() + "   (the same config file and options)");
        out.flush();
    }

    private static void print(PrintWriter out, QuorumConfig cfg, BacktestReport r,
                              List<dev.quorum.core.journal.PredictionRecords.HealthChange> health,
                              java.util.Map<String, java.util.Map<String, Double>> weights) {
        for (ImportResult i : r.imports()) {
            out.println("data: " + i.summary());
        }
        TradeStats s = r.performance().trades();
        EquityStats e = r.performance().equity();
        out.printf(java.util.Locale.ROOT, "%nRun %d: backtest of %s %s, %s .. %s, %s bars%n", r.runId(), String.join(", ", cfg.data().symbols()),
                cfg.data().timeframe(), cfg.data().from(), cfg.data().to(), Format.count(r.result().bars()));
        out.printf(java.util.Locale.ROOT, "Bots: %s; risk chain: %s; consensus threshold %.2f; %s%n%n",
                String.join(", ", r.result().bots().stream().map(BotReport::bot).toList()),
                cfg.risk().isEmpty() ? "(none)" : String.join(" -> ", cfg.risk().stream().map(x -> x.name()).toList()),
                cfg.engine().consensusThreshold(), cfg.broker().describe());
        row(out, "trades", Format.count(s.trades()) + (s.trades() > 0 ? "  (" + s.wins() + " won, " + s.losses() + " lost)" : ""));
        row(out, "win rate", Format.percent(s.winRate()));
        row(out, "profit factor", Format.ratio(s.profitFactor()));
        row(out, "expectancy", Format.money(s.expectancy()) + "  (net PnL per trade)");
        row(out, "net PnL", Format.money(s.netPnl()) + "  (" + Format.signedPercent(e.returnOnEquity()) + " of "
                + String.format(java.util.Locale.ROOT, "%,.2f", cfg.engine().initialCash()) + ")");
        row(out, "fees paid", String.format(java.util.Locale.ROOT, "%,.2f", s.fees()));
        row(out, "max drawdown", Format.percent(e.maxDrawdown().depth()) + "  (equity curve, open positions marked to market)");
        row(out, "Sharpe", Format.ratio(e.sharpe()) + "  (annualised from " + cfg.engine().equityResolution()
                + " equity returns, risk-free rate 0)");
        row(out, "Sortino", Format.ratio(e.sortino()));
        row(out, "exposure", Format.percent(e.exposure()) + "  (time with a position open)");
        row(out, "entries blocked", Format.count(r.result().entriesBlocked()) + "  (by the risk chain)");
        out.println();
        List<BotReport> suspended = r.suspendedBots();
        if (suspended.isEmpty()) {
            out.println("Suspended bots: none");
        } else {
            out.println("Suspended bots:");
            suspended.forEach(b -> out.printf(java.util.Locale.ROOT, "  %s (%s, plugin %s): %d errors; last %s%n", b.bot(), b.strategy(), b.pluginId(),
                    b.errors(), b.lastError()));
        }
        java.util.Map<String, dev.quorum.core.learning.BotHealth.Transition> last = new java.util.TreeMap<>();
        health.forEach(c -> last.put(c.bot(), c.transition()));
        List<String> disabled = new java.util.ArrayList<>();
        last.forEach((bot, t) -> {
            if (t.to() == dev.quorum.core.learning.BotHealth.State.SUSPENDED || t.to() == dev.quorum.core.learning.BotHealth.State.RETIRED) {
                disabled.add(bot + " " + t.to() + " since " + t.time());
            }
        });
        out.println("Bot health: " + (cfg.learning().healthRules().isEmpty() ? "off (learning.health.enabled)"
                : (disabled.isEmpty() ? "every bot votes at the end" : String.join("; ", disabled)) + " (learning.health; ./quorum bots)"));
        out.println("Learners: " + learners(cfg, weights));
        out.println("trade log sha256: " + r.tradeLogSha256());
        out.flush();
    }

    /** The learners of the run and the range of the weights they left, or why every weight is 1. */
    static String learners(QuorumConfig cfg, java.util.Map<String, java.util.Map<String, Double>> weights) {
        java.util.List<String> names = cfg.learning().enabled() ? cfg.learning().learners().stream().map(l -> l.name()).toList()
                : java.util.List.of();
        if (names.isEmpty()) {
            return "none (learning.learners): every bot weighs 1";
        }
        java.util.DoubleSummaryStatistics w = weights.values().stream().flatMap(m -> m.values().stream())
                .mapToDouble(Double::doubleValue).summaryStatistics();
        return String.join(", ", names) + (w.getCount() == 0 ? "" : String.format(java.util.Locale.ROOT,
                "; weights at the end %.2f .. %.2f", w.getMin(), w.getMax())) + " (./quorum bots)";
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf(java.util.Locale.ROOT, "  %-16s %s%n", label, value);
    }
}
