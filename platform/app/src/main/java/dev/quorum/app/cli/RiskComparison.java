package dev.quorum.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;

import dev.quorum.api.Trade;
import dev.quorum.core.analytics.StoredRun;
import dev.quorum.core.config.ConfigException;
import dev.quorum.core.config.PositionsConfig;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.config.RiskConfig;
import dev.quorum.core.engine.BacktestReport;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.journal.RiskLog;
import dev.quorum.core.journal.RiskModuleCount;
import dev.quorum.core.journal.RunJournal;
import dev.quorum.core.store.Database;

/**
 * {@code quorum backtest --compare risk-off,risk-on}: the same data, bots and broker run once per variant
 * of the risk layer, each stored as a run of its own, and printed side by side: {@code risk-on} (as configured),
 * {@code risk-off} (no risk modules and no hedging), {@code hedge-only} (no risk modules, the manager's hedging
 * as configured), {@code hedging-off}, {@code positions-off} (no position manager), {@code learning-off} (no learners
 * and no health rules) and {@code -NAME} (the chain
 * without module NAME). Every figure is read back
 * from the store: return, drawdown and Sharpe from the metrics module, the worst day from the equity
 * curve, the per-module counts from the stored risk steps.
 */
final class RiskComparison {

    /** One variant's chain and what its run produced. */
    private record Column(String variant, QuorumConfig config, BacktestReport report, Map.Entry<LocalDate, Double> worstDay,
                          Map<String, RiskModuleCount> modules) {
    }

    private RiskComparison() {
    }

    static void run(PrintWriter out, PrintWriter err, Workspace ws, BacktestRunner runner, Database db, QuorumConfig base,
                    List<String> variants) {
        if (variants.isEmpty() || new LinkedHashSet<>(variants).size() != variants.size()) {
            throw new IllegalArgumentException("--compare " + String.join(",", variants) + ": name each variant once,"
                    + " such as --compare risk-off,risk-on");
        }
        List<QuorumConfig> configs = new ArrayList<>();
        // every variant's learners start fresh: with a named learning.state they would resume from (and save over) one
        // another's, and the columns would depend on their order
        base = base.withLearning(base.learning().withState(null));
        for (String v : variants) {
            configs.add(switch (v) {
                case "positions-off" -> base.withPositions(PositionsConfig.none());
                // predictions still recorded, but no learner and no health rule: every bot votes with weight 1
                case "learning-off" -> base.withLearning(base.learning().watchingOnly());
                case "hedging-off" -> base.withPositions(base.positions().withHedging(false));
                // the whole risk layer: no risk modules and no hedging
                case "risk-off" -> base.withRisk(List.of()).withPositions(base.positions().withHedging(false));
                case "hedge-only" -> base.withRisk(List.of());
                default -> base.withRisk(chain(v, base.risk()));
            });
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            String variant = variants.get(i);
            QuorumConfig cfg = configs.get(i);
            err.println("compare: " + variant + " (" + describe(cfg.risk()) + "; position manager: " + cfg.positions().manager()
                    + (cfg.positions().enabled() && !cfg.positions().hedging() ? ", no hedging" : "")
                    + (cfg.learning().learners().isEmpty() && cfg.learning().healthRules().isEmpty() ? "; no learners, no health rules" : "")
                    + ")");
            ConsoleProgress progress = new ConsoleProgress(err, cfg);
            BacktestReport report;
            try {
                report = runner.run(cfg, progress);
            } catch (ConfigException e) {
                throw e.locatedIn(ws.configFile());
            }
            progress.done();
            StoredRun stored = StoredRun.load(new RunJournal(db, Clock.systemUTC()), report.runId(), cfg.engine().initialCash(),
                    cfg.engine().equityTimeframe().duration());
            SortedMap<LocalDate, Double> days = stored.dailyReturns(ZoneOffset.UTC);
            Map.Entry<LocalDate, Double> worst = days.entrySet().stream().min(Map.Entry.comparingByValue()).orElse(null);
            Map<String, RiskModuleCount> modules = new LinkedHashMap<>();
            new RiskLog(db).moduleCounts(report.runId()).forEach(c -> modules.put(c.module(), c));
            columns.add(new Column(variant, cfg, report, worst, modules));
        }
        print(out, base, columns);
    }

