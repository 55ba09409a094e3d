package dev.quorum.core.config;

import java.util.Map;

/** One configured use of a plugin extension: a bot (a strategy) or a module of the risk chain. */
public interface ComponentConfig {

    /** @return the unique name in its list; defaults to the extension id */
    String name();

    /** @return the extension id, such as {@code ema-crossover} or {@code fixed-fraction} */
    String use();

    /** @return parameter values; every key must be a declared parameter, missing ones take their default */
    Map<String, Object> params();
}
