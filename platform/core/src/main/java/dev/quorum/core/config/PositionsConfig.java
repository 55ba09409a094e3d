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
 */
public record PositionsConfig(String manager, Map<String, Object> params) implements ComponentConfig {

    /** Applies defaults and copies. */
    public PositionsConfig {
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
