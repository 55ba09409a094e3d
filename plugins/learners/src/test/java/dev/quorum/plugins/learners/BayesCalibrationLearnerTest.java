package dev.quorum.plugins.learners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quorum.api.LearnerInstance;
import dev.quorum.api.Signal;
import dev.quorum.api.SignalReview;
import dev.quorum.api.Situation;
import dev.quorum.testkit.MemoryStateStore;

class BayesCalibrationLearnerTest {

    private static final List<String> BOTS = List.of("a", "b");

    private static double review(LearnerInstance learner, String bot, double confidence) {
        return learner.review(new SignalReview(bot, "BTC-USD", Calls.T0, Signal.buy(confidence, "t"), confidence, Situation.UNKNOWN, 1, 2));
    }

    @Test
    void withoutARecordTheStatedConfidenceStands() {
        LearnerInstance learner = Calls.create(new BayesCalibrationLearner(), BOTS, new MemoryStateStore());
        assertTrue(learner.reviews());
        assertEquals(0.83, review(learner, "a", 0.83), 1e-12);
        assertTrue(learner.weights().isEmpty());
    }

    @Test
    void probabilityModeMovesTowardsTheBucketsHitRate() {
        LearnerInstance learner = Calls.create(new BayesCalibrationLearner(), BOTS, new MemoryStateStore(), "priorStrength", 20.0);
        for (int k = 0; k < 100; k++) {
            learner.onSignalOutcome(Calls.outcome("a", 0.9, k % 2 == 0)); // 50 hits of 100 in bucket [0.8, 1]
        }
        assertEquals((0.9 * 20 + 50) / 120, review(learner, "a", 0.9), 1e-12);
        assertEquals((0.85 * 20 + 50) / 120, review(learner, "a", 0.85), 1e-12);
        assertEquals(0.5, review(learner, "a", 0.5), 1e-12);  // another bucket: no record there
        assertEquals(0.9, review(learner, "b", 0.9), 1e-12);  // another bot
        var f = learner.figures().get("a");
        assertEquals(0.5, f.get("hitRate"), 1e-12);
        assertEquals(0.9, f.get("statedConfidence"), 1e-12);
        assertEquals(0.5 / 0.9, f.get("calibration"), 1e-12);
    }

    @Test
    void relativeModeScalesByTheHitRateOverOneHalfAtMostToOne() {
        LearnerInstance learner = Calls.create(new BayesCalibrationLearner(), BOTS, new MemoryStateStore(), "mode", "relative",
                "priorStrength", 20.0);
        for (int k = 0; k < 40; k++) {
            learner.onSignalOutcome(Calls.outcome("a", 0.5, k % 4 != 0)); // 30 of 40 in bucket [0.4, 0.6)
            learner.onSignalOutcome(Calls.outcome("b", 0.5, k % 4 == 0)); // 10 of 40
        }
        double pa = (10 + 30) / 60.0;
        double pb = (10 + 10) / 60.0;
        assertEquals(0.5 * pa / 0.5, review(learner, "a", 0.5), 1e-12);
        assertEquals(0.5 * pb / 0.5, review(learner, "b", 0.5), 1e-12);
        // capped at 1: 0.59 x (40 / 60) / 0.5 = 0.787 is not; a stated 0.59 that an earlier learner raised to 0.9 is
        assertEquals(0.59 * pa / 0.5, review(learner, "a", 0.59), 1e-12);
        assertEquals(1.0, learner.review(new SignalReview("a", "BTC-USD", Calls.T0, Signal.buy(0.9), 0.59, Situation.UNKNOWN, 1, 2)),
                1e-12);
    }

    @Test
    void withoutAPriorAnEmptyBucketLeavesTheConfidenceAlone() {
        LearnerInstance learner = Calls.create(new BayesCalibrationLearner(), BOTS, new MemoryStateStore(), "mode", "relative",
                "priorStrength", 0.0);
        assertEquals(0.45, review(learner, "a", 0.45), 1e-12, "not NaN");
        learner.onSignalOutcome(Calls.outcome("a", 0.45, true));
        assertEquals(0.9, review(learner, "a", 0.45), 1e-12, "1 of 1 right: x 1 / 0.5");
    }

    @Test
    void aRestartedLearnerCalibratesAsTheOneThatSavedIt() {
        MemoryStateStore store = new MemoryStateStore();
        LearnerInstance first = Calls.create(new BayesCalibrationLearner(), BOTS, store);
        for (int k = 0; k < 33; k++) {
            first.onSignalOutcome(Calls.outcome(k % 2 == 0 ? "a" : "b", (k % 10) / 10.0, k % 3 == 0));
        }
        first.checkpoint();
        LearnerInstance resumed = Calls.create(new BayesCalibrationLearner(), BOTS, store);
        for (double c = 0; c <= 1.0; c += 0.05) {
            assertEquals(review(first, "a", c), review(resumed, "a", c));
            assertEquals(review(first, "b", c), review(resumed, "b", c));
        }
        assertEquals(first.figures(), resumed.figures());
    }

    @Test
    void stateWithOtherBucketsIsRefused() {
        MemoryStateStore store = new MemoryStateStore();
        Calls.create(new BayesCalibrationLearner(), BOTS, store, "buckets", 4).checkpoint();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Calls.create(new BayesCalibrationLearner(), BOTS, store));
        assertTrue(e.getMessage().contains("state 'calibration' line 3") && e.getMessage().contains("buckets = 5"), e.getMessage());
    }
}
