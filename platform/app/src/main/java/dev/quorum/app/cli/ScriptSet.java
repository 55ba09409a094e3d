package dev.quorum.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.quorum.api.Strategy;
import dev.quorum.core.config.BotConfig;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.config.ScriptsConfig;
import dev.quorum.core.plugin.Registered;
import dev.quorum.scripting.ScriptCatalog;
import dev.quorum.scripting.ScriptLimits;
import dev.quorum.scripting.ScriptRuntime;
import dev.quorum.scripting.ScriptStrategy;

/**
 * The scripts a command runs: the runtime (started only when there is a script, since it costs a
 * second or more), each file checked, and the valid ones as strategies next to the plugins'. Errors
 * of a script's bots are counted under the plugin id {@code script:<file>}.
 */
final class ScriptSet implements AutoCloseable {

    private final ScriptRuntime runtime;
    private final List<ScriptCatalog.Entry> entries;
    private final List<ScriptStrategy> strategies;

    private ScriptSet(ScriptRuntime runtime, List<ScriptCatalog.Entry> entries) {
        this.runtime = runtime;
        this.entries = entries;
        this.strategies = entries.stream().filter(ScriptCatalog.Entry::valid)
                .map(e -> new ScriptStrategy(runtime, e.definition())).toList();
    }

    /**
     * @param ws    the workspace (its {@code scripts} section gives the budgets)
     * @param files the script files; none starts nothing
     * @return the checked scripts
     */
    static ScriptSet load(Workspace ws, List<Path> files) {
        if (files.isEmpty()) {
            return new ScriptSet(null, List.of());
        }
        ScriptRuntime runtime = ScriptRuntime.start(limits(ws.config().scripts()));
        try {
            return new ScriptSet(runtime, ScriptCatalog.load(runtime, files, ws.workingDir()));
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    /** The scripts directly in {@code scripts.dir}. */
    static ScriptSet ofWorkspace(Workspace ws) {
        return load(ws, ScriptCatalog.files(ws.scriptsDir()));
    }

    static ScriptLimits limits(ScriptsConfig c) {
        Duration call = Duration.ofMillis(c.timeBudgetMs());
        Duration setup = call.compareTo(ScriptLimits.DEFAULT.setupBudget()) > 0 ? call : ScriptLimits.DEFAULT.setupBudget();
        return new ScriptLimits(call, setup, (long) c.allocationBudgetMb() << 20, ScriptLimits.DEFAULT.heapLimitFraction(),
                ScriptLimits.DEFAULT.logLines());
    }

    static String pluginId(ScriptStrategy s) {
        return "script:" + s.definition().displayName();
    }

    /** @return every file, valid or not */
    List<ScriptCatalog.Entry> entries() {
        return entries;
    }

    /** @return the valid scripts */
    List<ScriptStrategy> strategies() {
        return strategies;
    }

    /** @return the valid scripts as strategies for the engine */
    List<Registered<Strategy>> registered() {
        return strategies.stream().map(s -> new Registered<Strategy>(pluginId(s), s, s.info())).toList();
    }

    /**
     * @param configured the bots under {@code bots:}
     * @return a bot for every valid script none of them uses, named after the script, with its defaults
     */
    List<BotConfig> botsNotConfigured(List<BotConfig> configured) {
        Set<String> used = configured.stream().map(BotConfig::strategy).collect(Collectors.toSet());
        Set<String> names = configured.stream().map(BotConfig::name).collect(Collectors.toSet());
        List<BotConfig> bots = new ArrayList<>();
        for (ScriptStrategy s : strategies) {
            String id = s.info().id();
            if (!used.contains(id)) {
                String name = names.contains(id) ? id + "-script" : id;
                bots.add(new BotConfig(name, id, null));
            }
        }
        return bots;
    }

    /**
     * The configuration with the scripts' own bots added ({@code scripts.autoBots}); when config lists no
     * bots at all, every strategy votes anyway, the scripts included.
     *
     * @param cfg the configuration
     * @return it with the bots that vote
     */
    QuorumConfig withScriptBots(QuorumConfig cfg) {
        if (!cfg.scripts().autoBots() || cfg.allBots().isEmpty()) {
            return cfg;
        }
        return cfg.withAddedBots(botsNotConfigured(cfg.allBots()));
    }

    /** Warns about each script left out, with its located error. */
    void warnInvalid(java.io.PrintWriter err) {
        for (ScriptCatalog.Entry e : entries) {
            if (!e.valid()) {
                err.println("warning: script left out (INVALID): " + e.error().getMessage());
            }
        }
    }

    /** @return the runtime, or null when no script ran */
    ScriptRuntime runtime() {
        return runtime;
    }

    /** @return the runtime's name, or null when no script ran */
    String runtimeName() {
        return runtime == null ? null : runtime.runtimeName();
    }

    @Override
    public void close() {
        strategies.forEach(ScriptStrategy::close);
        if (runtime != null) {
            runtime.close();
        }
    }
}
