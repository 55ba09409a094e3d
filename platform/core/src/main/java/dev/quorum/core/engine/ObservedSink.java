package dev.quorum.core.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.api.Fill;
import dev.quorum.core.portfolio.ClosedTrade;
import dev.quorum.core.portfolio.EquityPoint;

/**
 * A run's sink with an observer beside it (a live dashboard): every event goes to the run's sink first (the journal: once
 * it returns, the event is stored) and then to the observer, which never holds up or stops the run: what it throws is
 * logged (the first time per method) and dropped. A resumed run's replay up to its stop is not shown to the observer.
 */
final class ObservedSink implements RunSink {

    private static final Logger log = LoggerFactory.getLogger(ObservedSink.class);

    private final RunSink run;
    private final RunSink observer;
    private final BooleanSupplier replaying;
    private final java.util.Set<String> failedMethods = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ObservedSink(RunSink run, RunSink observer, BooleanSupplier replaying) {
        this.run = run;
        this.observer = observer;
        this.replaying = replaying;
    }

    private void tell(String method, Runnable call) {
        if (replaying.getAsBoolean()) {
            return;
        }
        try {
            call.run();
        } catch (RuntimeException e) {
            if (failedMethods.add(method)) {
                log.warn("the run's observer {} failed in {} (the run goes on; further failures there are not logged): {}",
                        observer.getClass().getSimpleName(), method, e.toString(), e);
            }
        }
    }

    @Override
    public void onEntry(Fill fill) {
        run.onEntry(fill);
        tell("onEntry", () -> observer.onEntry(fill));
    }

    @Override
    public void onExit(Fill fill, ClosedTrade trade) {
        run.onExit(fill, trade);
        tell("onExit", () -> observer.onExit(fill, trade));
    }

    @Override
    public void onPartialExit(Fill fill) {
        run.onPartialExit(fill);
        tell("onPartialExit", () -> observer.onPartialExit(fill));
    }

    @Override
    public void onEquity(EquityPoint point) {
        run.onEquity(point);
        tell("onEquity", () -> observer.onEquity(point));
    }

    @Override
    public void onSignals(List<SignalCount> counts) {
        run.onSignals(counts);
        tell("onSignals", () -> observer.onSignals(counts));
    }

    @Override
    public void onRiskDecision(dev.quorum.api.OrderIntent intent, dev.quorum.core.risk.RiskOutcome outcome) {
        run.onRiskDecision(intent, outcome);
        tell("onRiskDecision", () -> observer.onRiskDecision(intent, outcome));
    }

    @Override
    public void onPrediction(dev.quorum.core.learning.Prediction prediction) {
        run.onPrediction(prediction);
        tell("onPrediction", () -> observer.onPrediction(prediction));
    }

    @Override
    public void onOutcome(dev.quorum.core.learning.PredictionOutcome outcome) {
        run.onOutcome(outcome);
        tell("onOutcome", () -> observer.onOutcome(outcome));
    }

    @Override
    public void onHealthTransition(String bot, dev.quorum.core.learning.BotHealth.Transition transition) {
        run.onHealthTransition(bot, transition);
        tell("onHealthTransition", () -> observer.onHealthTransition(bot, transition));
    }

    @Override
    public void onLearning(Map<String, Map<String, Double>> weights, List<dev.quorum.core.learning.LearnerDesk.Figure> figures) {
        run.onLearning(weights, figures);
        tell("onLearning", () -> observer.onLearning(weights, figures));
    }

    @Override
    public void onWeights(Instant time, Map<String, Map<String, Double>> weights) {
        run.onWeights(time, weights);
        tell("onWeights", () -> observer.onWeights(time, weights));
    }

    @Override
    public boolean watchesBars() {
        return observer.watchesBars();
    }

    @Override
    public void onBarClosed(BarClose close) {
        tell("onBarClosed", () -> observer.onBarClosed(close));
    }

    @Override
    public Instant nextWakeUp() {
        return run.nextWakeUp();
    }

    @Override
    public void onClock(Instant now) {
        run.onClock(now);
    }

    @Override
    public void flush() {
        run.flush();
        tell("flush", observer::flush);
    }
}
