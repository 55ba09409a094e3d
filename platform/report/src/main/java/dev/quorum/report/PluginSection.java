package dev.quorum.report;

import java.util.List;

import dev.quorum.api.ReportBlock;

/**
 * What a {@code ReportSection} plugin contributed: its blocks, or why it contributed nothing.
 *
 * @param pluginId the plugin
 * @param title    the section's title (its {@code info().name()})
 * @param blocks   its blocks, in order
 * @param error    why it failed (empty when it did not)
 */
public record PluginSection(String pluginId, String title, List<ReportBlock> blocks, String error) {

    /** Copies. */
    public PluginSection {
        blocks = List.copyOf(blocks);
    }
}
