package dev.quorum.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.quorum.core.config.ServerConfig;
import dev.quorum.core.report.ReportFolder;
import dev.quorum.server.QuorumServer;
import dev.quorum.server.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quorum serve}: the HTTP server that lists and serves the daily reports. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the daily reports over HTTP until stopped (Ctrl-C):",
                "  GET /api/health               status",
                "  GET /api/reports              the reports: date, size, sha256, url",
                "  GET /api/reports/DATE.pdf     one report (DATE as YYYY-MM-DD)",
                "Every /api route needs the API token (Authorization: Bearer TOKEN; made on first start, kept in",
                "var/server-token). Listens on server.host:server.port (default 127.0.0.1:7070); without TLS a non-loopback",
                "address is refused unless server.allowRemote is true."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOption config;

    @Option(names = "--port", paramLabel = "N", description = "Port (default: server.port; 0 picks a free one).")
    private Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default: server.host).")
    private String host;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Workspace ws = config.workspace();
        ServerConfig s = ws.config().server();
        ServerSettings settings = new ServerSettings(host != null ? host : s.host(), port != null ? port : s.port(), s.allowRemote());
        ReportFolder folder = new ReportFolder(ws.reportsDir());
        CountDownLatch stopped = new CountDownLatch(1);
        boolean interrupted = false;
        dev.quorum.server.ApiToken.Loaded token = dev.quorum.server.ApiToken.loadOrCreate(ws.tokenFile());
        try (QuorumServer server = QuorumServer.start(settings, token.token(), folder)) {
            Thread hook = new Thread(stopped::countDown, "quorum-serve-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("serving " + folder.list().size() + " report(s) from " + ws.reportsDir() + " at " + server.baseUri() + "/api/reports");
            out.println(token.created() ? "API token (new, shown this once; kept in " + ws.tokenFile() + "): " + token.token().reveal()
                    : "send the API token in " + ws.tokenFile() + " as Authorization: Bearer TOKEN");
            out.println("press Ctrl-C to stop");
            out.flush();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                interrupted = true; // re-set after the server has stopped: Jetty's stop waits on latches
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already stopping: the hook has run
                }
            }
        }
        out.println("stopped");
        out.flush();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
