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

class MACDStrategyTest {

    private final MACDStrategy strategy = new MACDStrategy();

    /*
     * fast = 2 (α = 2/3, seeded on bar 2), slow = 3 (α = 1/2, seeded on bar 3), signal = 2 (α = 2/3,
     * seeded on bar max(3, 2) = 3 with the MACD line there), by hand:
     *
     *   bar  close  EMA(2)            EMA(3)   MACD                signal                         histogram
     *   2    101    101               -        -                   -                              -
     *   3    104    103               104      -1                  -1 (seed)                      0
     *   4    102    307/3             103      -2/3                -1 + 2/3·(1/3) = -7/9          1/9
     *   5    106    943/9             104.5    5/18                -7/9 + 2/3·(19/18) = -2/27     19/54
     *   6    100    2743/27           102.25   -71/108             -2/27 + 2/3·(-63/108) = -50/108  -21/108
     */
    private static final double[] CLOSES = {100, 102, 101, 104, 102, 106, 100};

    private List<Signal> run() {
        return TestHost.with(strategy, "fast", 2, "slow", 3, "signal", 2, "fullConfidenceHistogram", 0.01).run(CLOSES);
    }

    @Test
    void declaresItsParameters() {
        assertEquals("macd-cross", strategy.info().id());
        List<ParameterSpec> parameters = strategy.info().parameters();
        assertEquals(List.of("fast", "slow", "signal", "fullConfidenceHistogram"),
                parameters.stream().map(ParameterSpec::name).toList());
        assertEquals(List.of(12, 26, 9, 0.0005), parameters.stream().map(ParameterSpec::defaultValue).toList());
        assertEquals(List.of(2.0, 3.0, 2.0, 0.000001), parameters.stream().map(ParameterSpec::min).toList());
        assertEquals(List.of(200.0, 500.0, 100.0, 0.1), parameters.stream().map(ParameterSpec::max).toList());
    }

    @Test
    void isFlatWhileTheSignalLineIsNaNAndOnItsSeed() {
        List<Signal> signals = run();
        for (int bar = 0; bar < 3; bar++) {
            assertEquals(Direction.FLAT, signals.get(bar).direction());
            assertEquals(List.of("warming up: signal(2) of MACD(2,3) needs 4 bars"), signals.get(bar).reasons());
        }
        assertVote(Direction.FLAT, 0, signals.get(3), 3);
        assertEquals(List.of("MACD(2,3) equal to signal(2)"), signals.get(3).reasons());
    }

    @Test
    void followsTheMacdAgainstItsSignalLine() {
        List<Signal> signals = run();
        assertVote(Direction.LONG, 1.0 / 9 / 102 / 0.01, signals.get(4), 4); // 0.109
        assertEquals(List.of("MACD(2,3) above signal(2)"), signals.get(4).reasons());
        assertVote(Direction.LONG, 19.0 / 54 / 106 / 0.01, signals.get(5), 5); // 0.332
        assertVote(Direction.SHORT, 21.0 / 108 / 100 / 0.01, signals.get(6), 6); // 0.194
        assertEquals(List.of("MACD(2,3) below signal(2)"), signals.get(6).reasons());
    }

    @Test
    void aLongerSignalLineStartsLater() {
        // signal 5 > slow 3: the signal line is seeded on bar 5, with the MACD line there.
        List<Signal> signals = TestHost.with(strategy, "fast", 2, "slow", 3, "signal", 5).run(100, 102, 101, 104, 102, 106, 100, 103);
        for (int bar = 0; bar < 5; bar++) {
            assertEquals(List.of("warming up: signal(5) of MACD(2,3) needs 6 bars"), signals.get(bar).reasons());
        }
        assertEquals(List.of("MACD(2,3) equal to signal(5)"), signals.get(5).reasons());
        double[] closes = {100, 102, 101, 104, 102, 106, 100, 103};
        double[] line = Reference.macdLine(closes, 2, 3);
        double[] signal = Reference.ema(line, 5);
        assertEquals(line[5], signal[5]);
        for (int bar = 6; bar < closes.length; bar++) {
            double histogram = line[bar] - signal[bar];
            assertVote(histogram > 0 ? Direction.LONG : Direction.SHORT,
                    Math.min(1, Math.abs(histogram) / closes[bar] / 0.0005), signals.get(bar), bar);
        }
    }

    @Test
    void capsConfidenceAtOneWithOneSharedSignal() {
        // The default full-confidence histogram, 0.05% of the close, is far below 19/54 / 106 = 0.33%.
        List<Signal> signals = TestHost.with(strategy, "fast", 2, "slow", 3, "signal", 2).run(CLOSES);
        assertVote(Direction.LONG, 1, signals.get(4), 4);
        assertSame(signals.get(4), signals.get(5));
    }

    @Test
    void matchesTheReferenceOnEveryBarOfARandomWalk() {
        double[] closes = Reference.randomWalk(26, 2000);
        double[] line = Reference.macdLine(closes, 12, 26);
        double[] signal = Reference.ema(line, 9);
        List<Signal> signals = TestHost.with(strategy, "fullConfidenceHistogram", 0.0002).run(closes);
        int votes = 0;
        for (int t = 0; t < closes.length; t++) {
            Signal actual = signals.get(t);
            if (t < 26) {
                assertEquals(List.of("warming up: signal(9) of MACD(12,26) needs 27 bars"), actual.reasons(), "bar " + t);
                continue;
            }
            double histogram = line[t] - signal[t];
            if (t == 26) {
                assertEquals(0, histogram);
                assertVote(Direction.FLAT, 0, actual, t);
                continue;
            }
            assertVote(histogram > 0 ? Direction.LONG : Direction.SHORT,
                    Math.min(1, Math.abs(histogram) / closes[t] / 0.0002), actual, t);
            votes++;
        }
        assertTrue(votes > 1900, votes + " votes");
    }

    @Test
    void rejectsFastNotBelowSlow() {
        TestHost host = new TestHost();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> strategy.create(host.context(strategy, "fast", 26, "slow", 26)));
        assertEquals("macd-cross: fast (26) must be below slow (26)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> strategy.create(host.context(strategy, "fast", 30, "slow", 12)));
        assertEquals("macd-cross: fast (30) must be below slow (12)", e.getMessage());
    }
}
