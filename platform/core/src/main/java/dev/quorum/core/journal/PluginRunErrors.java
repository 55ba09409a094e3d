package dev.quorum.core.journal;

/**
 * The errors one plugin caused in one run.
 *
 * @param runId     the run
 * @param pluginId  the plugin
 * @param errors    how many
 * @param lastError the last one
 */
public record PluginRunErrors(long runId, String pluginId, int errors, String lastError) {
}
