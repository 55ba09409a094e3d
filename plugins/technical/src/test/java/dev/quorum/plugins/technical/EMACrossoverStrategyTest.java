package dev.quorum.plugins.technical;

import static dev.quorum.plugins.technical.Reference.assertVote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.api.Direction;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

class EMACrossoverStrategyTest {

    private final EMACrossoverStrategy strategy = new EMACrossoverStrategy();

    @Test
    void declaresItsParameters() {
        assertEquals("ema-crossover", strategy.info().id());
        List<ParameterSpec> parameters = strategy.info().parameters();
        assertEquals(List.of("fast", "slow", "fullConfidenceSpread"), parameters.stream().map(ParameterSpec::name).toList());
        assertEquals(List.of(12, 26, 0.002), parameters.stream().map(ParameterSpec::defaultValue).toList());
        assertEquals(List.of(2.0, 3.0, 0.00001), parameters.stream().map(ParameterSpec::min).toList());
        assertEquals(List.of(200.0, 500.0, 0.1), parameters.stream().map(ParameterSpec::max).toList());
    }

    @Test
    void isFlatWhileTheSlowAverageIsNaN() {
        // The host's EMA(3) is NaN on bars 0..2 and seeded with the close of bar 3.
        List<Signal> signals = TestHost.with(strategy, "fast", 2, "slow", 3).run(100, 101, 102, 103);
        for (int bar = 0; bar < 3; bar++) {
            assertEquals(Direction.FLAT, signals.get(bar).direction());
            assertEquals(List.of("warming up: EMA(3) needs 4 bars"), signals.get(bar).reasons());
        }
        assertSame(signals.get(0), signals.get(2));
        // Bar 3: EMA(2) = 102 + 2/3 · (103 − 102) = 102.67 is below the seed EMA(3) = 103.
        assertEquals(Direction.SHORT, signals.get(3).direction());
    }

    @Test
    void followsTheSideOfTheFastAverageWithConfidenceFromTheSpread() {
        /*
         * EMA(2), α = 2/3, seeded on bar 2:  100,  100 + 2/3·4 = 308/3,  308/3 + 2/3·(108 − 308/3) = 956/9,
         *                                    956/9 + 2/3·(90 − 956/9) = 2576/27
         * EMA(3), α = 1/2, seeded on bar 3:  104,  106,  98
         */
        List<Signal> signals = TestHost.with(strategy, "fast", 2, "slow", 3, "fullConfidenceSpread", 0.1)
                .run(100, 100, 100, 104, 108, 90);

        assertVote(Direction.SHORT, (104 - 308.0 / 3) / 104 / 0.1, signals.get(3), 3); // 0.128
        assertEquals(List.of("EMA(2) below EMA(3)"), signals.get(3).reasons());
        assertVote(Direction.LONG, (956.0 / 9 - 106) / 106 / 0.1, signals.get(4), 4); // 0.021
        assertEquals(List.of("EMA(2) above EMA(3)"), signals.get(4).reasons());
        assertVote(Direction.SHORT, (98 - 2576.0 / 27) / 98 / 0.1, signals.get(5), 5); // 0.265
    }

    @Test
    void capsConfidenceAtOneWithOneSharedSignal() {
        // The default full-confidence spread, 0.2%, is far below (104 − 102.67) / 104 = 1.3%.
        List<Signal> signals = TestHost.with(strategy, "fast", 2, "slow", 3).run(100, 100, 100, 104, 104.5);
        assertVote(Direction.SHORT, 1, signals.get(3), 3);
        assertVote(Direction.SHORT, 1, signals.get(4), 4); // EMA(2) 103.89 < EMA(3) 104.25: 0.35% > 0.2%
        assertSame(signals.get(3), signals.get(4));
    }

    @Test
    void isFlatWhenTheAveragesAreEqual() {
        List<Signal> signals = TestHost.with(strategy, "fast", 2, "slow", 3).run(100, 100, 100, 100, 100);
        assertEquals(Direction.FLAT, signals.get(3).direction());
        assertEquals(0, signals.get(3).confidence());
        assertEquals(List.of("EMA(2) equal to EMA(3)"), signals.get(3).reasons());
        assertSame(signals.get(3), signals.get(4));
    }

    @Test
    void matchesTheReferenceOnEveryBarOfARandomWalk() {
        double[] closes = Reference.randomWalk(12, 2000);
        double[] fast = Reference.ema(closes, 12);
        double[] slow = Reference.ema(closes, 26);
        List<Signal> signals = TestHost.with(strategy).run(closes);
        int longs = 0;
        int shorts = 0;
        for (int t = 0; t < closes.length; t++) {
            Signal signal = signals.get(t);
            if (t < 26) {
                assertEquals(Direction.FLAT, signal.direction(), "bar " + t);
                continue;
            }
            Direction expected = fast[t] > slow[t] ? Direction.LONG : Direction.SHORT;
            assertVote(expected, Math.min(1, Math.abs(fast[t] - slow[t]) / slow[t] / 0.002), signal, t);
            longs += expected == Direction.LONG ? 1 : 0;
            shorts += expected == Direction.SHORT ? 1 : 0;
        }
        assertTrue(longs > 100 && shorts > 100, longs + " longs, " + shorts + " shorts");
    }

    @Test
    void botsOnOneSymbolShareTheHostsIndicatorsAndVoteAsAlone() {
        double[] closes = Reference.randomWalk(7, 300);
        List<Signal> alone = TestHost.with(strategy, "fast", 5, "slow", 20).run(closes);
        TestHost shared = TestHost.with(strategy).add(strategy, "fast", 5, "slow", 20).add(strategy, "fast", 12, "slow", 20);
        for (int t = 0; t < closes.length; t++) {
            Signal signal = shared.next(closes[t]).get(1);
            assertEquals(alone.get(t).direction(), signal.direction(), "bar " + t);
            assertEquals(alone.get(t).confidence(), signal.confidence(), "bar " + t);
        }
    }

    @Test
    void rejectsFastNotBelowSlow() {
        TestHost host = new TestHost();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> strategy.create(host.context(strategy, "fast", 30, "slow", 26)));
        assertEquals("ema-crossover: fast (30) must be below slow (26)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> strategy.create(host.context(strategy, "fast", 26, "slow", 26)));
        assertEquals("ema-crossover: fast (26) must be below slow (26)", e.getMessage());
    }
}
