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
 * a replay of the stored candles at a set pace (bars per second of wall time), or of the bars of a market data source
 * plugin ({@code data.source}: history, then live bars as they close), with the daily reports written as the
 * engine days end, and the web dashboard (REST, WebSocket, the page) on {@code server.host:server.port}, behind the
 * API token. When the data ends the session has finished; the dashboard stays up until Ctrl-C. Ctrl-C during the run
 * stops it at the next bar and stores it STOPPED.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a paper-trading session on the stored candles, replayed at --speed bars per second (or on the bars of",
                "the data.source plugin, as they come), with the live",
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

    @Option(names = "--speed", paramLabel = "BARS_PER_S",
            description = "Bars per second of wall time (default: 10 for the stored candles, the default data's first trade after"
                    + " about 15 s; 0 with a data.source plugin, whose live bars come as they close); 0 plays as fast as bars come.")
    private Double speedOption;
    private double speed;
    @Option(names = "--port", paramLabel = "N", description = "Port (default: server.port; 0 picks a free one).")
    private Integer port;
    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default: server.host).")
    private String host;
    @Mixin
    private StopOptions stopping;
    @Option(names = "--exit-when-done", description = "Stop the dashboard too when the data ends (default: it stays up until Ctrl-C).")
    private boolean exitWhenDone;

    @Override
    public Integer call() throws Exception {
        if (speedOption != null && (!(speedOption >= 0) || Double.isInfinite(speedOption))) {
            throw new IllegalArgumentException("--speed must be a number >= 0 (bars per second; 0 for full speed), was " + speedOption);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Workspace ws = config.workspace();
        QuorumConfig base = range.applyTo(ws.config());
        speed = speedOption != null ? speedOption : base.data().fromPlugin() ? 0 : DEFAULT_SPEED;
        ServerConfig s = ws.config().server();
        ServerSettings settings = new ServerSettings(host != null ? host : s.host(), port != null ? port : s.port(), s.allowRemote());
        ApiToken.Loaded token = ApiToken.loadOrCreate(ws.tokenFile());
        RunStop stop = stopping.stop();
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
                    if (stopping.resume != null) {
                        java.time.Instant stoppedAt = new dev.quorum.core.journal.RunJournal(db, Clock.systemUTC()).run(stopping.resume)
                                .map(r -> r.stoppedAt()).orElse(null);
                        out.println("resuming session run " + stopping.resume + (stoppedAt == null ? "" : ": replaying it up to " + stoppedAt
                                + ", where it stopped, at full speed, then carrying on"));
                        out.flush();
                        report = runner.resume(stopping.resume, cfg, ProgressListener.NONE, bars -> new PacedBars(bars, speed, 0, out, Map.of(), stoppedAt),
                                reports, stop);
                    } else {
                        report = runner.run(cfg, ProgressListener.NONE, "paper", bars -> new PacedBars(bars, speed, 0, out, Map.of()), reports, stop);
                    }
                } catch (ConfigException e) {
                    session.ended("FAILED", e.getMessage());
                    throw e.locatedIn(ws.configFile());
                } catch (RuntimeException e) {
                    session.ended("FAILED", e.getMessage());
                    if (!exitWhenDone && session.status().bars() > 0) {
                        // a session that had begun: the page shows the failure; the terminal gets the error when the dashboard closes
                        err.println("the session failed: " + e.getMessage());
                        err.println("the dashboard stays up at " + server.baseUri() + "/ to show it until Ctrl-C");
                        err.flush();
                        quit.await();
                    }
                    throw e;
                } finally {
                    if (reloader != null) {
                        reloader.close();
                    }
                }
                if (report.result().stopped()) {
                    session.ended("STOPPED", null);
                    out.printf(java.util.Locale.ROOT, "%nsession run %d stopped at %s after %,d bars, %d trades; resume it with ./quorum run"
                            + " --resume %d (the same options; ./quorum backtest --resume %<d finishes it without the dashboard)%n", report.runId(), report.result().stoppedAt(), report.result().bars(),
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
        String feed = cfg.data().fromPlugin()
                ? "from data source '" + cfg.data().source().use() + "'" + (speed == 0 ? " as its bars come" : " at most " + speed + " bars/s")
                : "stored candles replayed at " + (speed == 0 ? "full speed" : speed + " bars/s");
        out.printf(java.util.Locale.ROOT, "paper session: %s %s, %s .. %s, %s; bots: %s%n", String.join(", ", cfg.data().symbols()),
                cfg.data().timeframe(), cfg.data().from(), cfg.data().to(), feed, String.join(", ",
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
