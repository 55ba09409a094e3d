package dev.quorum.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.quorum.api.Bar;
import dev.quorum.api.BarQuery;
import dev.quorum.api.BarStream;
import dev.quorum.api.Direction;
import dev.quorum.api.Strategy;
import dev.quorum.api.Timeframe;
import dev.quorum.core.config.BotConfig;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.data.CandleStore;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.engine.BotReport;
import dev.quorum.core.engine.EngineResult;
import dev.quorum.core.engine.InMemoryBacktest;
import dev.quorum.core.engine.ObservedStrategy;
import dev.quorum.core.engine.RunSink;
import dev.quorum.core.journal.RunJournal;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.plugin.Registered;
import dev.quorum.core.store.Database;
import dev.quorum.scripting.ScriptCatalog;
import dev.quorum.scripting.ScriptStrategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quorum scripts}: JavaScript strategies in {@code scripts/}. */
@Command(name = "scripts", mixinStandardHelpOptions = true,
        description = {"JavaScript strategies: every *.js directly in scripts.dir (default scripts/) is a strategy, and",
                "votes as a bot of its own unless config says otherwise. See scripts/README.md."},
        subcommands = {ScriptsCommand.ListCommand.class, ScriptsCommand.ValidateCommand.class})
final class ScriptsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Each script: name, version, state and last error.",
                    "INVALID: it does not load (the error says where); SUSPENDED or DEGRADED: its bot was suspended, or",
                    "had errors, in the last finished run; ACTIVE otherwise."})
    static final class ListCommand implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private ConfigOption config;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Workspace ws = config.workspace();
            List<Path> files = ScriptCatalog.files(ws.scriptsDir());
            out.println("Scripts in " + ws.scriptsDir() + ":");
            if (files.isEmpty()) {
                out.println("  (none; copy one from scripts/examples/ to start, see scripts/README.md)");
                return 0;
            }
            List<BotReport> lastRun;
            try (Database db = ws.openDatabase()) {
                lastRun = new RunJournal(db, Clock.systemUTC()).botsOfLatestRun();
            }
            int invalid = 0;
            try (ScriptSet scripts = ScriptSet.load(ws, files)) {
                out.printf(java.util.Locale.ROOT, "%-24s %-9s %-10s %s%n", "NAME", "VERSION", "STATE", "FILE");
                for (ScriptCatalog.Entry e : scripts.entries()) {
                    String file = ScriptCatalog.displayName(e.file(), ws.workingDir());
                    if (!e.valid()) {
                        invalid++;
                        out.printf(java.util.Locale.ROOT, "%-24s %-9s %-10s %s%n", "-", "-", "INVALID", file);
                        out.println("    " + e.error().oneLine());
                        continue;
                    }
                    var meta = e.definition().meta();
                    String state = "ACTIVE";
                    String detail = "";
                    for (BotReport r : lastRun) {
                        if (r.pluginId().equals("script:" + e.definition().displayName())) {
                            if (r.suspended()) {
                                state = "SUSPENDED";
                            } else if (r.errors() > 0 && !state.equals("SUSPENDED")) {
                                state = "DEGRADED";
                            }
                            if (r.errors() > 0) {
                                detail = "last run, bot " + r.bot() + ": " + r.errors() + " error(s); last " + r.lastError();
                            }
                        }
                    }
                    out.printf(java.util.Locale.ROOT, "%-24s %-9s %-10s %s%n", meta.name(), meta.version(), state, file);
                    if (!detail.isEmpty()) {
                        out.println("    " + detail);
                    }
                }
            }
            return invalid == 0 ? 0 : 1;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check scripts: parse, check meta and parameters, then run each alone over the first bars of",
                    "data.symbols[0] (real candles). Errors read file:line:column with the offending line.",
                    "Exit code 1 if any script is invalid or failed on a bar."})
    static final class ValidateCommand implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private ConfigOption config;
        @Option(names = "--bars", paramLabel = "N", defaultValue = "2000", description = "Bars to run each script over (default: ${DEFAULT-VALUE}).")
        private int bars;
        @Parameters(paramLabel = "FILE", arity = "0..*", description = "Script files (default: every *.js in scripts.dir).")
        private List<Path> files = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Workspace ws = config.workspace();
            if (bars < 1) {
                throw new IllegalArgumentException("--bars must be at least 1, was " + bars);
            }
            List<Path> targets = new ArrayList<>();
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    throw new IllegalArgumentException(f + ": no such file");
                }
                targets.add(f.toAbsolutePath());
            }
            if (targets.isEmpty()) {
                targets.addAll(ScriptCatalog.files(ws.scriptsDir()));
            }
            if (targets.isEmpty()) {
                out.println("no scripts in " + ws.scriptsDir() + " (copy one from scripts/examples/, see scripts/README.md)");
                return 0;
            }
            QuorumConfig cfg = ws.config();
            String symbol = cfg.data().symbols().get(0);
            Timeframe tf = cfg.data().baseTimeframe();
            int failed = 0;
            try (Database db = ws.openDatabase(); PluginHost host = ws.startPlugins(); ScriptSet scripts = ScriptSet.load(ws, targets)) {
                new BacktestRunner(db, host, ws.workingDir(), Clock.systemUTC()).ensureCandles(cfg.withData(cfg.data()
                        .with(List.of(symbol), null, null)), new CandleStore(db), tf);
                out.println("JavaScript runtime: " + scripts.runtimeName());
                List<ScriptStrategy> valid = scripts.strategies();
                int v = 0;
                for (ScriptCatalog.Entry e : scripts.entries()) {
                    String file = ScriptCatalog.displayName(e.file(), ws.workingDir());
                    if (!e.valid()) {
                        failed++;
                        out.println();
                        out.println("INVALID " + e.error().getMessage());
                        continue;
                    }
                    ScriptStrategy s = valid.get(v++);
                    if (!runOver(out, file, s, db, cfg, symbol, tf)) {
                        failed++;
                    }
                }
            }
            out.println();
            out.println(failed == 0 ? "all " + targets.size() + " script(s) valid" : failed + " of " + targets.size() + " script(s) failed");
            return failed == 0 ? 0 : 1;
        }

        private boolean runOver(PrintWriter out, String file, ScriptStrategy s, Database db, QuorumConfig cfg, String symbol,
                                Timeframe tf) {
            Map<Direction, Long> votes = new EnumMap<>(Direction.class);
            List<String> errors = new ArrayList<>();
            Strategy counting = new ObservedStrategy(s, (context, signal) -> votes.merge(signal.direction(), 1L, Long::sum));
            QuorumConfig one = new QuorumConfig(cfg.data().with(List.of(symbol), null, null), cfg.engine(), cfg.broker(),
                    cfg.storage(), List.of(new BotConfig(null, s.info().id(), null)), List.of(), cfg.scripts());
            Instant from = cfg.data().fromDate().atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant to = cfg.data().toDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            EngineResult result;
            try (BarStream stream = new CandleStore(db).bars(new BarQuery(List.of(symbol), tf, from, to))) {
                BarStream first = BarStream.of(limit(stream, bars));
                result = InMemoryBacktest.run(one, List.of(new Registered<>("script:" + file, counting, s.info())), List.of(),
                        first, RunSink.discarding(), (pluginId, what, error) -> errors.add(error));
            }
            var meta = s.definition().meta();
            out.println();
            out.printf(java.util.Locale.ROOT, "%s %s: %s %s, %,d bars of %s %s: %,d LONG, %,d SHORT, %,d FLAT votes, %d error(s)%n",
                    errors.isEmpty() ? "OK     " : "FAILED ", file, meta.name(), meta.version(), result.bars(), symbol, tf,
                    votes.getOrDefault(Direction.LONG, 0L), votes.getOrDefault(Direction.SHORT, 0L),
                    votes.getOrDefault(Direction.FLAT, 0L), errors.size());
            if (!meta.parameters().isEmpty()) {
                out.println("    params: " + meta.parameters().stream().map(p -> p.name() + "=" + p.defaultValue() + " (" + p.allowed() + ")")
                        .toList());
            }
            errors.stream().limit(5).forEach(e -> out.println("    " + e.replace("\n", "\n    ")));
            if (errors.size() > 5) {
                out.println("    ... and " + (errors.size() - 5) + " more");
            }
            List<String> log = s.logLines();
            if (!log.isEmpty()) {
                out.println("    log (last " + Math.min(10, log.size()) + " of " + log.size() + " kept lines):");
                log.subList(Math.max(0, log.size() - 10), log.size()).forEach(l -> out.println("      " + l));
            }
            return errors.isEmpty();
        }

        private static Iterator<Bar> limit(BarStream stream, int n) {
            return new Iterator<>() {
                private int taken;

                @Override
                public boolean hasNext() {
                    return taken < n && stream.hasNext();
                }

                @Override
                public Bar next() {
                    taken++;
                    return stream.next();
                }
            };
        }
    }
}
