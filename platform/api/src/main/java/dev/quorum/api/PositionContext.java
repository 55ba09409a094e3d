package dev.quorum.api;

import java.util.Objects;

/**
 * What a position manager is told when it is created.
 *
 * @param name       its name in config, used in logs and notes
 * @param parameters the validated parameter values
 * @param markets    every traded symbol's bars and indicators (ask for indicators in
 *                   {@link PositionManager#create(PositionContext)})
 * @since 1.2
 */
public record PositionContext(String name, Parameters parameters, Markets markets) {

    /** Checks for nulls. */
    public PositionContext {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(markets, "markets");
    }
}
