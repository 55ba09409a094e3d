package dev.quorum.core.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.api.Broker;
import dev.quorum.api.ComponentInfo;
import dev.quorum.api.Learner;
import dev.quorum.api.MarketDataSource;
import dev.quorum.api.Notifier;
import dev.quorum.api.QuorumApi;
import dev.quorum.api.ReportSection;
import dev.quorum.api.PositionManager;
import dev.quorum.api.RiskModule;
import dev.quorum.api.Strategy;

/**
 * Loads and starts the plugins in one directory with PF4J and keeps their health. A plugin that
 * fails to load or start, asks for an API range the host does not provide, or bundles a host
 * library is FAILED with a message; one whose extension throws is DEGRADED; every other plugin
 * keeps running.
 */
public final class PluginHost implements PluginErrors, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final Path pluginsDir;
    private final QuorumPluginManager manager;
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private final Map<String, String> lastError = new ConcurrentHashMap<>();
    private final Map<String, List<String>> provided = new LinkedHashMap<>();
    private final List<Registered<Strategy>> strategies;
    private final List<Registered<RiskModule>> riskModules;
    private final List<Registered<PositionManager>> positionManagers;
    private final List<Registered<ReportSection>> reportSections;
    private final List<Registered<Learner>> learners;
    private final List<Registered<MarketDataSource>> dataSources;

    private PluginHost(Path pluginsDir) {
        this.pluginsDir = pluginsDir;
        this.manager = new QuorumPluginManager(pluginsDir, QuorumApi.version());
        manager.loadPlugins();
        manager.startPlugins();
        this.strategies = discover(Strategy.class, "strategy", Strategy::info);
        this.riskModules = discover(RiskModule.class, "risk", RiskModule::info);
        this.positionManagers = discover(PositionManager.class, "position-manager", PositionManager::info);
        this.learners = discover(Learner.class, "learner", Learner::info);
        this.dataSources = discover(MarketDataSource.class, "data", MarketDataSource::info);
        discover(Broker.class, "broker", Broker::info);
        discover(Notifier.class, "notifier", Notifier::info);
        this.reportSections = discover(ReportSection.class, "report", ReportSection::info);
    }

    /**
     * Loads and starts every plugin in a directory (created if missing).
     *
     * @param pluginsDir the plugins directory
     * @return the running host
     */
    public static PluginHost start(Path pluginsDir) {
        try {
            Files.createDirectories(pluginsDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create plugins directory " + pluginsDir + ": " + e.getMessage(), e);
        }
        return new PluginHost(pluginsDir);
    }

    /** @return the directory plugins are loaded from */
    public Path pluginsDir() {
        return pluginsDir;
    }

    /** @return the strategies of started plugins, by plugin then declaration order */
    public List<Registered<Strategy>> strategies() {
        return strategies;
    }

    /** @return the report sections of started plugins, by plugin then declaration order */
    public List<Registered<ReportSection>> reportSections() {
        return reportSections;
    }

    /** @return the risk modules of started plugins */
    public List<Registered<RiskModule>> riskModules() {
        return riskModules;
    }

    /** @return the learners of started plugins */
    public List<Registered<Learner>> learners() {
        return learners;
    }

    /** @return the market data sources of started plugins */
    public List<Registered<MarketDataSource>> dataSources() {
        return dataSources;
    }

    /** @return the position managers of started plugins */
    public List<Registered<PositionManager>> positionManagers() {
        return positionManagers;
    }

    /**
     * Counts an error against a plugin: an extension threw or returned garbage. The plugin becomes
     * DEGRADED; what to do with the failing bot or module is the caller's decision.
     *
     * @param pluginId the plugin
     * @param what     what failed, such as {@code bot 'ema' on BTC-USD at 2018-04-04T00:31Z}
     * @param error    the exception or a description of the garbage
     */
    @Override
    public void record(String pluginId, String what, String error) {
        int n = errors.computeIfAbsent(pluginId, k -> new AtomicInteger()).incrementAndGet();
        lastError.put(pluginId, what + ": " + error);
        if (n == 1) {
            log.warn("[plugin {}] DEGRADED: {}: {}", pluginId, what, error);
        } else {
            log.debug("[plugin {}] error #{}: {}: {}", pluginId, n, what, error);
        }
    }

    /**
     * The errors counted so far, per plugin, for telling what one run added.
     *
     * @return plugin id to error count, sorted by id
     */
    public java.util.SortedMap<String, Integer> errorCounts() {
        java.util.SortedMap<String, Integer> counts = new java.util.TreeMap<>();
        errors.forEach((id, n) -> counts.put(id, n.get()));
        return counts;
    }

    /**
     * @param pluginId the plugin
     * @return the last error counted against it, empty if none
     */
    public String lastError(String pluginId) {
        return lastError.getOrDefault(pluginId, "");
    }

    /** @return every installed plugin, by id */
    public List<PluginStatus> statuses() {
        List<PluginStatus> result = new ArrayList<>();
        for (PluginWrapper w : manager.getPlugins()) {
            PluginDescriptorInfo d = PluginDescriptorInfo.of(w.getDescriptor());
            String id = w.getPluginId();
            int errorCount = errors.getOrDefault(id, new AtomicInteger()).get();
            PluginHealth health;
            String message;
            if (manager.refused().containsKey(id)) {
                health = PluginHealth.FAILED;
                message = manager.refused().get(id);
            } else if (w.getPluginState() == PluginState.FAILED) {
                health = PluginHealth.FAILED;
                message = describe(w.getFailedException());
            } else if (w.getPluginState().isDisabled()) {
                health = PluginHealth.DISABLED;
                message = "disabled by the operator";
            } else if (!w.getPluginState().isStarted()) {
                health = PluginHealth.FAILED;
                message = "not started (state " + w.getPluginState() + ")";
            } else if (errorCount > 0) {
                health = PluginHealth.DEGRADED;
                message = errorCount + " error(s); last: " + lastError.get(id);
            } else {
                health = PluginHealth.STARTED;
                message = "";
            }
            result.add(new PluginStatus(id, d.version(), d.requires().isEmpty() ? "*" : d.requires(), d.provider(),
                    health, message, provided.getOrDefault(id, List.of()), errorCount, w.getPluginPath()));
        }
        manager.unreadable().forEach((path, message) -> result.add(new PluginStatus(path.getFileName().toString(),
                "?", "?", "", PluginHealth.FAILED, message, List.of(), 0, path)));
        result.sort(Comparator.comparing(PluginStatus::id));
        return result;
    }

    /**
     * Marks a plugin enabled or disabled from the next start, leaving it as it is now: a running session keeps the
     * extensions it holds (PF4J's own disable would stop the plugin under them). Persisted like {@link #enable}.
     *
     * @param pluginId the plugin
     * @param enabled  whether it is to be enabled
     * @throws IllegalArgumentException if no such plugin is installed
     */
    public void setEnabledFromNextStart(String pluginId, boolean enabled) {
        requireInstalled(pluginId);
        manager.markForNextStart(pluginId, enabled);
    }

    /**
     * @param pluginId a plugin
     * @return whether it will be enabled when plugins next start
     */
    public boolean enabledAtNextStart(String pluginId) {
        return !manager.disabledAtNextStart(pluginId);
    }

    /**
     * Marks a plugin enabled; takes effect at the next start. Persisted in {@code enabled.txt}/{@code disabled.txt}.
     *
     * @param pluginId the plugin
     * @throws IllegalArgumentException if no such plugin is installed
     */
    public void enable(String pluginId) {
        requireInstalled(pluginId);
        manager.enablePlugin(pluginId);
    }

    /**
     * Marks a plugin disabled; persisted across restarts.
     *
     * @param pluginId the plugin
     * @throws IllegalArgumentException if no such plugin is installed
     */
    public void disable(String pluginId) {
        requireInstalled(pluginId);
        manager.disablePlugin(pluginId);
    }

    /**
     * Stops, unloads and deletes a plugin (its archive and expanded directory).
     *
     * @param pluginId the plugin
     * @return the path it was installed at
     * @throws IllegalArgumentException if no such plugin is installed
     */
    public Path uninstall(String pluginId) {
        requireInstalled(pluginId);
        Path path = manager.getPlugin(pluginId).getPluginPath();
        if (!manager.deletePlugin(pluginId)) {
            throw new IllegalStateException("plugin '" + pluginId + "' could not be removed from " + path);
        }
        return path;
    }

    /**
     * @param pluginId a plugin id
     * @return whether it is installed (in any state)
     */
    public boolean isInstalled(String pluginId) {
        return manager.getPlugin(pluginId) != null;
    }

    private void requireInstalled(String pluginId) {
        if (!isInstalled(pluginId)) {
            List<String> ids = manager.getPlugins().stream().map(PluginWrapper::getPluginId).sorted().toList();
            throw new IllegalArgumentException("no plugin '" + pluginId + "' is installed in " + pluginsDir + " (installed: " + ids + ")");
        }
    }

    private <T> List<Registered<T>> discover(Class<T> type, String kind, Function<T, ComponentInfo> info) {
        List<Registered<T>> found = new ArrayList<>();
        Map<String, String> owners = new LinkedHashMap<>();
        List<PluginWrapper> started = manager.getStartedPlugins().stream()
                .sorted(Comparator.comparing(PluginWrapper::getPluginId)).toList();
        for (PluginWrapper w : started) {
            String pluginId = w.getPluginId();
            List<T> extensions;
            try {
                extensions = manager.getExtensions(type, pluginId);
            } catch (Throwable e) {
                PluginCalls.rethrowIfFatal(e);
                record(pluginId, "loading its " + kind + " extensions", describe(e));
                continue;
            }
            for (T extension : extensions) {
                ComponentInfo ci;
                try {
                    ci = info.apply(extension);
                    if (ci == null) {
                        throw new IllegalStateException("info() returned null");
                    }
                } catch (Throwable e) {
                    PluginCalls.rethrowIfFatal(e);
                    record(pluginId, kind + " " + extension.getClass().getName() + ".info()", describe(e));
                    continue;
                }
                String owner = owners.putIfAbsent(ci.id(), pluginId);
                if (owner != null) {
                    record(pluginId, kind + " '" + ci.id() + "'", "id already provided by plugin '" + owner + "'; ignored");
                    continue;
                }
                found.add(new Registered<>(pluginId, extension, ci));
                provided.computeIfAbsent(pluginId, k -> new ArrayList<>()).add(kind + ":" + ci.id());
            }
        }
        return List.copyOf(found);
    }

    static String describe(Throwable e) {
        if (e == null) {
            return "unknown failure";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e ? text : text + " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    /** Stops and unloads every plugin. */
    @Override
    public void close() {
        // unloadPlugins() stops each plugin before unloading it; PF4J 3.15's stopPlugins() removes from the
        // list it iterates and throws ConcurrentModificationException with more than one started plugin
        manager.unloadPlugins();
    }
}
