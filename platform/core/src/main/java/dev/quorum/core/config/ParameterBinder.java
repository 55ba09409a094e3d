package dev.quorum.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.quorum.api.ComponentInfo;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.ParameterType;
import dev.quorum.api.Parameters;

/**
 * Checks a configured component's {@code params} against what the component declares, fills in
 * defaults, and converts numbers to the declared type.
 */
public final class ParameterBinder {

    private ParameterBinder() {
    }

    /**
     * @param where  how to name the entry in errors, such as {@code bots[2] 'ema-fast'}
     * @param path   where the entry is in the config, such as {@code [bots, 2]}
     * @param info   what the component declares
     * @param config the configured entry
     * @return every declared parameter with its value
     * @throws ConfigException naming the entry, the key, the value and what is allowed
     */
    public static Parameters bind(String where, List<Object> path, ComponentInfo info, ComponentConfig config) {
        return bind(where, key -> append(path, "params", key), info, config);
    }

    /**
     * @param where  how to name the entry in errors, such as {@code families[0] 'ema' bot 'ema-5-20'}
     * @param keyOf  where each parameter's value is in the config
     * @param info   what the component declares
     * @param config the configured entry
     * @return every declared parameter with its value
     * @throws ConfigException naming the entry, the key, the value and what is allowed
     */
    public static Parameters bind(String where, java.util.function.Function<String, List<Object>> keyOf, ComponentInfo info,
                                  ComponentConfig config) {
        Map<String, ParameterSpec> declared = new LinkedHashMap<>();
        info.parameters().forEach(p -> declared.put(p.name(), p));
        for (String key : config.params().keySet()) {
            if (!declared.containsKey(key)) {
                throw new ConfigException(where + ": unknown parameter '" + key + "' for '" + info.id() + "' (declared: "
                        + (declared.isEmpty() ? "none" : declared.keySet().stream().collect(Collectors.joining(", "))) + ")",
                        keyOf.apply(key), null);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec spec : declared.values()) {
            Object value = config.params().containsKey(spec.name()) ? config.params().get(spec.name()) : spec.defaultValue();
            String problem = spec.problemWith(value);
            if (problem != null) {
                throw new ConfigException(where + ": parameter " + spec.name() + " = " + value + ": " + problem
                        + " (expected " + spec.allowed() + ")", keyOf.apply(spec.name()), null);
            }
            values.put(spec.name(), normalise(spec.type(), value));
        }
        return new Parameters(values);
    }

    private static List<Object> append(List<Object> path, Object... more) {
        List<Object> result = new ArrayList<>(path);
        result.addAll(List.of(more));
        return result;
    }

    private static Object normalise(ParameterType type, Object value) {
        return switch (type) {
            case INTEGER -> ((Number) value).intValue();
            case DECIMAL -> ((Number) value).doubleValue();
            default -> value;
        };
    }
}
