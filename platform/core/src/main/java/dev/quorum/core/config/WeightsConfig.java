package dev.quorum.core.config;

/**
 * The {@code learning.weights} section: how the learners' multipliers become the bots' weights in the vote
 * ({@link dev.quorum.core.learning.LearnerDesk}); the bounds are seed 002's.
 *
 * @param updateBars bars of a symbol between two updates of its weights, [1, 100000]; default 60 (hourly on 1-minute
 *                   bars, as in the seed)
 * @param maxChange  the most a bot's weight moves per update, as a fraction of where it was, (0, 1]; default 0.15
 * @param min        the lowest weight, (0, 1]; default 0.1
 * @param max        the highest weight, [1, 100]; default 2.0
 */
public record WeightsConfig(Integer updateBars, Double maxChange, Double min, Double max) {

    /** Fills defaults and checks the ranges. */
    public WeightsConfig {
        updateBars = Check.range("learning.weights.updateBars", updateBars, 60, 1, 100_000);
        maxChange = Check.range("learning.weights.maxChange", maxChange, 0.15, 0, 1, true);
        min = Check.range("learning.weights.min", min, 0.1, 0, 1, true);
        max = Check.range("learning.weights.max", max, 2.0, 1, 100, false);
    }

    /** @return every default */
    public static WeightsConfig defaults() {
        return new WeightsConfig(null, null, null, null);
    }
}
