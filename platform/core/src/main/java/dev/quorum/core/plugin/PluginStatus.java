package dev.quorum.core.plugin;

import java.nio.file.Path;
import java.util.List;

/**
 * One installed plugin as the host sees it.
 *
 * @param id         the plugin id, or the file name when no descriptor could be read
 * @param version    its version, or "?" when unknown
 * @param requires   the API range it asked for ({@code plugin.requires}), "*" when none
 * @param provider   who made it, may be empty
 * @param health     its state
 * @param message    why it failed or degraded; empty when healthy
 * @param extensions what it provides, as {@code kind:id}, such as {@code strategy:ema-crossover}
 * @param errors     errors counted against it since the host started
 * @param path       where it is installed
 */
public record PluginStatus(String id, String version, String requires, String provider, PluginHealth health,
                           String message, List<String> extensions, int errors, Path path) {

    /** Copies the list. */
    public PluginStatus {
        extensions = List.copyOf(extensions);
    }
}
