package dev.quorum.core.plugin;

/** Where the engine counts an error against the plugin that caused it. */
@FunctionalInterface
public interface PluginErrors {

    /**
     * @param pluginId the plugin
     * @param what     which extension and where, such as {@code bot 'rsi' on BTC-USD at 2018-04-04T00:31:00Z}
     * @param error    what went wrong
     */
    void record(String pluginId, String what, String error);
}
