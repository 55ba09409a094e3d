package dev.quorum.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bot: a strategy with its parameters. The same strategy may appear twice with different names.
 *
 * @param name     unique among bots; defaults to the strategy id
 * @param strategy the strategy id, such as {@code ema-crossover}
 * @param params   parameter values
 */
public record BotConfig(String name, String strategy, Map<String, Object> params) implements ComponentConfig {

    /** Applies defaults and copies. */
    public BotConfig {
        if (strategy == null || strategy.isBlank()) {
            throw new IllegalArgumentException("a bot needs 'strategy': the id of a strategy (see ./quorum plugins list)");
        }
        if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("name '" + name + "' must hold only letters, digits, '.', '_' and '-'");
        }
        name = name == null ? strategy : name;
        if (name.length() > 128) {
            throw new IllegalArgumentException("name '" + name.substring(0, 20) + "…' has " + name.length() + " characters; at most 128");
        }
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    @Override
    public String use() {
        return strategy;
    }
}
