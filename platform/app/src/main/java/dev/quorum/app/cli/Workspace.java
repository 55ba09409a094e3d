package dev.quorum.app.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.quorum.core.config.ConfigLoader;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.plugin.BundledPlugins;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.store.Database;

/**
 * Where a command runs: the working directory, its config file, the database and the plugins
 * directory named there, and the distribution's bundled plugins.
 *
 * @param workingDir the directory relative paths are resolved against
 * @param configFile the config file
 * @param config     the loaded configuration
 */
record Workspace(Path workingDir, Path configFile, QuorumConfig config) {

    /**
     * @param configFile the {@code --config} value, relative to the current directory; null for the default
     *                   {@code config/quorum.yaml} in the Quorum home
     * @return the workspace; the home is {@code -Dquorum.home} (set by the launcher), else the current directory
     */
    static Workspace load(Path configFile) {
        Path home = Path.of(System.getProperty("quorum.home", "")).toAbsolutePath();
        Path file = configFile == null ? home.resolve("config/quorum.yaml") : configFile.toAbsolutePath();
        return new Workspace(home, file, new ConfigLoader().load(file));
    }

    Path scriptsDir() {
        return workingDir.resolve(config.scripts().dir());
    }

    Path pluginsDir() {
        return workingDir.resolve(config.storage().pluginsDir());
    }

    /** @return where the server's API token is kept: {@code var/server-token}, owner-only */
    Path tokenFile() {
        return workingDir.resolve("var/server-token");
    }

    Path reportsDir() {
        return workingDir.resolve(config.reports().dir());
    }

    /**
     * @param db   the store
     * @param host the plugins (their report sections)
     * @return what writes daily reports into the configured folder, with the configured retention
     */
    dev.quorum.report.DailyReports dailyReports(Database db, PluginHost host) {
        return new dev.quorum.report.DailyReports(new dev.quorum.report.DailyReportLoader(
                new dev.quorum.core.journal.RunJournal(db, java.time.Clock.systemUTC()), host.reportSections(), host),
                new dev.quorum.core.report.ReportFolder(reportsDir()), config.reports().retentionDays());
    }

    /**
     * @param db   the store
     * @param host the plugins
     * @param err  where each report written is announced
     * @return the scheduler of daily reports on a run's engine clock; null when {@code reports.duringRuns} is off
     */
    dev.quorum.report.DailyReportScheduler reportScheduler(Database db, PluginHost host, java.io.PrintWriter err) {
        return reportScheduler(db, host, err, w -> { });
    }

    /**
     * @param db      the store
     * @param host    the plugins (their report sections)
     * @param err     where each report written is announced
     * @param written told of each report written too (a live session pushes it to the dashboard)
     * @return the scheduler of daily reports on a run's engine clock; null when {@code reports.duringRuns} is off
     */
    dev.quorum.report.DailyReportScheduler reportScheduler(Database db, PluginHost host, java.io.PrintWriter err,
                                                           java.util.function.Consumer<dev.quorum.report.DailyReports.Written> written) {
        if (!config.reports().duringRuns()) {
            return null;
        }
        dev.quorum.report.DailyReports reports = dailyReports(db, host);
        return new dev.quorum.report.DailyReportScheduler(reports::write, config.reports().cron(), w -> {
            err.println("  " + ReportCommand.describe(w, workingDir));
            err.flush();
            written.accept(w);
        });
    }

    /** Opens the database named in config, creating parent directories of an H2 file database. */
    Database openDatabase() {
        return openDatabase(false);
    }

    /**
     * Opens the database named in config, to be closed by the command only: H2 does not close it when the JVM shuts
     * down, so that a run Ctrl-C asks to stop ({@link GracefulStop}) can still store itself as STOPPED. For commands
     * that install a {@link GracefulStop}.
     */
    Database openDatabaseClosedByCommand() {
        return openDatabase(true);
    }

    private Database openDatabase(boolean closedByCommand) {
        String url = config.storage().database();
        String prefix = "jdbc:h2:file:";
        if (url.startsWith(prefix)) {
            String path = url.substring(prefix.length()).split(";", 2)[0];
            Path file = workingDir.resolve(path).normalize();
            try {
                Files.createDirectories(file.getParent());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
            }
            String rest = url.substring(prefix.length() + path.length());
            url = prefix + file + rest;
        }
        if (closedByCommand && url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains(";DB_CLOSE_ON_EXIT=")) {
            url = url + ";DB_CLOSE_ON_EXIT=FALSE";
        }
        return Database.open(url);
    }

    /** Installs or refreshes the bundled plugins, then loads and starts every plugin. */
    PluginHost startPlugins() {
        syncBundled();
        return PluginHost.start(pluginsDir());
    }

    List<String> syncBundled() {
        Path bundled = bundledPluginsDir();
        return bundled == null ? List.of() : new BundledPlugins(bundled, pluginsDir()).sync();
    }

    BundledPlugins bundled() {
        Path bundled = bundledPluginsDir();
        return bundled == null ? null : new BundledPlugins(bundled, pluginsDir());
    }

    /** The distribution's plugin zips: {@code -Dquorum.bundledPlugins}, else {@code ../bundled-plugins} beside the jars. */
    static Path bundledPluginsDir() {
        String property = System.getProperty("quorum.bundledPlugins");
        if (property != null) {
            return Path.of(property);
        }
        try {
            Path jar = Path.of(Workspace.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = jar.getParent().resolveSibling("bundled-plugins");
            return Files.isDirectory(candidate) ? candidate : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
