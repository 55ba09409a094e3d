package dev.quorum.plugins.technical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quorum.api.Direction;
import dev.quorum.api.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MACDStrategyTest {

    private final MACDStrategy strategy = new MACDStrategy();

    /*
     * fast = 2 (k = 2/3), slow = 3 (k = 1/2), signal = 2 (k = 2/3), by hand:
     *
     *   bar  close  EMA(2)     EMA(3)    MACD       signal
     *   1    100    -          -         -          -
     *   2    102    101        -         -          -
     *   3    101    101        101       0          -
     *   4    104    103        102.5     0.5        0.25       (seed: (0 + 0.5) / 2)
     *   5    102    102.3333   102.25    0.083333   0.138889   (0.25 + 2/3 * (0.083333 - 0.25))
     *   6    106    104.7778   104.125   0.652778   0.481481
     *   7    100    101.5926   102.0625  -0.469907  -0.152778
     */
    private static final double[] CLOSES = {100, 102, 101, 104, 102, 106, 100};

    private List<Signal> run() {
        return Bots.run(Bots.create(strategy, "fast", 2, "slow", 3, "signal", 2, "fullConfidenceHistogram", 0.01), CLOSES);
    }

    @Test
    void isFlatUntilTheSignalLineExists() {
        List<Signal> signals = run();
        for (int i = 0; i < 3; i++) {
            assertEquals(Direction.FLAT, signals.get(i).direction());
            assertEquals(List.of("warming up: " + (i + 1) + "/4 bars"), signals.get(i).reasons());
        }
    }

    @Test
    void followsTheMacdAgainstItsSignalLine() {
        List<Signal> signals = run();

        assertEquals(Direction.LONG, signals.get(3).direction());
        assertEquals(0.25 / 104 / 0.01, signals.get(3).confidence(), 1e-9);
        assertEquals(List.of("MACD(2,3)=0.5000 above signal(2)=0.2500"), signals.get(3).reasons());

        assertEquals(Direction.SHORT, signals.get(4).direction());
        assertEquals((0.138889 - 0.083333) / 102 / 0.01, signals.get(4).confidence(), 1e-5);

        assertEquals(Direction.LONG, signals.get(5).direction());
        assertEquals((0.652778 - 0.481481) / 106 / 0.01, signals.get(5).confidence(), 1e-5);

        assertEquals(Direction.SHORT, signals.get(6).direction());
        assertEquals((0.469907 - 0.152778) / 100 / 0.01, signals.get(6).confidence(), 1e-5);
        assertEquals(List.of("MACD(2,3)=-0.4699 below signal(2)=-0.1528"), signals.get(6).reasons());
    }

    @Test
    void capsConfidenceAtOne() {
        // The default full-confidence histogram, 0.05% of the close, is far below 0.25 / 104.
        Signal signal = Bots.run(Bots.create(strategy, "fast", 2, "slow", 3, "signal", 2), CLOSES).get(3);
        assertEquals(1.0, signal.confidence());
    }

    @Test
    void rejectsFastNotBelowSlow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Bots.create(strategy, "fast", 26, "slow", 26));
        assertEquals("macd-cross: fast (26) must be below slow (26)", e.getMessage());
    }

    @Test
    void declaresItsParameters() {
        assertEquals("macd-cross", strategy.info().id());
        assertEquals(List.of("fast", "slow", "signal", "fullConfidenceHistogram"),
                strategy.info().parameters().stream().map(p -> p.name()).toList());
    }
}
