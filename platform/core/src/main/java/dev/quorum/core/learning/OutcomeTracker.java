package dev.quorum.core.learning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.quorum.api.Bar;
import dev.quorum.api.Direction;
import dev.quorum.api.Signal;
import dev.quorum.api.Situation;

/**
 * Turns the bots' votes into {@link Prediction}s and judges each at every horizon, in engine time, as the bars
 * arrive (seed 003's outcome tracking; its "every 15 minutes" becomes every bar).
 *
 * <p><b>What is recorded.</b> After each bar's vote, a bot's LONG or SHORT signal on the symbol is a prediction
 * when its direction differs from the last one recorded for that bot and symbol (a FLAT signal or a suspended
 * bot resets it), and again every {@code cadence} bars while it stays the same: a bot long for an hour makes one
 * prediction per {@code cadence} bars, not sixty nearly identical ones.
 *
 * <p><b>How it is judged.</b> At each horizon {@code h}, on the symbol's first bar closing at or after
 * {@code time + h}: {@link PredictionOutcome#judge}. A prediction whose horizon lies beyond the symbol's last bar
 * is never judged at that horizon. Predictions are judged before the bar's new ones are made, in the order they
 * were made; everything is deterministic. {@link #judgeDue} runs when the bar has closed, before the vote;
 * {@link #afterVote} after it.
 */
public final class OutcomeTracker {

    /** Where predictions and outcomes go: the store, and the learners. */
    public interface Listener {

        /** @param prediction a new prediction */
        void onPrediction(Prediction prediction);

        /** @param outcome a prediction judged at one horizon */
        void onOutcome(PredictionOutcome outcome);
    }

    private record Pending(Prediction prediction, long dueSecond) {
    }

    /** One symbol's state: per bot the last direction recorded and the bars since; per horizon the predictions due. */
    private static final class SymbolState {
        final Direction[] last;
        final int[] since;
        final ArrayDeque<Pending>[] due;

        @SuppressWarnings("unchecked")
        SymbolState(int bots, int horizons) {
            last = new Direction[bots];
            java.util.Arrays.fill(last, Direction.FLAT);
            since = new int[bots];
            due = new ArrayDeque[horizons];
            for (int h = 0; h < horizons; h++) {
                due[h] = new ArrayDeque<>();
            }
        }
    }

    private static final OutcomeTracker NONE = new OutcomeTracker();

    private final List<Duration> horizons;
    private final long[] horizonSeconds;
    private final int cadence;
    private final java.util.function.Function<String, Situation> situations;
    private final Listener listener;
    private final Map<String, SymbolState> states = new HashMap<>();
    private final int bots;
    private long nextId = 1;

    private OutcomeTracker() {
        this.horizons = List.of();
        this.horizonSeconds = new long[0];
        this.cadence = 1;
        this.situations = null;
        this.listener = null;
        this.bots = 0;
    }

    /**
     * @param horizons   the horizons each prediction is judged at, each positive
     * @param cadence    bars after which an unchanged call is recorded again, {@code >= 1}
     * @param bots       how many bots vote (the length of every vote)
     * @param situations the market's situation on a symbol now, read for each bar with new predictions (a
     *                   {@link SituationReader})
     * @param listener   told of every prediction and outcome
     */
    public OutcomeTracker(List<Duration> horizons, int cadence, int bots, java.util.function.Function<String, Situation> situations,
                          Listener listener) {
        if (cadence < 1) {
            throw new IllegalArgumentException("cadence " + cadence + " must be at least 1 bar");
        }
        this.horizons = List.copyOf(horizons);
        this.horizonSeconds = horizons.stream().mapToLong(h -> {
            if (h.isNegative() || h.isZero()) {
                throw new IllegalArgumentException("horizon " + h + " must be positive");
            }
            return h.getSeconds();
        }).toArray();
        this.cadence = cadence;
        this.bots = bots;
        this.situations = situations;
        this.listener = listener;
    }

    /** @return a tracker that records nothing */
    public static OutcomeTracker none() {
        return NONE;
    }

    /** @return whether it records anything */
    public boolean enabled() {
        return listener != null;
    }

    /** @return the horizons, in order */
    public List<Duration> horizons() {
        return horizons;
    }

    /**
     * When a bar has closed, before the bots vote on it: judges the predictions on its symbol that are due (so that
     * what they tell, such as a bot's suspension, holds for this bar's vote already).
     *
     * @param bar the bar that closed
     * @param now its close time (the engine clock)
     */
    public void judgeDue(Bar bar, Instant now) {
        SymbolState state = states.computeIfAbsent(bar.symbol(), s -> new SymbolState(bots, horizonSeconds.length));
        long second = now.getEpochSecond();
        for (int h = 0; h < horizonSeconds.length; h++) {
            ArrayDeque<Pending> queue = state.due[h];
            while (!queue.isEmpty() && queue.peekFirst().dueSecond() <= second) {
                listener.onOutcome(PredictionOutcome.judge(queue.pollFirst().prediction(), horizons.get(h), now, bar.close()));
            }
        }
    }

    /**
     * After a bar's vote: records the bots' new predictions.
     *
     * @param bar     the bar just voted on
     * @param now     its close time (the engine clock)
     * @param names   the bots, in vote order
     * @param signals their signals on the bar, in the same order (a suspended bot's is FLAT)
     */
    public void afterVote(Bar bar, Instant now, String[] names, Signal[] signals) {
        String symbol = bar.symbol();
        SymbolState state = states.computeIfAbsent(symbol, s -> new SymbolState(bots, horizonSeconds.length));
        long second = now.getEpochSecond();
        Situation situation = null;
        for (int i = 0; i < signals.length; i++) {
            Direction direction = signals[i].direction();
            if (direction == Direction.FLAT) {
                state.last[i] = Direction.FLAT;
                state.since[i] = 0;
                continue;
            }
            if (direction == state.last[i] && ++state.since[i] < cadence) {
                continue;
            }
            state.last[i] = direction;
            state.since[i] = 0;
            if (situation == null) {
                situation = situations.apply(symbol);
            }
            Prediction p = new Prediction(nextId++, names[i], symbol, now, direction, signals[i].confidence(), bar.close(), situation);
            listener.onPrediction(p);
            for (int h = 0; h < horizonSeconds.length; h++) {
                state.due[h].addLast(new Pending(p, second + horizonSeconds[h]));
            }
        }
    }
}
