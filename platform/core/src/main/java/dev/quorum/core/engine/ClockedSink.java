package dev.quorum.core.engine;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.api.Fill;
import dev.quorum.core.portfolio.ClosedTrade;
import dev.quorum.core.portfolio.EquityPoint;

/**
 * A sink that passes everything to the journal and wakes a listener on the engine clock, after flushing
 * the journal so that the listener reads a store that is complete up to now. A listener's failure is
 * logged with its cause and never reaches the engine.
 */
final class ClockedSink implements RunSink {

    private static final Logger log = LoggerFactory.getLogger(ClockedSink.class);

    private final RunSink journal;
    private final EngineClockListener listener;
    private final long runId;
    private final java.util.function.BooleanSupplier replaying;

    ClockedSink(RunSink journal, EngineClockListener listener, long runId) {
        this(journal, listener, runId, () -> false);
    }

    /**
     * @param replaying whether a resumed run is replaying what it did before it stopped: the listener is then told
     *                  {@link EngineClockListener#onClockReplayed} instead (its work then is done already)
     */
    ClockedSink(RunSink journal, EngineClockListener listener, long runId, java.util.function.BooleanSupplier replaying) {
        this.journal = journal;
        this.listener = listener;
        this.runId = runId;
        this.replaying = replaying;
    }

    @Override
    public void onEntry(Fill fill) {
        journal.onEntry(fill);
    }

    @Override
    public void onLearning(java.util.Map<String, java.util.Map<String, Double>> weights,
                           java.util.List<dev.quorum.core.learning.LearnerDesk.Figure> figures) {
        journal.onLearning(weights, figures);
    }

    @Override
    public void onWeights(Instant time, java.util.Map<String, java.util.Map<String, Double>> weights) {
        journal.onWeights(time, weights);
    }

    @Override
    public void onExit(Fill fill, ClosedTrade trade) {
        journal.onExit(fill, trade);
    }

    @Override
    public void onPartialExit(Fill fill) {
        journal.onPartialExit(fill);
    }

    @Override
    public void onEquity(EquityPoint point) {
        journal.onEquity(point);
    }

    @Override
    public void onSignals(List<SignalCount> counts) {
        journal.onSignals(counts);
    }

    @Override
    public void onPrediction(dev.quorum.core.learning.Prediction prediction) {
        journal.onPrediction(prediction);
    }

    @Override
    public void onOutcome(dev.quorum.core.learning.PredictionOutcome outcome) {
        journal.onOutcome(outcome);
    }

    @Override
    public void onHealthTransition(String bot, dev.quorum.core.learning.BotHealth.Transition transition) {
        journal.onHealthTransition(bot, transition);
    }

    @Override
    public void onRiskDecision(dev.quorum.api.OrderIntent intent, dev.quorum.core.risk.RiskOutcome outcome) {
        journal.onRiskDecision(intent, outcome);
    }

    @Override
    public Instant nextWakeUp() {
        try {
            return listener.nextWakeUp();
        } catch (RuntimeException e) {
            log.warn("run {}: {} failed to say when to wake next; not woken again in this run: {}", runId,
                    listener.getClass().getSimpleName(), e.toString(), e);
            return Instant.MAX;
        }
    }

    @Override
    public void onClock(Instant now) {
        journal.flush();
        try {
            if (replaying.getAsBoolean()) {
                listener.onClockReplayed(runId, now);
                return;
            }
            listener.onClock(runId, now);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            log.warn("run {}: scheduled work at engine time {} failed, the run goes on: {}", runId, now, e.toString(), e);
        }
    }

    @Override
    public void flush() {
        journal.flush();
    }
}
