package dev.quorum.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.quorum.api.QuorumApi;
import dev.quorum.core.journal.PluginRunErrors;
import dev.quorum.core.journal.RunJournal;
import dev.quorum.core.plugin.BundledPlugins;
import dev.quorum.core.plugin.PluginArchive;
import dev.quorum.core.plugin.PluginHealth;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.plugin.PluginInstaller;
import dev.quorum.core.plugin.PluginStatus;
import dev.quorum.core.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quorum plugins}: list, install, enable, disable and uninstall plugins. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Manage the plugins in the plugins directory (storage.pluginsDir, default var/plugins).",
        subcommands = {PluginsCommand.ListCommand.class, PluginsCommand.InstallCommand.class, PluginsCommand.EnableCommand.class,
                PluginsCommand.DisableCommand.class, PluginsCommand.UninstallCommand.class})
final class PluginsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list, install, enable, disable, uninstall");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Show every installed plugin: id, version, state, required API range, extensions.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private ConfigOption config;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Workspace ws = config.workspace();
            Map<String, PluginRunErrors> lastRun;
            try (Database db = ws.openDatabase()) {
                lastRun = new RunJournal(db, java.time.Clock.systemUTC()).pluginErrorsOfLatestRun();
            }
            try (PluginHost host = ws.startPlugins()) {
                List<PluginStatus> statuses = host.statuses().stream().map(s -> withLastRun(s, lastRun.get(s.id()))).toList();
                out.printf(java.util.Locale.ROOT, "Plugins in %s (host plugin API %s)%n", ws.pluginsDir(), QuorumApi.version());
                if (statuses.isEmpty()) {
                    out.println("  (none installed)");
                }
                out.printf(java.util.Locale.ROOT, "%-26s %-9s %-9s %-20s %s%n", "ID", "VERSION", "STATE", "REQUIRES", "EXTENSIONS");
                for (PluginStatus s : statuses) {
                    out.printf(java.util.Locale.ROOT, "%-26s %-9s %-9s %-20s %s%n", s.id(), s.version(), s.health(), s.requires(),
                            s.extensions().isEmpty() ? "-" : String.join(", ", s.extensions()));
                    if (!s.message().isEmpty()) {
                        out.println("    " + s.message());
                    }
                }
            }
            return 0;
        }

        /** A plugin that caused errors in the last finished run shows DEGRADED, with what happened. */
        private static PluginStatus withLastRun(PluginStatus s, PluginRunErrors errors) {
            if (errors == null || s.health() != PluginHealth.STARTED) {
                return s;
            }
            return new PluginStatus(s.id(), s.version(), s.requires(), s.provider(), PluginHealth.DEGRADED,
                    "in run " + errors.runId() + ": " + errors.errors() + " error(s); last: " + errors.lastError(),
                    s.extensions(), errors.errors(), s.path());
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Check a plugin .zip or .jar (descriptor, id, version, API range, safe paths, no bundled host library)",
                    "and copy it into the plugins directory. Refuses a plugin whose id is already installed."})
    static final class InstallCommand implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private ConfigOption config;
        @Parameters(paramLabel = "FILE", description = "The plugin archive (.zip or .jar).")
        private Path file;

        @Override
        public Integer call() {
            Workspace ws = config.workspace();
            ws.syncBundled();
            PluginArchive installed = new PluginInstaller(ws.pluginsDir()).install(file.toAbsolutePath());
            spec.commandLine().getOut().printf(java.util.Locale.ROOT, "installed plugin %s (requires API %s) as %s%n", installed.descriptor().label(),
                    installed.descriptor().requires().isEmpty() ? "*" : installed.descriptor().requires(), installed.file());
            return 0;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a plugin; it starts with the next command.")
    static final class EnableCommand implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private ConfigOption config;
        @Parameters(paramLabel = "ID", description = "The plugin id.")
        private String id;

        @Override
        public Integer call() {
            try (PluginHost host = config.workspace().startPlugins()) {
                host.enable(id);
            }
            spec.commandLine().getOut().printf(java.util.Locale.ROOT, "enabled plugin '%s'%n", id);
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a plugin (persisted); its bots and modules are not available until enabled.")
    static final class DisableCommand implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private ConfigOption config;
        @Parameters(paramLabel = "ID", description = "The plugin id.")
        private String id;

        @Override
        public Integer call() {
            try (PluginHost host = config.workspace().startPlugins()) {
                host.disable(id);
            }
            spec.commandLine().getOut().printf(java.util.Locale.ROOT, "disabled plugin '%s'%n", id);
            return 0;
        }
    }

    @Command(name = "uninstall", mixinStandardHelpOptions = true, description = "Stop and delete a plugin. A bundled plugin stays uninstalled.")
    static final class UninstallCommand implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private ConfigOption config;
        @Parameters(paramLabel = "ID", description = "The plugin id.")
        private String id;

        @Override
        public Integer call() {
            Workspace ws = config.workspace();
            Path removed;
            try (PluginHost host = ws.startPlugins()) {
                removed = host.uninstall(id);
            }
            BundledPlugins bundled = ws.bundled();
            if (bundled != null) {
                bundled.markRemoved(id);
            }
            spec.commandLine().getOut().printf(java.util.Locale.ROOT, "uninstalled plugin '%s' (%s)%n", id, removed);
            return 0;
        }
    }
}
