package dev.quorum.api;

import java.util.Map;

/**
 * One learner's state in a run, created by {@link Learner#create(LearnerContext)}. The host calls it from the
 * engine's thread only, in engine time, in the same order on every run of the same data: a learner that draws its
 * randomness from {@link LearnerContext#seed()} is deterministic.
 *
 * <p>What a learner may do, and what the host does with it:
 * <ul>
 *   <li><b>weights</b> ({@link #weights(Situation)}): a multiplier per bot, asked per symbol every few bars
 *       ({@code learning.updateBars}). The host multiplies the learners' multipliers, bounds the product to
 *       {@code [learning.minWeight, learning.maxWeight]} (0.1 and 2.0 by default) and moves each bot's weight at
 *       most {@code learning.maxWeightChange} (15%) per update from where it was (every weight starts at 1);</li>
 *   <li><b>review</b> ({@link #review(SignalReview)}): a new confidence for a LONG or SHORT signal before the
 *       vote, for calibration or filtering (0 removes the signal from the vote: it counts as FLAT);</li>
 *   <li><b>learn</b>: from every judged call ({@link #onSignalOutcome}), every sample of all bots' signals
 *       ({@link #onVotes}) and every closed trade ({@link #onOutcome}).</li>
 * </ul>
 * A call that throws, or returns a weight or confidence that is not a finite number in range, is counted against
 * the learner's plugin and changes nothing: the learner's last good weights stand and the signal keeps its
 * confidence; after {@code engine.maxBotErrors} such failures the learner is left out for the rest of the run (its
 * multiplier is 1 for every bot from then on, towards which the weights move at most 15% per update) and its state is
 * not saved. A failing learner never blocks trading.
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

    /**
     * The weight multiplier of each bot in the market's situation now on a symbol; by default {@link #weights()}.
     *
     * @param situation the market on the symbol whose weights are being updated
     * @return bot name to multiplier, each finite and {@code > 0}; a bot missing from the map gets 1
     * @since 1.4
     */
    default Map<String, Double> weights(Situation situation) {
        return weights();
    }

    /**
     * Whether {@link #review} is to be called: the host asks once, when the run starts, and skips the call per
     * signal for learners that do not review.
     *
     * @return true to review signals; false by default
     * @since 1.4
     */
    default boolean reviews() {
        return false;
    }

    /**
     * The confidence a LONG or SHORT signal is to count with: calibrated, lowered, or 0 to leave it out of the vote.
     * Learners review in config order, each seeing the confidence the one before left.
     *
     * @param review the signal and where it stands
     * @return the new confidence in {@code [0, 1]}; by default the signal's own
     * @since 1.4
     */
    default double review(SignalReview review) {
        return review.signal().confidence();
    }

    /**
     * Learns from a bot's call judged at one horizon.
     *
     * @param outcome the call and how it turned out
     * @since 1.4
     */
    default void onSignalOutcome(SignalOutcome outcome) {
    }

    /**
     * A bot's judged call that the learner must not learn from: the host calls this instead of
     * {@link #onSignalOutcome} while the learner is frozen (the test windows of {@code ./quorum evaluate}). A learner
     * that predicts something may score its prediction on it; nothing it does here may change its weights or reviews.
     *
     * @param outcome the call and how it turned out
     * @since 1.4
     */
    default void evaluate(SignalOutcome outcome) {
    }

    /**
     * Learns from a sample of every bot's signal on one bar.
     *
     * @param sample the bots' signals
     * @since 1.4
     */
    default void onVotes(VoteSample sample) {
    }

    /**
     * Figures worth showing per bot (such as {@code trust} or {@code calibration}), read by the host when a run
     * ends and stored with it ({@code ./quorum bots} shows them); figures on the learner as a whole (such as a model's
     * out-of-sample AUC) go under the bot name {@code *}. Names of at most 64 characters; values finite. Since 1.5 a
     * paper session's dashboard also reads them every few seconds during the run (for each bot's {@code trust}), on
     * the engine thread: keep it cheap and free of side effects; a throw there is ignored, not counted.
     *
     * @return bot name (or {@code *}) to figure name to value; empty by default
     * @since 1.4
     */
    default Map<String, Map<String, Double>> figures() {
        return Map.of();
    }

    /**
     * Writes the learner's state to {@link LearnerContext#state()} so that a later run resumes from it. The host
     * calls it when a run ends (not when the learner was frozen).
     *
     * @since 1.4
     */
    default void checkpoint() {
    }
}
