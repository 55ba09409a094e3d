package dev.quorum.plugins.winprob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.quorum.api.Direction;
import dev.quorum.api.LearnerContext;
import dev.quorum.api.ParameterException;
import dev.quorum.api.Signal;
import dev.quorum.api.SignalOutcome;
import dev.quorum.api.SignalReview;
import dev.quorum.api.Situation;
import dev.quorum.api.StateStore;
import dev.quorum.testkit.MemoryStateStore;
import dev.quorum.testkit.TestParameters;

/** The model on hand-built calls: one bot right 80% of the time, one 20%, one a coin. */
class WinProbabilityLearnerTest {

    private static final List<String> BOTS = List.of("good", "bad", "coin");
    private static final Instant T0 = Instant.parse("2018-04-04T00:00:00Z");
    private static final Situation SITUATION = new Situation(Situation.Regime.RANGE, Situation.Level.NORMAL, Situation.Level.NORMAL,
            Situation.Momentum.FLAT);

    private static WinProbabilityLearner.Instance create(StateStore state, Object... parameters) {
        return (WinProbabilityLearner.Instance) new WinProbabilityLearner().create(new LearnerContext("wp", TestParameters.of(
                new WinProbabilityLearner().info(), parameters), BOTS, state, 5L, Map.of(), List.of(Duration.ofHours(1), Duration.ofHours(4)), true));
    }

    private static SignalOutcome call(String bot, boolean hit) {
        return new SignalOutcome(bot, "BTC-USD", T0, Direction.LONG, 0.7, SITUATION, Duration.ofHours(1), T0.plusSeconds(3600),
                hit ? 0.002 : -0.002, hit);
    }

    /** Feeds n rounds of one call per bot, drawn from a seeded generator. */
    private static void feed(WinProbabilityLearner.Instance learner, Random random, int rounds) {
        for (int k = 0; k < rounds; k++) {
            learner.onSignalOutcome(call("good", random.nextDouble() < 0.8));
            learner.onSignalOutcome(call("bad", random.nextDouble() < 0.2));
            learner.onSignalOutcome(call("coin", random.nextDouble() < 0.5));
        }
    }

    private static double review(WinProbabilityLearner.Instance learner, String bot) {
        return learner.review(new SignalReview(bot, "BTC-USD", T0, Signal.buy(0.7), 0.7, SITUATION, 1, 3));
    }

