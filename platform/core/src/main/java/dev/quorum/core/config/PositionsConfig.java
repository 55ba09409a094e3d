package dev.quorum.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code positions} section: the position manager that runs open positions' exits, with its
 * parameters. Without a manager, a position keeps the stop-loss and take-profit it was opened with.
 *
 * @param manager the position manager id, such as {@code adaptive-exits}; null or {@code none} for none
 * @param params  parameter values
 * @param hedging whether the manager may hedge (if it does: {@code PositionPolicy.hedge}); null for true. With
 *                false the host never asks it, whatever its parameters say
 */
public record PositionsConfig(String manager, Map<String, Object> params, Boolean hedging) implements ComponentConfig {

    /**
     * A manager that may hedge.
     *
     * @param manager the position manager id; null or {@code none} for none
     * @param params  parameter values
     */
    public PositionsConfig(String manager, Map<String, Object> params) {
        this(manager, params, null);
    }

    /** Applies defaults and copies. */
    public PositionsConfig {
        hedging = hedging == null || hedging;
        manager = manager == null || manager.isBlank() ? "none" : manager;
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        if (manager.equals("none") && !params.isEmpty()) {
            throw new IllegalArgumentException("params given without a manager: name one with 'manager:' (see ./quorum plugins list)");
        }
    }

    /** @return no position manager */
    public static PositionsConfig none() {
        return new PositionsConfig(null, null);
    }

    /**
     * @param allowed whether the manager may hedge
     * @return this section with hedging allowed or not
     */
    public PositionsConfig withHedging(boolean allowed) {
        return new PositionsConfig(manager, params, allowed);
    }

    /** @return whether a manager is configured */
    public boolean enabled() {
        return !manager.equals("none");
    }

    @Override
    public String name() {
        return manager;
    }

    @Override
    public String use() {
        return manager;
    }
}
