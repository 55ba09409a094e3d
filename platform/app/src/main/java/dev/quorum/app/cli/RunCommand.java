package dev.quorum.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.quorum.core.config.ConfigException;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.config.ServerConfig;
import dev.quorum.core.engine.BacktestReport;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.engine.ProgressListener;
import dev.quorum.core.engine.RunStop;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.report.ReportFolder;
import dev.quorum.core.store.Database;
import dev.quorum.report.DailyReportScheduler;
import dev.quorum.scripting.ScriptCatalog;
import dev.quorum.scripting.ScriptStrategy;
import dev.quorum.server.ApiToken;
import dev.quorum.server.EventHub;
import dev.quorum.server.HealthRoutes;
import dev.quorum.server.LiveSession;
import dev.quorum.server.QuorumServer;
import dev.quorum.server.ReportRoutes;
import dev.quorum.server.ServerSettings;
import dev.quorum.server.SessionRoutes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code quorum run}: a paper-trading session with its dashboard. The same engine as a backtest, on the engine clock of
 * a replay of the stored candles at a set pace (bars per second of wall time), with the daily reports written as the
 * engine days end, and the web dashboard (REST, WebSocket, the page) on {@code server.host:server.port}, behind the
 * API token. When the data ends the session has finished; the dashboard stays up until Ctrl-C. Ctrl-C during the run
 * stops it at the next bar and stores it STOPPED.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a paper-trading session on the stored candles, replayed at --speed bars per second, with the live",
                "dashboard at http://server.host:server.port/ (default 127.0.0.1:7070). The API token is made on first start,",
                "printed once with the dashboard's address, and kept in var/server-token (owner-only). Ctrl-C stops."})
final class RunCommand implements Callable<Integer> {

    /** The default pace: the default data's first trade after about 15 seconds, its three days in about 17 minutes. */
    static final double DEFAULT_SPEED = 10;

    @Spec
    private CommandSpec spec;
    @Mixin
    private ConfigOption config;
    @Mixin
    private DataRange range;