    @Test
    void aucIsTheMannWhitneyStatisticWithTiesCountedHalf() {
        assertEquals(0.75, WinProbabilityLearner.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}, 4), 1e-12);
        assertEquals(0.5, WinProbabilityLearner.auc(new double[] {0.5, 0.5}, new boolean[] {true, false}, 2), 1e-12);
        assertEquals(1.0, WinProbabilityLearner.auc(new double[] {0.2, 0.9, 0.7}, new boolean[] {false, true, true}, 3), 1e-12);
        assertTrue(Double.isNaN(WinProbabilityLearner.auc(new double[] {0.2, 0.9}, new boolean[] {true, true}, 2)));
    }

    @Test
    void calibrationErrorWeighsEachBinByItsShare() {
        // bin 0.6-0.7: p 0.65 twice, 1 of 2 right: |0.65 - 0.5| = 0.15; bin 0.9-1: p 0.95, right: 0.05
        assertEquals(2.0 / 3 * 0.15 + 1.0 / 3 * 0.05,
                WinProbabilityLearner.calibrationError(new double[] {0.65, 0.65, 0.95}, new boolean[] {true, false, true}, 3), 1e-12);
    }

    @Test
    void nothingIsFilteredBeforeTheFirstTraining() {
        WinProbabilityLearner.Instance learner = create(new MemoryStateStore(), "minOutcomes", 300);
        feed(learner, new Random(1), 99);
        assertFalse(learner.trained());
        assertEquals(0.7, review(learner, "bad"));
        feed(learner, new Random(2), 1);
        assertTrue(learner.trained());
    }

    @Test
    void itLearnsWhomToBelieveAndFiltersBelowTheThreshold() {
        WinProbabilityLearner.Instance learner = create(new MemoryStateStore(), "minOutcomes", 300, "retrainEvery", 300);
        feed(learner, new Random(3), 600);
        assertEquals(6, learner.trainings(), "at 300 calls, then every 300 more");
        assertEquals(0.7, review(learner, "good"), "kept, with its own confidence");
        assertEquals(0.0, review(learner, "bad"), "left out");
        Map<String, Map<String, Double>> f = learner.figures();
        assertTrue(f.get("good").get("winProbability") > 0.7, f.toString());
        assertTrue(f.get("bad").get("winProbability") < 0.3, f.toString());
        assertTrue(f.get("*").get("auc") > 0.75, "out-of-sample AUC " + f.get("*"));
        assertTrue(f.get("*").get("calibrationError") < 0.1, f.toString());
        assertEquals(1500.0, f.get("*").get("scored"), "every call after the first training was scored before it was learnt");
    }

    @Test
    void theSameSeedAndCallsMakeTheSameModel() {
        WinProbabilityLearner.Instance a = create(new MemoryStateStore(), "minOutcomes", 100, "retrainEvery", 50);
        WinProbabilityLearner.Instance b = create(new MemoryStateStore(), "minOutcomes", 100, "retrainEvery", 50);
        feed(a, new Random(7), 200);
        feed(b, new Random(7), 200);
        assertEquals(a.figures(), b.figures());
        assertEquals(a.probability(Features.of(2, Direction.SHORT, 0.55, SITUATION)), b.probability(Features.of(2, Direction.SHORT, 0.55, SITUATION)));
    }

    @Test
    void aRestartedModelPredictsAndTrainsAsTheUninterruptedOne() {
        MemoryStateStore store = new MemoryStateStore();
        WinProbabilityLearner.Instance first = create(store, "minOutcomes", 100, "retrainEvery", 70);
        WinProbabilityLearner.Instance uninterrupted = create(new MemoryStateStore(), "minOutcomes", 100, "retrainEvery", 70);
        feed(first, new Random(9), 80);
        feed(uninterrupted, new Random(9), 80);
        first.checkpoint();
        WinProbabilityLearner.Instance resumed = create(store, "minOutcomes", 100, "retrainEvery", 70);
        feed(resumed, new Random(10), 80);
        feed(uninterrupted, new Random(10), 80);
        for (String bot : BOTS) {
            assertEquals(review(uninterrupted, bot), review(resumed, bot));
        }
        Map<String, Map<String, Double>> a = new java.util.HashMap<>(uninterrupted.figures());
        Map<String, Map<String, Double>> b = new java.util.HashMap<>(resumed.figures());
        assertEquals(a.remove("*").get("trainings"), b.remove("*").get("trainings"));
        assertEquals(a, b, "the scores belong to each run; the rest continues");
    }

    @Test
    void frozenItOnlyScores() {
        WinProbabilityLearner.Instance learner = create(new MemoryStateStore(), "minOutcomes", 300, "retrainEvery", 300);
        feed(learner, new Random(3), 150);
        int trainings = learner.trainings();
        double before = learner.probability(Features.of(0, Direction.LONG, 0.7, SITUATION));
        for (int k = 0; k < 600; k++) {
            learner.evaluate(call(k % 2 == 0 ? "good" : "bad", k % 2 != 0)); // the opposite of what it learnt
        }
        assertEquals(trainings, learner.trainings());
        assertEquals(before, learner.probability(Features.of(0, Direction.LONG, 0.7, SITUATION)));
        Map<String, Double> whole = learner.figures().get("*");
        assertTrue(whole.get("auc") < 0.2, "scored against what happened: " + whole);
    }

    @Test
    void corruptStateNamesTheLine() {
        MemoryStateStore store = new MemoryStateStore();
        store.put("model", "win-probability 1\nbots\tgood\tbad\tcoin\ncounts\t0\t1\nmodel\tnot-base64!\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> create(store));
        assertTrue(e.getMessage().startsWith("state 'model' line 4:"), e.getMessage());
        store.put("model", "win-probability 1\nbots\tgood\tbad\n");
        e = assertThrows(IllegalStateException.class, () -> create(store));
        assertTrue(e.getMessage().contains("line 2: saved for other bots"), e.getMessage());
    }

    @Test
    void parametersThatCannotWorkAreRefused() {
        ParameterException e = assertThrows(ParameterException.class, () -> create(new MemoryStateStore(), "minOutcomes", 600, "window", 500));
        assertEquals("minOutcomes", e.parameter());
        e = assertThrows(ParameterException.class, () -> create(new MemoryStateStore(), "horizon", "2h"));
        assertEquals("horizon", e.parameter());
    }
}