    /** The chain a variant runs. */
    static List<RiskConfig> chain(String variant, List<RiskConfig> configured) {
        switch (variant) {
            case "risk-on" -> {
                return configured;
            }
            case "risk-off" -> {
                return List.of();
            }
            default -> {
                if (variant.startsWith("-") && variant.length() > 1) {
                    String name = variant.substring(1);
                    List<RiskConfig> without = configured.stream().filter(r -> !r.name().equals(name)).toList();
                    if (without.size() == configured.size()) {
                        throw new IllegalArgumentException("--compare " + variant + ": the risk chain has no module named '" + name
                                + "' (it has " + configured.stream().map(RiskConfig::name).toList() + ")");
                    }
                    return without;
                }
                throw new IllegalArgumentException("--compare: unknown variant '" + variant
                        + "'; expected risk-off, risk-on, hedge-only, hedging-off, positions-off, learning-off or -NAME (the chain without module"
                        + " NAME)");
            }
        }
    }

    private static String describe(List<RiskConfig> chain) {
        return chain.isEmpty() ? "no risk modules" : String.join(" -> ", chain.stream().map(RiskConfig::name).toList());
    }

    private static void print(PrintWriter out, QuorumConfig base, List<Column> columns) {
        out.printf(Locale.ROOT, "%nRisk comparison: %s %s, %s .. %s; the same bots, broker and data in every column%n%n",
                String.join(", ", base.data().symbols()), base.data().timeframe(), base.data().from(), base.data().to());
        row(out, "", columns, Column::variant);
        row(out, "run", columns, c -> Long.toString(c.report().runId()));
        row(out, "position manager", columns, c -> c.config().positions().manager());
        row(out, "  hedging allowed", columns, c -> !c.config().positions().enabled() ? "-" : c.config().positions().hedging() ? "yes" : "no");
        row(out, "return", columns, c -> Format.signedPercent(c.report().performance().equity().returnOnEquity()));
        row(out, "net PnL", columns, c -> Format.money(c.report().performance().trades().netPnl()));
        row(out, "max drawdown", columns, c -> Format.percent(c.report().performance().equity().maxDrawdown().depth()));
        row(out, "Sharpe", columns, c -> Format.ratio(c.report().performance().equity().sharpe()));
        row(out, "worst day (UTC)", columns, c -> c.worstDay() == null ? "n/a" : Format.signedPercent(c.worstDay().getValue()));
        row(out, "  on", columns, c -> c.worstDay() == null ? "" : c.worstDay().getKey().toString());
        row(out, "trades", columns, c -> Format.count(c.report().performance().trades().trades()));
        row(out, "win rate", columns, c -> Format.percent(c.report().performance().trades().winRate()));
        row(out, "  of which hedges", columns, c -> Format.count(c.report().trades().stream().filter(Trade::hedge).count()));
        row(out, "  hedges' net PnL", columns, c -> Format.money(c.report().trades().stream().filter(Trade::hedge)
                .mapToDouble(Trade::pnl).sum()));
        row(out, "entries blocked", columns, c -> Format.count(c.report().result().entriesBlocked()));
        Set<String> modules = new LinkedHashSet<>();
        columns.forEach(c -> c.config().risk().forEach(r -> modules.add(r.name())));
        if (!modules.isEmpty()) {
            out.printf(Locale.ROOT, "%nIntents each module blocked / shrank (of those it judged; '-' = not in that chain):%n");
            for (String m : modules) {
                row(out, "  " + m, columns, c -> {
                    if (c.config().risk().stream().noneMatch(r -> r.name().equals(m))) {
                        return "-";
                    }
                    RiskModuleCount n = c.modules().get(m);
                    return n == null ? "0 / 0 of 0" : n.rejected() + " / " + n.shrank() + " of " + n.judged()
                            + (n.faulted() > 0 ? " (" + n.faulted() + " faults)" : "");
                });
            }
        }
        out.printf(Locale.ROOT, "%nAn intent is the ensemble's wish to enter on one bar; while a consensus lasts, each bar makes a new one,"
                + "%nso one blocked idea can count several times. Runs are stored: ./quorum report --run N for their reports.%n");
        out.flush();
    }

    private static void row(PrintWriter out, String label, List<Column> columns, Function<Column, String> cell) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-24s", label));
        for (Column c : columns) {
            line.append(String.format(Locale.ROOT, " %22s", cell.apply(c)));
        }
        out.println(line.toString().stripTrailing());
    }
}
