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
 * @param groups     a base weight per group of bots (a family's name, or a strategy's id for the bots of {@code bots:}),
 *                   each in [min, max]; a bot of no group listed has base weight 1. The learners' multipliers apply on
 *                   top of it, within the same bounds. Default none (every base weight 1): the seeds' weighting of whole
 *                   groups of models (technical, historical, RL, model) as a setting
 */
public record WeightsConfig(Integer updateBars, Double maxChange, Double min, Double max, java.util.Map<String, Double> groups) {

    /**
     * Without group weights.
     *
     * @param updateBars see the record
     * @param maxChange  see the record
     * @param min        see the record
     * @param max        see the record
     */
    public WeightsConfig(Integer updateBars, Double maxChange, Double min, Double max) {
        this(updateBars, maxChange, min, max, null);
    }

    /** Fills defaults and checks the ranges. */
    public WeightsConfig {
        updateBars = Check.range("learning.weights.updateBars", updateBars, 60, 1, 100_000);
        maxChange = Check.range("learning.weights.maxChange", maxChange, 0.15, 0, 1, true);
        min = Check.range("learning.weights.min", min, 0.1, 0, 1, true);
        max = Check.range("learning.weights.max", max, 2.0, 1, 100, false);
        java.util.Map<String, Double> checked = new java.util.LinkedHashMap<>();
        if (groups != null) {
            for (java.util.Map.Entry<String, Double> g : groups.entrySet()) {
                checked.put(g.getKey(), Check.range("learning.weights.groups." + g.getKey(), g.getValue(), 1, min, max, false));
            }
        }
        groups = java.util.Collections.unmodifiableMap(checked);
    }

    /** @return every default */
    public static WeightsConfig defaults() {
        return new WeightsConfig(null, null, null, null, null);
    }
}
