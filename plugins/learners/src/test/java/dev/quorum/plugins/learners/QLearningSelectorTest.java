package dev.quorum.plugins.learners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quorum.api.LearnerContext;
import dev.quorum.api.LearnerInstance;
import dev.quorum.api.ParameterException;
import dev.quorum.api.Situation;
import dev.quorum.api.StateStore;
import dev.quorum.testkit.MemoryStateStore;
import dev.quorum.testkit.TestParameters;

class QLearningSelectorTest {

    private static final List<String> BOTS = List.of("ema-5-20", "ema-8-21", "rsi-14", "macd");
    private static final Map<String, String> GROUPS = Map.of("ema-5-20", "ema", "ema-8-21", "ema", "rsi-14", "rsi-reversion",
            "macd", "macd-cross");

    private static QLearningSelector.Instance create(StateStore state, long seed, Object... parameters) {
        return (QLearningSelector.Instance) new QLearningSelector().create(new LearnerContext("q", TestParameters.of(
                new QLearningSelector().info(), parameters), BOTS, state, seed, GROUPS, Calls.HORIZONS, true));
    }

    @Test
    void theUpdateIsTheTextbookRule() {
        // Q + 0.1 * (r + 0.95 * max Q(s') - Q)
        assertEquals(0.2 + 0.1 * (1 + 0.95 * 0.5 - 0.2), QLearningSelector.update(0.2, 0.1, 0.95, 1, 0.5), 1e-15);
        assertEquals(0.1 * -1, QLearningSelector.update(0, 0.1, 0.95, -1, 0), 1e-15);
        assertEquals(0.7, QLearningSelector.update(0.7, 0, 0.95, 1, 3), 1e-15, "alpha 0 learns nothing");
    }

    @Test
    void aJudgedCallUpdatesItsGroupInTheSituationItWasMadeIn() {
        QLearningSelector.Instance q = create(new MemoryStateStore(), 1);
        Situation trend = Calls.TREND;
        q.onSignalOutcome(Calls.outcome("rsi-14", 0.7, true, trend, Duration.ofHours(1))); // move +1%: reward 1
        int s = QLearningSelector.state(trend);
        assertEquals(0.1, q.q(s, 1), 1e-15);  // group 1 is rsi-reversion (config order: ema, rsi-reversion, macd-cross)
        assertEquals(0, q.q(s, 0));
        q.onSignalOutcome(Calls.outcome("ema-8-21", 0.7, false, trend, Duration.ofHours(1)));  // reward -1, next max 0.1
        assertEquals(0.1 * (-1 + 0.95 * 0.1), q.q(s, 0), 1e-15);
        q.onSignalOutcome(Calls.outcome("rsi-14", 0.7, true, trend, Duration.ofHours(4)));  // another horizon: ignored
        assertEquals(0.1, q.q(s, 1), 1e-15);
    }

    @Test
    void rewardsAreClampedToPlusMinusOne() {
        QLearningSelector.Instance q = create(new MemoryStateStore(), 1, "rewardScale", 0.001);
        q.onSignalOutcome(Calls.outcome("macd", 0.7, true, Situation.UNKNOWN, Duration.ofHours(1))); // +1% / 0.1% = 10 -> 1
        assertEquals(0.1, q.q(QLearningSelector.state(Situation.UNKNOWN), 2), 1e-15);
    }

    @Test
    void epsilonDecaysToItsFloorAndGreedyChoicesFollowQ() {
        QLearningSelector.Instance q = create(new MemoryStateStore(), 1, "epsilonDecay", 0.5);
        assertEquals(0.3, q.epsilon(), 1e-15);
        q.weights(Calls.TREND);
        assertEquals(0.15, q.epsilon(), 1e-15);
        q.weights(Calls.TREND);
        q.weights(Calls.TREND);
        assertEquals(0.05, q.epsilon(), 1e-15, "0.0375 is below the floor");
        for (int k = 0; k < 30; k++) {
            q.onSignalOutcome(Calls.outcome("macd", 0.7, true, Calls.TREND, Duration.ofHours(1)));
        }
        int macd = 0;
        for (int k = 0; k < 200; k++) {
            Map<String, Double> w = q.weights(Calls.TREND);
            if (w.equals(Map.of("macd", 1.5))) {
                macd++;
            }
        }
        // greedy 95% of the time, plus a third of the random 5%
        assertTrue(macd > 180, "macd favoured " + macd + " of 200");
    }

