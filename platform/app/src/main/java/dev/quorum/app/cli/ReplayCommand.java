package dev.quorum.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import dev.quorum.api.Strategy;
import dev.quorum.core.config.ConfigException;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.engine.BacktestReport;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.engine.ObservedStrategy;
import dev.quorum.core.engine.ProgressListener;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.plugin.Registered;
import dev.quorum.core.store.Database;
import dev.quorum.scripting.ScriptException;
import dev.quorum.scripting.ScriptReloader;
import dev.quorum.scripting.ScriptStrategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code quorum replay}: a long-running session on the stored candles, played at a set pace through
 * the same engine as a backtest, with hot reload of the scripts: edit a file in {@code scripts/} and
 * its bots run the new version from the next bar; a broken edit is reported and the last good version
 * keeps voting; a deleted file retires its bots. Stored as a run of kind {@code replay}.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Play the stored candles through the bots at a set pace, with hot reload of scripts/*.js:",
                "an edit runs from the next bar, a broken edit keeps the last good version, a deleted file retires its bots.",
                "Prints the scripts' latest votes every --status-every bars. Ctrl-C stops."})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Mixin
    private ConfigOption config;
    @Mixin
    private DataRange range;

    @Option(names = "--speed", paramLabel = "BARS_PER_S", defaultValue = "20",
            description = "Bars per second (default: ${DEFAULT-VALUE}); 0 plays as fast as the engine goes.")
    private double speed;
    @Option(names = "--status-every", paramLabel = "N", defaultValue = "60",
            description = "Print the scripts' latest votes every N bars (default: ${DEFAULT-VALUE}).")
    private int statusEvery;
    @Option(names = "--reload-ms", paramLabel = "MS", defaultValue = "500",
            description = "How often to look for edited scripts (default: ${DEFAULT-VALUE} ms).")
    private long reloadMillis;

    @Override
    public Integer call() {
        if (!(speed >= 0) || statusEvery < 1 || reloadMillis < 50) {
            throw new IllegalArgumentException("--speed must be >= 0 (was " + speed + "), --status-every >= 1 (was " + statusEvery
                    + "), --reload-ms >= 50 (was " + reloadMillis + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Workspace ws = config.workspace();
        QuorumConfig cfg = range.applyTo(ws.config());
        try (Database db = ws.openDatabase(); PluginHost host = ws.startPlugins(); ScriptSet scripts = ScriptSet.ofWorkspace(ws)) {
            scripts.warnInvalid(err);
            cfg = scripts.withScriptBots(cfg);
            Map<String, String> lastVotes = new ConcurrentHashMap<>();
            List<Registered<Strategy>> watched = scripts.registered().stream()
                    .map(r -> new Registered<Strategy>(r.pluginId(), new ObservedStrategy(r.extension(), (context, signal) ->
                            lastVotes.put(context.botName() + "@" + context.symbol(), String.format(java.util.Locale.ROOT, "%s %.2f %s",
                                    signal.direction(), signal.confidence(), signal.reasons().isEmpty() ? "" : signal.reasons().get(0)))),
                            r.info())).toList();
            ScriptReloader reloader = scripts.runtime() == null ? null
                    : new ScriptReloader(scripts.runtime(), scripts.strategies(), new Reports(out));
            out.printf(java.util.Locale.ROOT, "replay of %s %s, %s .. %s at %s; scripts: %s%n", String.join(", ", cfg.data().symbols()),
                    cfg.data().timeframe(), cfg.data().from(), cfg.data().to(),
                    speed == 0 ? "full speed" : speed + " bars/s",
                    scripts.strategies().isEmpty() ? "none in " + ws.scriptsDir()
                            : scripts.strategies().size() + " (" + scripts.runtimeName() + "), edits reload every " + reloadMillis + " ms");
            out.flush();
            if (reloader != null) {
                reloader.start(Duration.ofMillis(reloadMillis));
            }
            BacktestReport report;
            try {
                report = new BacktestRunner(db, host, ws.workingDir(), Clock.systemUTC(), watched).run(cfg, ProgressListener.NONE,
                        "replay", bars -> new PacedBars(bars, speed, statusEvery, out, lastVotes), ws.reportScheduler(db, host, out));
            } catch (ConfigException e) {
                throw e.locatedIn(ws.configFile());
            } finally {
                if (reloader != null) {
                    reloader.close();
                }
            }
            out.printf(java.util.Locale.ROOT, "%nreplay run %d done: %,d bars, %d trades, net PnL %s; trade log sha256: %s%n",
                    report.runId(), report.result().bars(), report.performance().trades().trades(), Format.money(report.performance().trades().netPnl()),
                    report.tradeLogSha256());
        }
        return 0;
    }

    /** Prints what the reloader did (a replay's and a paper session's). */
    record Reports(PrintWriter out) implements ScriptReloader.Listener {
        @Override
        public void reloaded(ScriptStrategy s) {
            out.println("reload: " + s.definition().displayName() + " (" + s.definition().meta().name() + " "
                    + s.definition().meta().version() + ") is valid; its bots run it from their next bar");
            out.flush();
        }

        @Override
        public void rejected(ScriptStrategy s, ScriptException error) {
            out.println("reload: " + error.getMessage().replace("\n", "\n        "));
            out.println("        the last good version keeps running");
            out.flush();
        }

        @Override
        public void retired(ScriptStrategy s) {
            out.println("reload: " + s.definition().displayName() + " was deleted; its bots vote FLAT from their next bar");
            out.flush();
        }
    }
}
