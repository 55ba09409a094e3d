package dev.quorum.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PF4J's default manager (zip and jar plugins in one directory) with the host's rules added: an
 * incompatible API range or a bundled copy of a host library refuses the plugin with a message
 * that says why, and a plugin whose archive cannot be read is remembered instead of vanishing.
 */
final class QuorumPluginManager extends DefaultPluginManager {

    private static final Logger log = LoggerFactory.getLogger(QuorumPluginManager.class);

    private final Map<String, String> refused = new LinkedHashMap<>();
    private final Map<Path, String> unreadable = new LinkedHashMap<>();

    QuorumPluginManager(Path pluginsRoot, String apiVersion) {
        super(pluginsRoot);
        setSystemVersion(apiVersion);
    }

    /**
     * @param pluginId a plugin
     * @param enabled  whether it is to be enabled
     */
    void markForNextStart(String pluginId, boolean enabled) {
        if (enabled) {
            pluginStatusProvider.enablePlugin(pluginId);
        } else {
            pluginStatusProvider.disablePlugin(pluginId);
        }
    }

    /** @return whether the plugin is to be disabled when plugins next start */
    boolean disabledAtNextStart(String pluginId) {
        return pluginStatusProvider.isPluginDisabled(pluginId);
    }

    @Override
    protected org.pf4j.PluginRepository createPluginRepository() {
        // PF4J's jar and zip repositories (no development mode), listed by file name rather than
        // newest-first, so plugins load in the same order on every machine
        return new org.pf4j.CompoundPluginRepository()
                .add(withNameOrder(new org.pf4j.JarPluginRepository(getPluginsRoots())))
                .add(withNameOrder(new org.pf4j.DefaultPluginRepository(getPluginsRoots())));
    }

    private static org.pf4j.BasePluginRepository withNameOrder(org.pf4j.BasePluginRepository repository) {
        repository.setComparator(Comparator.comparing(java.io.File::getName));
        return repository;
    }

    @Override
    protected org.pf4j.PluginLoader createPluginLoader() {
        return new org.pf4j.CompoundPluginLoader()
                .add(new IsolatingPluginClassLoader.ForJars(this))
                .add(new IsolatingPluginClassLoader.ForDirectories(this));
    }

    @Override
    protected PluginWrapper loadPluginFromPath(Path pluginPath) {
        PluginWrapper wrapper;
        try {
            wrapper = super.loadPluginFromPath(pluginPath);
        } catch (Throwable e) {
            PluginCalls.rethrowIfFatal(e);
            String message = pluginPath.getFileName() + ": cannot be loaded: " + e.getMessage();
            log.error("[plugin {}] {}", pluginPath.getFileName(), message);
            unreadable.put(pluginPath, message);
            return null;
        }
        if (wrapper == null) {
            unreadable.put(pluginPath, pluginPath.getFileName() + ": cannot be expanded (see the log above)");
            return null;
        }
        conflictIn(wrapper.getPluginPath()).ifPresent(conflict -> refuse(wrapper,
                "plugin " + PluginDescriptorInfo.of(wrapper.getDescriptor()).label()
                        + " bundles a copy of a host library (" + conflict + "); " + HostLibraries.advice()));
        return wrapper;
    }

    @Override
    protected boolean isPluginValid(PluginWrapper wrapper) {
        String problem = ApiCompatibility.problem(PluginDescriptorInfo.of(wrapper.getDescriptor()), getSystemVersion());
        if (problem != null) {
            refused.put(wrapper.getPluginId(), problem);
            log.error("[plugin {}] refused: {}", wrapper.getPluginId(), problem);
            return false;
        }
        return true;
    }

    @Override
    public void startPlugins() {
        for (PluginWrapper wrapper : getResolvedPlugins()) {
            PluginState state = wrapper.getPluginState();
            if (!refused.containsKey(wrapper.getPluginId()) && !state.isDisabled() && !state.isStarted()) {
                try {
                    startPlugin(wrapper.getPluginId());
                } catch (Throwable e) { // PF4J contains only Exception and LinkageError from start()
                    PluginCalls.rethrowIfFatal(e);
                    refuse(wrapper, "start() threw " + PluginCalls.describe(e));
                }
            }
        }
    }

    private void refuse(PluginWrapper wrapper, String message) {
        refused.put(wrapper.getPluginId(), message);
        wrapper.setPluginState(PluginState.FAILED);
        wrapper.setFailedException(new PluginRuntimeException(message));
        log.error("[plugin {}] refused: {}", wrapper.getPluginId(), message);
    }

    private static Optional<String> conflictIn(Path pluginPath) {
        if (Files.isDirectory(pluginPath)) {
            return HostLibraries.findInDirectory(pluginPath);
        }
        try (InputStream in = Files.newInputStream(pluginPath)) {
            return HostLibraries.findIn(in).map(entry -> pluginPath.getFileName() + " contains " + entry);
        } catch (IOException e) {
            return Optional.of(pluginPath.getFileName() + " cannot be read: " + e.getMessage());
        }
    }

    /** @return plugin id to why it was refused */
    Map<String, String> refused() {
        return refused;
    }

    /** @return archives that could not be read at all, with the reason */
    Map<Path, String> unreadable() {
        return unreadable;
    }
}
