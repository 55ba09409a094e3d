package dev.quorum.plugins.learners;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.quorum.api.Direction;
import dev.quorum.api.LearnerContext;
import dev.quorum.api.Learner;
import dev.quorum.api.LearnerInstance;
import dev.quorum.api.Signal;
import dev.quorum.api.SignalOutcome;
import dev.quorum.api.Situation;
import dev.quorum.api.StateStore;
import dev.quorum.api.VoteSample;
import dev.quorum.testkit.TestParameters;

/** Hand-built calls, outcomes and samples for the learners' tests. */
final class Calls {

    static final Instant T0 = Instant.parse("2018-04-04T00:00:00Z");
    static final List<Duration> HORIZONS = List.of(Duration.ofHours(1), Duration.ofHours(4));
    static final Situation TREND = new Situation(Situation.Regime.TREND_UP, Situation.Level.UNKNOWN, Situation.Level.UNKNOWN,
            Situation.Momentum.UNKNOWN);
    static final Situation RANGE = new Situation(Situation.Regime.RANGE, Situation.Level.UNKNOWN, Situation.Level.UNKNOWN,
            Situation.Momentum.UNKNOWN);

    private Calls() {
    }

    static LearnerInstance create(Learner learner, List<String> bots, StateStore state, Object... parameters) {
        return learner.create(new LearnerContext("test", TestParameters.of(learner.info(), parameters), bots, state, 7L,
                java.util.Map.of(), HORIZONS, true));
    }

    static SignalOutcome outcome(String bot, double confidence, boolean hit, Situation situation, Duration horizon) {
        return new SignalOutcome(bot, "BTC-USD", T0, Direction.LONG, confidence, situation, horizon, T0.plus(horizon),
                hit ? 0.01 : -0.01, hit);
    }

    static SignalOutcome outcome(String bot, double confidence, boolean hit) {
        return outcome(bot, confidence, hit, Situation.UNKNOWN, Duration.ofHours(1));
    }

    /** @param values per bot its signed confidence: {@code > 0} LONG, {@code < 0} SHORT, 0 FLAT */
    static VoteSample sample(List<String> bots, double... values) {
        List<Signal> signals = new java.util.ArrayList<>();
        for (double v : values) {
            signals.add(v > 0 ? Signal.buy(v, "t") : v < 0 ? Signal.sell(-v, "t") : Signal.flat("t"));
        }
        return new VoteSample("BTC-USD", T0, Situation.UNKNOWN, bots, signals);
    }
}
