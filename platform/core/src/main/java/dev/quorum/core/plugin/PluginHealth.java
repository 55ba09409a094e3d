package dev.quorum.core.plugin;

/** How a plugin is doing, as the host sees it. */
public enum PluginHealth {
    /** Loaded, started, no errors this run. */
    STARTED,
    /** Started, but one of its extensions has thrown or returned garbage; it keeps running. */
    DEGRADED,
    /** Turned off by the operator ({@code ./quorum plugins disable}); not started. */
    DISABLED,
    /** Could not be used: bad descriptor, incompatible API range, conflicting host library, or {@code start()} threw. */
    FAILED
}
