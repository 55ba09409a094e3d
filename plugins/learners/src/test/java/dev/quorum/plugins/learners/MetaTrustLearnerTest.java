package dev.quorum.plugins.learners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quorum.api.LearnerInstance;
import dev.quorum.api.ParameterException;
import dev.quorum.api.Situation;
import dev.quorum.testkit.MemoryStateStore;

class MetaTrustLearnerTest {

    private static final List<String> BOTS = List.of("a", "b");

    @Test
    void theDefaultSharesAddUpToOneAndOthersMust() {
        var info = new MetaTrustLearner().info();
        double total = info.parameters().stream().filter(p -> p.name().endsWith("Weight"))
                .mapToDouble(p -> ((Number) p.defaultValue()).doubleValue()).sum();
        assertEquals(1.0, total, 1e-12);
        ParameterException e = assertThrows(ParameterException.class,
                () -> Calls.create(new MetaTrustLearner(), BOTS, new MemoryStateStore(), "accuracyWeight", 0.5));
        assertEquals("accuracyWeight", e.parameter());
        assertTrue(e.getMessage().contains("add up to 1") && e.getMessage().contains("1.2"), e.getMessage());
    }

    @Test
    void trustIsTheWeightedSumOfItsPartsAndTheMultiplierTrustOverOneHalf() {
        MetaTrustLearner.Instance learner = (MetaTrustLearner.Instance) Calls.create(new MetaTrustLearner(), BOTS,
                new MemoryStateStore(), "window", 10, "blocks", 2, "minOutcomes", 10);
        // a: hits 1 1 1 1 0 | 1 1 1 0 0 -> 7 of 10; blocks 0.8 and 0.6
        boolean[] calls = {true, true, true, true, false, true, true, true, false, false};
        for (boolean hit : calls) {
            learner.onSignalOutcome(Calls.outcome("a", 0.8, hit));
        }
        MetaTrustLearner.Trust t = learner.trust(0, Situation.UNKNOWN);
        assertEquals(8.0 / 12, t.accuracy(), 1e-12);              // (7 + 1) / (10 + 2)
        assertEquals(1 - 2 * 0.1, t.consistency(), 1e-12);         // rates 0.8, 0.6: deviation 0.1
        assertEquals(t.accuracy(), t.expertise(), 1e-12);          // no measure known: its accuracy
        assertEquals(0.5, t.diversity(), 1e-12);                   // no samples: no correlation
        double expected = 0.30 * t.accuracy() + 0.25 * t.consistency() + 0.30 * t.expertise() + 0.15 * t.diversity();
        assertEquals(expected, t.trust(), 1e-12);
        Map<String, Double> w = learner.weights();
        assertEquals(expected / 0.5, w.get("a"), 1e-12);
        assertTrue(!w.containsKey("b"), "b has no record yet: weight left alone");
    }

    @Test
    void expertiseFollowsTheSituation() {
        LearnerInstance learner = Calls.create(new MetaTrustLearner(), BOTS, new MemoryStateStore(), "minOutcomes", 1);
        for (int k = 0; k < 20; k++) {
            learner.onSignalOutcome(Calls.outcome("a", 0.7, true, Calls.TREND, Duration.ofHours(1)));
            learner.onSignalOutcome(Calls.outcome("a", 0.7, false, Calls.RANGE, Duration.ofHours(1)));
            learner.onSignalOutcome(Calls.outcome("b", 0.7, false, Calls.TREND, Duration.ofHours(1)));
            learner.onSignalOutcome(Calls.outcome("b", 0.7, true, Calls.RANGE, Duration.ofHours(1)));
        }
        assertTrue(learner.weights(Calls.TREND).get("a") > learner.weights(Calls.RANGE).get("a"));
        assertTrue(learner.weights(Calls.RANGE).get("b") > learner.weights(Calls.TREND).get("b"));
    }

    @Test
    void onlyTheChosenHorizonCounts() {
        LearnerInstance learner = Calls.create(new MetaTrustLearner(), BOTS, new MemoryStateStore(), "minOutcomes", 1, "horizon", "4h");
        learner.onSignalOutcome(Calls.outcome("a", 0.7, true)); // judged at 1h
        assertTrue(learner.weights().isEmpty());
        learner.onSignalOutcome(Calls.outcome("a", 0.7, true, Situation.UNKNOWN, Duration.ofHours(4)));
        assertEquals(1, learner.weights().size());
    }

    @Test
    void aHorizonTheRunDoesNotJudgeIsRefused() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> Calls.create(new MetaTrustLearner(), BOTS, new MemoryStateStore(), "horizon", "2h"));
        assertEquals("horizon", e.parameter());
        assertTrue(e.getMessage().contains("[1h, 4h]"), e.getMessage());
    }

    @Test
    void aRestartedLearnerContinuesWhereItStopped() {
        MemoryStateStore store = new MemoryStateStore();
        LearnerInstance first = Calls.create(new MetaTrustLearner(), BOTS, store, "minOutcomes", 2, "window", 6, "blocks", 3);
        LearnerInstance uninterrupted = Calls.create(new MetaTrustLearner(), BOTS, new MemoryStateStore(), "minOutcomes", 2, "window", 6,
                "blocks", 3);
        java.util.Random random = new java.util.Random(11);
        for (int k = 0; k < 40; k++) {
            LearnerInstance target = k < 25 ? first : null;
            var o = Calls.outcome(k % 3 == 0 ? "b" : "a", 0.6, random.nextBoolean(), k % 2 == 0 ? Calls.TREND : Calls.RANGE,
                    Duration.ofHours(1));
            var s = Calls.sample(BOTS, random.nextDouble() - 0.5, random.nextDouble() - 0.5);
            if (k == 25) {
                first.checkpoint();
                first = Calls.create(new MetaTrustLearner(), BOTS, store, "minOutcomes", 2, "window", 6, "blocks", 3);
            }
            first.onSignalOutcome(o);
            first.onVotes(s);
            uninterrupted.onSignalOutcome(o);
            uninterrupted.onVotes(s);
            assertTrue(target == null || target == first);
        }
        assertEquals(uninterrupted.weights(Calls.TREND), first.weights(Calls.TREND));
        assertEquals(uninterrupted.figures(), first.figures());
    }

    @Test
    void corruptStateNamesKeyAndLine() {
        MemoryStateStore store = new MemoryStateStore();
        store.put("trust", "meta-trust 1\nbots\ta\tb\nrecent\t0\t1102\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Calls.create(new MetaTrustLearner(), BOTS, store));
        assertTrue(e.getMessage().startsWith("state 'trust' line 3"), e.getMessage());
        store.put("trust", "something else\n");
        e = assertThrows(IllegalStateException.class, () -> Calls.create(new MetaTrustLearner(), BOTS, store));
        assertTrue(e.getMessage().startsWith("state 'trust' line 1"), e.getMessage());
    }
}
