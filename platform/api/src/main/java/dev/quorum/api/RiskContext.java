package dev.quorum.api;

import java.util.Objects;

/**
 * What a risk module is told when it is created.
 *
 * @param name       its name in config (unique in the chain), used in decision reasons and logs
 * @param parameters the validated parameter values
 * @param markets    every traded symbol's bars and indicators (since 1.2; {@link Markets#none()} from the 1.0 constructor)
 * @since 1.0
 */
public record RiskContext(String name, Parameters parameters, Markets markets) {

    /**
     * Checks for nulls.
     */
    public RiskContext {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(markets, "markets");
    }

    /**
     * A context without market data, as in API 1.0 and 1.1.
     *
     * @param name       the module's name in config
     * @param parameters the validated parameter values
     * @since 1.0
     */
    public RiskContext(String name, Parameters parameters) {
        this(name, parameters, Markets.none());
    }
}