    @Option(names = "--speed", paramLabel = "BARS_PER_S", defaultValue = "10",
            description = "Bars per second of wall time (default: ${DEFAULT-VALUE}: the default data's first trade after about 15 s);"
                    + " 0 plays as fast as the engine goes.")
    private double speed;
    @Option(names = "--port", paramLabel = "N", description = "Port (default: server.port; 0 picks a free one).")
    private Integer port;
    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default: server.host).")
    private String host;
    @Option(names = "--exit-when-done", description = "Stop the dashboard too when the data ends (default: it stays up until Ctrl-C).")
    private boolean exitWhenDone;

    @Override
    public Integer call() throws Exception {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("--speed must be a number >= 0 (bars per second; 0 for full speed), was " + speed);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Workspace ws = config.workspace();
        QuorumConfig base = range.applyTo(ws.config());
        ServerConfig s = ws.config().server();
        ServerSettings settings = new ServerSettings(host != null ? host : s.host(), port != null ? port : s.port(), s.allowRemote());
        ApiToken.Loaded token = ApiToken.loadOrCreate(ws.tokenFile());
        RunStop stop = RunStop.onRequest();
        CountDownLatch quit = new CountDownLatch(1);
        try (GracefulStop ctrlC = GracefulStop.install(stop, err, quit::countDown);
             Database db = ws.openDatabaseClosedByCommand(); PluginHost host = ws.startPlugins(); ScriptSet scripts = ScriptSet.ofWorkspace(ws);
             EventHub events = new EventHub()) {
            scripts.warnInvalid(err);
            QuorumConfig cfg = scripts.withScriptBots(base);
            List<String> bots = cfg.bots().stream().map(b -> b.name()).toList();
            LiveSession session = new LiveSession(cfg, bots, speed, Clock.systemUTC(), events);
            ReportFolder folder = new ReportFolder(ws.reportsDir());
            try (QuorumServer server = QuorumServer.start(settings, token.token(), List.of(new HealthRoutes(folder), new ReportRoutes(folder),
                    new SessionRoutes(session, db, events, host, () -> scriptRows(scripts, host))))) {
                printWelcome(out, server, token, ws, cfg);
                DailyReportScheduler reports = ws.reportScheduler(db, host, err, w -> session.reportWritten(w.day(), w.pages(), w.bytes()));
                BacktestRunner runner = new BacktestRunner(db, host, ws.workingDir(), Clock.systemUTC(), scripts.registered())
                        .observedBy(session::observerFor);
                BacktestReport report;
                // edits of scripts/*.js reload as in ./quorum replay: from the next bar, a broken edit keeps the last good version
                dev.quorum.scripting.ScriptReloader reloader = scripts.runtime() == null ? null
                        : new dev.quorum.scripting.ScriptReloader(scripts.runtime(), scripts.strategies(), new ReplayCommand.Reports(out));
                if (reloader != null) {
                    reloader.start(java.time.Duration.ofMillis(500));
                }
                try {
                    report = runner.run(cfg, ProgressListener.NONE, "paper", bars -> new PacedBars(bars, speed, 0, out, Map.of()), reports, stop);
                } catch (ConfigException e) {
                    session.ended("FAILED", e.getMessage());
                    throw e.locatedIn(ws.configFile());
                } catch (RuntimeException e) {
                    session.ended("FAILED", e.getMessage());
                    throw e;
                } finally {
                    if (reloader != null) {
                        reloader.close();
                    }
                }
                if (report.result().stopped()) {
                    session.ended("STOPPED", null);
                    out.printf(java.util.Locale.ROOT, "%nsession run %d stopped at %s after %,d bars, %d trades; resume it with ./quorum backtest"
                            + " --resume %d (the same options)%n", report.runId(), report.result().stoppedAt(), report.result().bars(),
                            report.performance().trades().trades(), report.runId());
                    out.flush();
                    return 0;
                }
                session.finished(report.result());
                out.printf(java.util.Locale.ROOT, "%nsession run %d finished: %,d bars, %d trades, net PnL %s; trade log sha256 %s%n",
                        report.runId(), report.result().bars(), report.performance().trades().trades(),
                        Format.money(report.performance().trades().netPnl()), report.tradeLogSha256());
                if (!exitWhenDone) {
                    out.println("the dashboard stays up at " + server.baseUri() + "/ until Ctrl-C");
                    out.flush();
                    quit.await();
                }
            }
        }
        return 0;
    }

    private void printWelcome(PrintWriter out, QuorumServer server, ApiToken.Loaded token, Workspace ws, QuorumConfig cfg) {
        out.printf(java.util.Locale.ROOT, "paper session: %s %s, %s .. %s, replayed at %s; bots: %s%n", String.join(", ", cfg.data().symbols()),
                cfg.data().timeframe(), cfg.data().from(), cfg.data().to(), speed == 0 ? "full speed" : speed + " bars/s", String.join(", ",
                        cfg.bots().stream().map(b -> b.name()).toList()));
        if (token.created()) {
            out.println("Dashboard: " + server.baseUri() + "/#token=" + token.token().reveal());
            out.println("(a new API token, shown this once; it is kept in " + ws.tokenFile() + ", readable by you only)");
        } else {
            out.println("Dashboard: " + server.baseUri() + "/   (sign in with the API token in " + ws.tokenFile() + ")");
        }
        out.println("Ctrl-C stops the session");
        out.flush();
    }

    /** The scripts as the dashboard lists them: name, file, state, errors, last error (with its line when it has one). */
    private static List<Map<String, Object>> scriptRows(ScriptSet scripts, PluginHost host) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ScriptCatalog.Entry e : scripts.entries()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", e.file().getFileName().toString());
            if (!e.valid()) {
                row.put("name", e.file().getFileName().toString());
                row.put("state", "INVALID");
                row.put("errors", 1);
                row.put("error", e.error().getMessage());
                row.put("line", e.error().line());
                rows.add(row);
                continue;
            }
            ScriptStrategy strategy = scripts.strategies().stream().filter(x -> x.definition().equals(e.definition())).findFirst().orElse(null);
            String plugin = strategy == null ? null : ScriptSet.pluginId(strategy);
            int errors = plugin == null ? 0 : host.errorCounts().getOrDefault(plugin, 0);
            row.put("name", e.definition().meta().name());
            row.put("state", strategy != null && strategy.isRetired() ? "RETIRED" : errors > 0 ? "DEGRADED" : "ACTIVE");
            row.put("errors", errors);
            row.put("error", errors > 0 ? host.lastError(plugin) : "");
            rows.add(row);
        }
        return rows;
    }
}
