package dev.quorum.api;

import java.util.List;
import java.util.Objects;

/**
 * What a component (strategy, risk module, learner, …) says about itself: a stable id used in
 * config, a display name, a description and its declared parameters.
 *
 * @param id          the key in config, unique among components of the same kind, such as {@code ema-crossover};
 *                    lower-case letters, digits and {@code -}
 * @param name        a display name
 * @param description one or two sentences for listings
 * @param parameters  the declared parameters, in display order; names unique
 * @since 1.0
 */
public record ComponentInfo(String id, String name, String description, List<ParameterSpec> parameters) {

    /**
     * Validates the id and copies the parameter list.
     *
     * @throws IllegalArgumentException for a malformed id or a duplicated parameter name
     */
    public ComponentInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("component id '" + id + "' must start with a lower-case letter and hold only a-z, 0-9 and '-'");
        }
        parameters = List.copyOf(parameters);
        if (parameters.stream().map(ParameterSpec::name).distinct().count() != parameters.size()) {
            throw new IllegalArgumentException("component '" + id + "' declares a parameter name twice");
        }
    }

    /**
     * A shorthand for the canonical constructor.
     *
     * @param id          the config key
     * @param name        the display name
     * @param description one or two sentences
     * @param parameters  the declared parameters
     * @return the info
     * @since 1.0
     */
    public static ComponentInfo of(String id, String name, String description, ParameterSpec... parameters) {
        return new ComponentInfo(id, name, description, List.of(parameters));
    }
}
