package dev.quorum.core.engine;

import java.time.Instant;

import dev.quorum.api.Fill;
import dev.quorum.core.portfolio.ClosedTrade;
import dev.quorum.core.portfolio.EquityPoint;

/**
 * Where the engine records what happened, as it happens (the run journal in H2). It also hears the bots'
 * predictions and their outcomes ({@link dev.quorum.core.learning.OutcomeTracker.Listener}): derived data, which a
 * sink may buffer like the equity points; the defaults drop them.
 */
public interface RunSink extends dev.quorum.core.learning.OutcomeTracker.Listener, dev.quorum.core.learning.HealthMonitor.Transitions {

    @Override
    default void onHealthTransition(String bot, dev.quorum.core.learning.BotHealth.Transition transition) {
    }

    @Override
    default void onPrediction(dev.quorum.core.learning.Prediction prediction) {
    }

    @Override
    default void onOutcome(dev.quorum.core.learning.PredictionOutcome outcome) {
    }

    /**
     * An entry fill (the whole entry or a part of it); recorded before the engine goes on.
     *
     * @param fill the fill
     */
    void onEntry(Fill fill);

    /**
     * An exit fill and the trade it closed, recorded together (one transaction): when this returns
     * both are durable, before the next bar is processed.
     *
     * @param fill  the exit fill
     * @param trade the closed trade and its risk notes
     */
    void onExit(Fill fill, ClosedTrade trade);

    /**
     * A part of an exit that leaves the position open (no trade yet); recorded like an entry fill.
     *
     * @param fill the exit fill
     */
    default void onPartialExit(Fill fill) {
        onEntry(fill);
    }

    /**
     * One point of the equity curve. A sink may buffer points and write them in batches; they are
     * derived data, so they need not be durable before the next bar (fills and trades are).
     *
     * @param point the point
     */
    default void onEquity(EquityPoint point) {
    }

    /**
     * The signal counts of one bucket of the equity curve, handed over right after its point. Derived data,
     * buffered like the points.
     *
     * @param counts one per bot that gave a LONG or SHORT signal in the bucket
     */
    default void onSignals(java.util.List<SignalCount> counts) {
    }

    /**
     * What the risk chain did to one order intent, module by module. Derived data for the record, buffered
     * like the equity points.
     *
     * @param intent  the intent as the ensemble made it, before the chain
     * @param outcome what each module did, and what went on to the broker
     */
    default void onRiskDecision(dev.quorum.api.OrderIntent intent, dev.quorum.core.risk.RiskOutcome outcome) {
    }

    /**
     * When this sink next wants to hear the engine time ({@link #onClock}); the engine checks it after each
     * bar, so a sink that schedules work on the engine clock (the daily report) wakes at the first bar
     * closing at or after it.
     *
     * @return the engine time; {@link Instant#MAX} for never
     */
    default Instant nextWakeUp() {
        return Instant.MAX;
    }

    /**
     * The engine clock reached {@link #nextWakeUp()}: everything up to {@code now} has been handed to the
     * sink. Asked again for the next wake-up afterwards.
     *
     * @param now the close time of the bar just processed
     */
    default void onClock(Instant now) {
    }

    /**
     * What the learners left when the run ended: each symbol's weights and the learners' figures per bot. Recorded
     * with the run.
     *
     * @param weights symbol to bot to weight
     * @param figures what each learner reports on each bot
     */
    default void onLearning(java.util.Map<String, java.util.Map<String, Double>> weights,
                            java.util.List<dev.quorum.core.learning.LearnerDesk.Figure> figures) {
    }

    /**
     * The learners' weights at a wake-up of the engine clock, handed over just before {@link #onClock} (so that the daily
     * report written then can show them). Recorded with the run.
     *
     * @param time    the engine time
     * @param weights symbol to bot to weight
     */
    default void onWeights(Instant time, java.util.Map<String, java.util.Map<String, Double>> weights) {
    }

    /**
     * @return whether this sink wants {@link #onBarClosed} after every bar (a live view); false by default, and then the
     *         engine does not call it
     */
    default boolean watchesBars() {
        return false;
    }

    /**
     * A bar has been processed, for a sink that {@link #watchesBars()}. Called on the engine's thread: return quickly.
     *
     * @param close the bar, and what can be asked about the run at its close (only during this call)
     */
    default void onBarClosed(BarClose close) {
    }

    /** The run has ended: write whatever is buffered. */
    default void flush() {
    }

    /** @return a sink that keeps nothing (validation runs, benchmarks) */
    static RunSink discarding() {
        return new RunSink() {
            @Override
            public void onEntry(Fill fill) {
            }

            @Override
            public void onExit(Fill fill, ClosedTrade trade) {
            }
        };
    }
}
