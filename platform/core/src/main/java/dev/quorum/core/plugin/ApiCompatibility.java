package dev.quorum.core.plugin;

import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;

/**
 * Whether a plugin's {@code plugin.requires} range admits the host's API version, with PF4J's own
 * rule that a bare {@code 1.2.0} means {@code >=1.2.0}. Unlike PF4J, an empty range is refused: a
 * plugin must say which API versions it was written for.
 */
final class ApiCompatibility {

    private static final VersionManager VERSIONS = new DefaultVersionManager();

    private ApiCompatibility() {
    }

    /**
     * @param plugin      the plugin's descriptor
     * @param hostVersion the API version the host provides
     * @return null if compatible, else the refusal message naming the plugin, its range and the host's version
     */
    static String problem(PluginDescriptorInfo plugin, String hostVersion) {
        String requires = plugin.requires();
        if (requires.isEmpty()) {
            return "plugin " + plugin.label() + " states no API range (plugin.requires); expected one like '>=1.0.0 & <2.0.0'"
                    + " so that the host can refuse it when the API changes incompatibly";
        }
        if (requires.matches("^\\d+\\.\\d+\\.\\d+$")) {
            requires = ">=" + requires;
        }
        boolean ok;
        try {
            ok = VERSIONS.checkVersionConstraint(hostVersion, requires);
        } catch (RuntimeException e) {
            return "plugin " + plugin.label() + " states an unreadable API range plugin.requires='" + plugin.requires()
                    + "' (" + e.getMessage() + "); expected an expression like '>=1.0.0 & <2.0.0'";
        }
        return ok ? null : "plugin " + plugin.label() + " requires quorum-api '" + plugin.requires()
                + "', but this host provides quorum-api " + hostVersion;
    }

    /**
     * @param version a version string from a descriptor
     * @return whether it is a semantic version
     */
    static boolean isSemanticVersion(String version) {
        try {
            VERSIONS.compareVersions(version, "0.0.0");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static int compare(String v1, String v2) {
        return VERSIONS.compareVersions(v1, v2);
    }
}
