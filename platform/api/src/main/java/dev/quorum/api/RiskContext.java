package dev.quorum.api;

import java.util.Objects;

/**
 * What a risk module is told when it is created.
 *
 * @param name       its name in config (unique in the chain), used in decision reasons and logs
 * @param parameters the validated parameter values
 * @since 1.0
 */
public record RiskContext(String name, Parameters parameters) {

    /**
     * Checks for nulls.
     */
    public RiskContext {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
    }
}
