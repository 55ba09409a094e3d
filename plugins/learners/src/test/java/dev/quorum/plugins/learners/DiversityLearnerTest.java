package dev.quorum.plugins.learners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quorum.api.LearnerInstance;
import dev.quorum.testkit.MemoryStateStore;

class DiversityLearnerTest {

    private static final List<String> BOTS = List.of("a", "b", "c", "d");

    @Test
    void bandsAtTheirEdges() {
        assertEquals(1.2, DiversityLearner.band(-0.9));
        assertEquals(1.2, DiversityLearner.band(0.2999));
        assertEquals(1.1, DiversityLearner.band(0.3));
        assertEquals(1.1, DiversityLearner.band(0.4999));
        assertEquals(1.0, DiversityLearner.band(0.5));
        assertEquals(1.0, DiversityLearner.band(0.6999));
        assertEquals(0.9, DiversityLearner.band(0.7));
        assertEquals(0.9, DiversityLearner.band(0.8499));
        assertEquals(0.8, DiversityLearner.band(0.85));
        assertEquals(0.8, DiversityLearner.band(1.0));
    }

    @Test
    void correlationMatchesTheTextbookFormula() {
        SignalCorrelation c = new SignalCorrelation(2, 10);
        double[] x = {0.5, -0.2, 0.9, 0, 0.3};
        double[] y = {0.4, 0, 0.7, -0.6, 0.1};
        for (int k = 0; k < x.length; k++) {
            c.add(new int[] {(int) Math.round(x[k] * 1000), (int) Math.round(y[k] * 1000)});
        }
        assertEquals(pearson(x, y), c.correlation(0, 1), 1e-12);
        assertEquals(c.correlation(0, 1), c.correlation(1, 0));
    }

    @Test
    void aSlidingWindowEqualsOneBuiltFromItsLastSamples() {
        SignalCorrelation sliding = new SignalCorrelation(3, 5);
        SignalCorrelation fresh = new SignalCorrelation(3, 5);
        int[][] samples = new int[12][];
        java.util.Random random = new java.util.Random(3);
        for (int k = 0; k < samples.length; k++) {
            samples[k] = new int[] {random.nextInt(2001) - 1000, random.nextInt(2001) - 1000, random.nextInt(2001) - 1000};
            sliding.add(samples[k]);
        }
        for (int k = samples.length - 5; k < samples.length; k++) {
            fresh.add(samples[k]);
        }
        assertEquals(fresh.correlation(0, 1), sliding.correlation(0, 1)); // exact: the sums are integers
        assertEquals(fresh.correlation(1, 2), sliding.correlation(1, 2));
        assertEquals(5, sliding.count());
    }

    @Test
    void redundantBotsLoseWeightAndTheUniqueOneGains() {
        LearnerInstance learner = Calls.create(new DiversityLearner(), BOTS, new MemoryStateStore(), "minSamples", 4);
        // a, b, c always agree; d is unrelated to them
        double[][] rows = {{1, 1, 1, 1}, {-1, -1, -1, 1}, {1, 1, 1, -1}, {-1, -1, -1, -1}};
        for (int round = 0; round < 3; round++) {
            for (double[] row : rows) {
                learner.onVotes(Calls.sample(BOTS, row));
            }
        }
        Map<String, Double> w = learner.weights();
        // a's correlations: b 1, c 1, d 0: mean 0.667 -> x1.0; d's: 0, 0, 0 -> x1.2
        assertEquals(1.0, w.get("a"));
        assertEquals(1.2, w.get("d"));
        assertEquals(2.0 / 3, learner.figures().get("a").get("correlation"), 1e-12);
    }

    @Test
    void noWeightMovesBeforeMinSamplesNorForABotThatNeverChanged() {
        LearnerInstance learner = Calls.create(new DiversityLearner(), BOTS, new MemoryStateStore(), "minSamples", 3);
        learner.onVotes(Calls.sample(BOTS, 1, 1, 0, -1));
        learner.onVotes(Calls.sample(BOTS, -1, 1, 0, 1));
        assertTrue(learner.weights().isEmpty());
        learner.onVotes(Calls.sample(BOTS, 1, -1, 0, 1));
        Map<String, Double> w = learner.weights();
        assertTrue(!w.containsKey("c"), "c was FLAT throughout: no correlation, weight left alone: " + w);
        assertEquals(3, w.size());
    }

    @Test
    void aRestartedLearnerContinuesFromItsSavedWindow() {
        MemoryStateStore store = new MemoryStateStore();
        LearnerInstance first = Calls.create(new DiversityLearner(), BOTS, store, "minSamples", 2, "window", 10);
        LearnerInstance uninterrupted = Calls.create(new DiversityLearner(), BOTS, new MemoryStateStore(), "minSamples", 2, "window", 10);
        java.util.Random random = new java.util.Random(5);
        double[][] rows = new double[25][];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = new double[] {random.nextDouble() * 2 - 1, random.nextDouble() * 2 - 1, random.nextInt(3) - 1, random.nextDouble() - 0.5};
        }
        for (int k = 0; k < 14; k++) { // past the window: samples have been evicted before the save
            first.onVotes(Calls.sample(BOTS, rows[k]));
            uninterrupted.onVotes(Calls.sample(BOTS, rows[k]));
        }
        first.checkpoint();
        LearnerInstance resumed = Calls.create(new DiversityLearner(), BOTS, store, "minSamples", 2, "window", 10);
        assertEquals(uninterrupted.figures(), resumed.figures());
        for (int k = 14; k < rows.length; k++) {
            resumed.onVotes(Calls.sample(BOTS, rows[k]));
            uninterrupted.onVotes(Calls.sample(BOTS, rows[k]));
        }
        assertEquals(uninterrupted.weights(), resumed.weights());
        assertEquals(uninterrupted.figures(), resumed.figures());
    }

    @Test
    void stateOfOtherBotsOrGarbageIsRefusedNamingTheKeyAndLine() {
        MemoryStateStore store = new MemoryStateStore();
        store.put("window", "correlation-diversity 1\nbots\ta\tb\nsample\t1\t2\n");
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Calls.create(new DiversityLearner(), BOTS, store));
        assertTrue(e.getMessage().contains("state 'window' line 2") && e.getMessage().contains("[a, b]"), e.getMessage());
        store.put("window", "correlation-diversity 1\nbots\ta\tb\tc\td\nsample\t1\t2\tx\t4\n");
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> Calls.create(new DiversityLearner(), BOTS, store));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("'x'"), e.getMessage());
    }

    private static double pearson(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElseThrow();
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double cov = 0;
        double vx = 0;
        double vy = 0;
        for (int i = 0; i < x.length; i++) {
            cov += (x[i] - mx) * (y[i] - my);
            vx += (x[i] - mx) * (x[i] - mx);
            vy += (y[i] - my) * (y[i] - my);
        }
        return cov / Math.sqrt(vx * vy);
    }
}