    @Test
    void theFavouredGroupsBotsAllGetTheMultiplier() {
        QLearningSelector.Instance q = create(new MemoryStateStore(), 3, "epsilonStart", 0.0, "epsilonEnd", 0.0);
        for (int k = 0; k < 5; k++) {
            q.onSignalOutcome(Calls.outcome("ema-5-20", 0.7, true, Calls.RANGE, Duration.ofHours(1)));
        }
        q.onSignalOutcome(Calls.outcome("macd", 0.7, true, Calls.TREND, Duration.ofHours(1)));
        assertEquals(Map.of("ema-5-20", 1.5, "ema-8-21", 1.5), q.weights(Calls.RANGE));
        assertEquals(Map.of("macd", 1.5), q.weights(Calls.TREND));
    }

    @Test
    void theSameSeedMakesTheSameChoicesAndAnotherSeedOthers() {
        QLearningSelector.Instance a = create(new MemoryStateStore(), 42, "epsilonDecay", 1.0, "epsilonStart", 0.9, "epsilonEnd", 0.9);
        QLearningSelector.Instance b = create(new MemoryStateStore(), 42, "epsilonDecay", 1.0, "epsilonStart", 0.9, "epsilonEnd", 0.9);
        QLearningSelector.Instance c = create(new MemoryStateStore(), 43, "epsilonDecay", 1.0, "epsilonStart", 0.9, "epsilonEnd", 0.9);
        StringBuilder sa = new StringBuilder();
        StringBuilder sb = new StringBuilder();
        StringBuilder sc = new StringBuilder();
        for (int k = 0; k < 50; k++) {
            sa.append(a.weights(Calls.TREND).keySet());
            sb.append(b.weights(Calls.TREND).keySet());
            sc.append(c.weights(Calls.TREND).keySet());
        }
        assertEquals(sa.toString(), sb.toString());
        assertNotEquals(sa.toString(), sc.toString());
    }

    @Test
    void aRestartedSelectorChoosesAsTheUninterruptedOne() {
        MemoryStateStore store = new MemoryStateStore();
        QLearningSelector.Instance first = create(store, 9);
        QLearningSelector.Instance uninterrupted = create(new MemoryStateStore(), 9);
        java.util.Random random = new java.util.Random(2);
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 120; k++) {
            if (k == 60) {
                first.checkpoint();
                first = create(store, 9);
            }
            var o = Calls.outcome(BOTS.get(random.nextInt(4)), 0.6, random.nextBoolean(), random.nextBoolean() ? Calls.TREND : Calls.RANGE,
                    Duration.ofHours(1));
            first.onSignalOutcome(o);
            uninterrupted.onSignalOutcome(o);
            a.append(first.weights(Calls.TREND).keySet());
            b.append(uninterrupted.weights(Calls.TREND).keySet());
        }
        assertEquals(b.toString(), a.toString());
        assertEquals(uninterrupted.figures(), first.figures());
        assertEquals(uninterrupted.epsilon(), first.epsilon());
    }

    @Test
    void stateOfAnotherSeedOrOutOfRangeIsRefused() {
        MemoryStateStore store = new MemoryStateStore();
        create(store, 9).checkpoint();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> create(store, 10));
        assertTrue(e.getMessage().contains("state 'q' line 3") && e.getMessage().contains("seed 9"), e.getMessage());
        store.put("q", "q-selector 1\nbots\tema-5-20\tema-8-21\trsi-14\tmacd\nq\t99\t0\t0.5\t1\n");
        e = assertThrows(IllegalStateException.class, () -> create(store, 9));
        assertTrue(e.getMessage().contains("line 3: field 2 is 99, expected below 16"), e.getMessage());
    }

    @Test
    void frozenItChoosesGreedilyWithoutExploring() {
        MemoryStateStore store = new MemoryStateStore();
        QLearningSelector.Instance learning = create(store, 3, "epsilonStart", 1.0, "epsilonEnd", 1.0);
        for (int k = 0; k < 5; k++) {
            learning.onSignalOutcome(Calls.outcome("rsi-14", 0.7, true, Calls.TREND, Duration.ofHours(1)));
        }
        learning.checkpoint();
        QLearningSelector.Instance frozen = (QLearningSelector.Instance) new QLearningSelector().create(new LearnerContext("q",
                TestParameters.of(new QLearningSelector().info(), "epsilonStart", 1.0, "epsilonEnd", 1.0), BOTS, store, 3, GROUPS,
                Calls.HORIZONS, false));
        for (int k = 0; k < 50; k++) {
            assertEquals(Map.of("rsi-14", 1.5), frozen.weights(Calls.TREND), "an epsilon of 1 would explore every time");
        }
        assertEquals(1.0, frozen.epsilon());
    }

    @Test
    void anExplorationFloorAboveItsStartIsRefused() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> create(new MemoryStateStore(), 1, "epsilonStart", 0.1, "epsilonEnd", 0.2));
        assertEquals("epsilonEnd", e.parameter());
    }
}
