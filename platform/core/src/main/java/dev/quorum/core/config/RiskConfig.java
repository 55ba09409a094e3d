package dev.quorum.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A module of the risk chain with its parameters.
 *
 * @param name   unique in the chain; defaults to the module id
 * @param module the risk module id, such as {@code fixed-fraction}
 * @param params parameter values
 */
public record RiskConfig(String name, String module, Map<String, Object> params) implements ComponentConfig {

    /** Applies defaults and copies. */
    public RiskConfig {
        if (module == null || module.isBlank()) {
            throw new IllegalArgumentException("a risk entry needs 'module': the id of a risk module (see ./quorum plugins list)");
        }
        if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("name '" + name + "' must hold only letters, digits, '.', '_' and '-'");
        }
        name = name == null ? module : name;
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    @Override
    public String use() {
        return module;
    }
}
