package dev.quorum.core.plugin;

import org.pf4j.PluginDescriptor;

/**
 * The descriptor fields the host checks before installing or loading a plugin.
 *
 * @param id          the plugin id
 * @param version     its semantic version
 * @param requires    the API range it needs, "" when it states none
 * @param provider    who made it, may be empty
 * @param description one line, may be empty
 */
public record PluginDescriptorInfo(String id, String version, String requires, String provider, String description) {

    static PluginDescriptorInfo of(PluginDescriptor d) {
        return new PluginDescriptorInfo(d.getPluginId(), d.getVersion(), nullToEmpty(d.getRequires()).trim(),
                nullToEmpty(d.getProvider()), nullToEmpty(d.getPluginDescription()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** @return {@code id version}, as used in messages */
    public String label() {
        return "'" + id + "' " + version;
    }
}
