package dev.quorum.core.plugin;

import dev.quorum.api.ComponentInfo;

/**
 * An extension found in a started plugin, with the info it gave when asked once at start.
 *
 * @param pluginId  the plugin that provides it
 * @param extension the extension instance
 * @param info      what it said about itself
 * @param <T>       the extension point
 */
public record Registered<T>(String pluginId, T extension, ComponentInfo info) {
}
