package dev.quorum.core.ensemble;

import java.util.Objects;

import dev.quorum.api.Signal;

/**
 * One bot's signal with the weight the ensemble gives it.
 *
 * @param bot    the bot's name
 * @param weight its weight, {@code >= 0}; 1 until learners say otherwise
 * @param signal its signal on this bar
 */
public record Vote(String bot, double weight, Signal signal) {

    /** Validates. */
    public Vote {
        Objects.requireNonNull(bot, "bot");
        Objects.requireNonNull(signal, "signal");
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight of bot '" + bot + "' must be finite and >= 0, was " + weight);
        }
    }
}
