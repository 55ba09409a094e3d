package dev.quorum.api;

import java.util.List;
import java.util.Objects;

/**
 * What a learner is told when it is created.
 *
 * @param name       its name in config
 * @param parameters the validated parameter values
 * @param bots       the names of the bots in the run, in config order
 * @param state      where it keeps state across runs
 * @since 1.0
 */
public record LearnerContext(String name, Parameters parameters, List<String> bots, StateStore state) {

    /**
     * Checks for nulls and copies.
     */
    public LearnerContext {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(state, "state");
        bots = List.copyOf(bots);
    }
}
