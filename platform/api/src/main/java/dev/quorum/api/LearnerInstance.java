package dev.quorum.api;

import java.util.Map;

/**
 * One learner's state in a run, created by {@link Learner#create(LearnerContext)}.
 *
 * @since 1.0
 */
public interface LearnerInstance {

    /**
     * Learns from a closed trade.
     *
     * @param outcome the trade and the votes that led to it
     * @since 1.0
     */
    void onOutcome(Outcome outcome);

    /**
     * The current weight of each bot. The host bounds every weight to {@code [0.1, 2.0]} and limits
     * the change per update; a bot missing from the map keeps weight 1.
     *
     * @return bot name to weight
     * @since 1.0
     */
    Map<String, Double> weights();
}
