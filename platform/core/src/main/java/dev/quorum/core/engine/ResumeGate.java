package dev.quorum.core.engine;

import java.time.Instant;
import java.util.List;

import dev.quorum.api.Bar;
import dev.quorum.api.BarStream;
import dev.quorum.api.Trade;
import dev.quorum.core.portfolio.ClosedTrade;
import dev.quorum.core.portfolio.EquityPoint;
import dev.quorum.api.Fill;

/**
 * The sink of a resumed run. The engine replays the run from its first bar, so that every component (bots, learners,
 * health, risk modules, position manager, broker, portfolio) rebuilds the state it had when the run stopped; what the
 * replay produces up to the stop is stored already, so the gate drops it, and checks the replayed fills and trades against the
 * stored ones one by one. It opens at the first bar closing after the stop (or at the end of the data), and from then
 * on passes everything through: the run carries on exactly as if it had never stopped.
 */
final class ResumeGate implements RunSink {

    private final RunSink next;
    private final long runId;
    private final long stoppedAtSecond;
    private final Instant stoppedAt;
    private final List<Trade> stored;
    private final List<dev.quorum.core.journal.StoredFill> storedFills;
    private final Runnable onOpen;
    private int replayed;
    private int replayedFills;
    private boolean open;

    /**
     * @param next      the run's sink, which gets everything after the stop
     * @param runId     the run (for messages)
     * @param stoppedAt the close time of the last bar the run processed before it stopped
     * @param stored    its trades as stored, in id order
     * @param fills     its fills as stored, in order
     * @param onOpen    run when the replay has reached the stop and checked out (the run is RUNNING again)
     */
    ResumeGate(RunSink next, long runId, Instant stoppedAt, List<Trade> stored, List<dev.quorum.core.journal.StoredFill> fills,
               Runnable onOpen) {
        this.next = next;
        this.runId = runId;
        this.stoppedAt = stoppedAt;
        this.stoppedAtSecond = stoppedAt.getEpochSecond();
        this.stored = List.copyOf(stored);
        this.storedFills = List.copyOf(fills);
        this.onOpen = onOpen;
    }

    /** @return whether the replay is still before the stop (nothing passes) */
    boolean replaying() {
        return !open;
    }

    /**
     * @param bars the run's bars from its first
     * @return the same bars, opening the gate at the first one closing after the stop, or when they end
     */
    BarStream watch(BarStream bars) {
        return new BarStream() {
            @Override
            public boolean hasNext() {
                boolean more = bars.hasNext();
                if (!more) {
                    open();
                }
                return more;
            }

            @Override
            public Bar next() {
                Bar bar = bars.next();
                if (bar.openTime().getEpochSecond() + bar.timeframe().duration().getSeconds() > stoppedAtSecond) {
                    open();
                }
                return bar;
            }

            @Override
            public void close() {
                bars.close();
            }
        };
    }

    private void open() {
        if (open) {
            return;
        }
        if (replayed != stored.size()) {
            throw diverged("the replay up to the stop closes " + replayed + " trades, but the run stored " + stored.size());
        }
        if (replayedFills != storedFills.size()) {
            throw diverged("the replay up to the stop makes " + replayedFills + " fills, but the run stored " + storedFills.size());
        }
        onOpen.run();
        open = true;
    }

    /** Checks a replayed fill against the stored one with its number. */
    private void check(Fill fill) {
        if (replayedFills >= storedFills.size() || !storedFills.get(replayedFills).sameAs(fill)) {
            throw diverged("the replay makes fill " + (replayedFills + 1) + " " + fill + " where the run stored "
                    + (replayedFills >= storedFills.size() ? "no more fills" : storedFills.get(replayedFills).toString()));
        }
        replayedFills++;
    }

    private IllegalStateException diverged(String what) {
        return new IllegalStateException("run " + runId + " cannot be resumed: " + what + " (stopped at " + stoppedAt
                + "). The candles, the plugins or the scripts it runs have changed since it stopped, so its state cannot be"
                + " rebuilt; the run stays STOPPED with everything it stored.");
    }

    @Override
    public void onEntry(Fill fill) {
        if (open) {
            next.onEntry(fill);
        } else {
            check(fill);
        }
    }

    @Override
    public void onExit(Fill fill, ClosedTrade trade) {
        if (open) {
            next.onExit(fill, trade);
            return;
        }
        check(fill);
        Trade again = trade.trade();
        if (replayed >= stored.size() || !stored.get(replayed).equals(again)) {
            throw diverged("the replay closes trade " + again + " where the run stored "
                    + (replayed >= stored.size() ? "no more trades" : stored.get(replayed).toString()));
        }
        replayed++;
    }

    @Override
    public void onPartialExit(Fill fill) {
        if (open) {
            next.onPartialExit(fill);
        } else {
            check(fill);
        }
    }

    @Override
    public void onEquity(EquityPoint point) {
        if (open) {
            next.onEquity(point);
        }
    }

    @Override
    public void onSignals(List<SignalCount> counts) {
        if (open) {
            next.onSignals(counts);
        }
    }

    @Override
    public void onRiskDecision(dev.quorum.api.OrderIntent intent, dev.quorum.core.risk.RiskOutcome outcome) {
        if (open) {
            next.onRiskDecision(intent, outcome);
        }
    }

    @Override
    public void onPrediction(dev.quorum.core.learning.Prediction prediction) {
        if (open) {
            next.onPrediction(prediction);
        }
    }

    @Override
    public void onOutcome(dev.quorum.core.learning.PredictionOutcome outcome) {
        if (open) {
            next.onOutcome(outcome);
        }
    }

    @Override
    public void onHealthTransition(String bot, dev.quorum.core.learning.BotHealth.Transition transition) {
        if (open) {
            next.onHealthTransition(bot, transition);
        }
    }

    @Override
    public void onLearning(java.util.Map<String, java.util.Map<String, Double>> weights,
                           java.util.List<dev.quorum.core.learning.LearnerDesk.Figure> figures) {
        if (open) {
            next.onLearning(weights, figures);
        }
    }

    @Override
    public void onWeights(Instant time, java.util.Map<String, java.util.Map<String, Double>> weights) {
        if (open) {
            next.onWeights(time, weights);
        }
    }

    @Override
    public Instant nextWakeUp() {
        return next.nextWakeUp();
    }

    @Override
    public void onClock(Instant now) {
        if (open) {
            next.onClock(now);
        }
    }

    @Override
    public void flush() {
        if (open) {
            next.flush();
        }
    }
}
