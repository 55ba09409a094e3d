package dev.quorum.plugins.learners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quorum.api.Direction;
import dev.quorum.api.LearnerInstance;
import dev.quorum.api.ParameterException;
import dev.quorum.api.Signal;
import dev.quorum.api.SignalOutcome;
import dev.quorum.api.SignalReview;
import dev.quorum.api.Situation;
import dev.quorum.testkit.MemoryStateStore;

class QualityWeightsLearnerTest {

    private static final List<String> BOTS = List.of("a", "b", "c");
    private static final double[] SHARES = {0.40, 0.35, 0.25};

    private static SignalReview review(String bot, Signal signal, Situation.Regime regime, int agreeing, int voters) {
        return new SignalReview(bot, "BTC-USD", Calls.T0, signal, signal.confidence(), new Situation(regime, Situation.Level.NORMAL, Situation.Level.NORMAL,
                Situation.Momentum.FLAT), agreeing, voters);
    }

    private static SignalOutcome judged(String bot, boolean hit, Instant at) {
        return new SignalOutcome(bot, "BTC-USD", at.minusSeconds(3600), Direction.LONG, 0.7, Situation.UNKNOWN, Duration.ofHours(1), at,
                hit ? 0.002 : -0.002, hit);
    }

    @Test
    void offByDefault() {
        LearnerInstance learner = Calls.create(new QualityWeightsLearner(), BOTS, new MemoryStateStore());
        assertFalse(learner.reviews());
        for (int k = 0; k < 100; k++) {
            learner.onSignalOutcome(judged("a", true, Calls.T0.plusSeconds(600L * k)));
        }
        assertTrue(learner.weights().isEmpty());
    }

    @Test
    void qualityIsTheWeightedSumOfConfidenceConfluenceAndAlignment() {
        // 0.40 * 0.8 + 0.35 * (3 - 1) / (5 - 1) + 0.25 * 1
        assertEquals(0.32 + 0.175 + 0.25, QualityWeightsLearner.quality(SHARES, review("a", Signal.buy(0.8), Situation.Regime.TREND_UP, 3, 5)),
                1e-12);
        assertEquals(0.32 + 0.175, QualityWeightsLearner.quality(SHARES, review("a", Signal.buy(0.8), Situation.Regime.TREND_DOWN, 3, 5)),
                1e-12);
        assertEquals(0.32 + 0.175 + 0.125, QualityWeightsLearner.quality(SHARES, review("a", Signal.sell(0.8), Situation.Regime.RANGE, 3, 5)),
                1e-12);
        assertEquals(1.0, QualityWeightsLearner.alignment(Direction.SHORT, Situation.Regime.TREND_DOWN));
        assertEquals(0.5, QualityWeightsLearner.alignment(Direction.LONG, Situation.Regime.UNKNOWN));
    }

    @Test
    void theFilterLeavesOutWhatIsBelowTheThresholdAndPassesTheRestUnchanged() {
        LearnerInstance learner = Calls.create(new QualityWeightsLearner(), BOTS, new MemoryStateStore(), "filtering", true);
        assertTrue(learner.reviews());
        // alone against the trend at 0.6: 0.24 + 0 + 0 < 0.5
        assertEquals(0, learner.review(review("a", Signal.buy(0.6), Situation.Regime.TREND_DOWN, 1, 3)));
        // with everyone and the trend: kept as stated
        assertEquals(0.6, learner.review(review("b", Signal.buy(0.6), Situation.Regime.TREND_UP, 3, 3)));
        // exactly at the threshold passes: 0.40 * 0.5 + 0.35 * 0.5 + 0.25 * 0.5 = 0.5
        assertEquals(0.5, learner.review(review("c", Signal.buy(0.5), Situation.Regime.RANGE, 2, 3)));
        assertEquals(Map.of("qualityPass", 0.0), learner.figures().get("a"));
        assertEquals(Map.of("qualityPass", 1.0), learner.figures().get("b"));
    }

    @Test
    void adaptiveWeightsMoveHourlyByAtMostFifteenPercentWithinBounds() {
        LearnerInstance learner = Calls.create(new QualityWeightsLearner(), BOTS, new MemoryStateStore(), "adaptive", true, "minOutcomes", 10,
                "window", 10);
        Instant t = Calls.T0;
        for (int k = 0; k < 10; k++) {
            learner.onSignalOutcome(judged("a", true, t));   // 10 of 10: (10 + 1) / 12 / 0.5 = 1.833
            learner.onSignalOutcome(judged("b", false, t));  // 0 of 10: 1 / 12 / 0.5 = 0.167
        }
        assertEquals(Map.of("a", 1.15, "b", 0.85), learner.weights());
        assertEquals(Map.of("a", 1.15, "b", 0.85), learner.weights(), "no second update within the hour");
        learner.onVotes(Calls.sample(BOTS, 0, 0, 0)); // still T0
        t = t.plus(Duration.ofMinutes(60));
        learner.onSignalOutcome(judged("c", true, t));
        Map<String, Double> w = learner.weights();
        assertEquals(1.15 * 1.15, w.get("a"), 1e-12);
        assertEquals(0.85 * 0.85, w.get("b"), 1e-12);
        assertFalse(w.containsKey("c"), "c has 1 judged call of the 10 needed");
        assertEquals(2.0, QualityWeightsLearner.step(1.9, 3), 1e-12);
        assertEquals(0.1, QualityWeightsLearner.step(0.11, 0), 1e-12);
    }

    @Test
    void sharesMustAddUpToOne() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> Calls.create(new QualityWeightsLearner(), BOTS, new MemoryStateStore(), "regimeShare", 0.5));
        assertEquals("confidenceShare", e.parameter());
        assertTrue(e.getMessage().contains("= 1.25"), e.getMessage());
    }

    @Test
    void aRestartedLearnerContinuesWhereItStopped() {
        MemoryStateStore store = new MemoryStateStore();
        LearnerInstance first = Calls.create(new QualityWeightsLearner(), BOTS, store, "adaptive", true, "filtering", true, "minOutcomes", 3);
        LearnerInstance uninterrupted = Calls.create(new QualityWeightsLearner(), BOTS, new MemoryStateStore(), "adaptive", true,
                "filtering", true, "minOutcomes", 3);
        java.util.Random random = new java.util.Random(4);
        for (int k = 0; k < 80; k++) {
            if (k == 40) {
                first.checkpoint();
                first = Calls.create(new QualityWeightsLearner(), BOTS, store, "adaptive", true, "filtering", true, "minOutcomes", 3);
            }
            SignalOutcome o = judged(BOTS.get(random.nextInt(3)), random.nextBoolean(), Calls.T0.plus(Duration.ofMinutes(20L * k)));
            SignalReview r = review(BOTS.get(random.nextInt(3)), Signal.buy(random.nextDouble()), Situation.Regime.TREND_UP, 1, 3);
            first.onSignalOutcome(o);
            uninterrupted.onSignalOutcome(o);
            assertEquals(uninterrupted.review(r), first.review(r));
            assertEquals(uninterrupted.weights(), first.weights());
        }
        assertEquals(uninterrupted.figures(), first.figures());
    }
}
