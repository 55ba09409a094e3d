package dev.quorum.plugins.technical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quorum.api.Direction;
import dev.quorum.api.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

class EMACrossoverStrategyTest {

    private final EMACrossoverStrategy strategy = new EMACrossoverStrategy();

    @Test
    void declaresItsParameters() {
        assertEquals("ema-crossover", strategy.info().id());
        assertEquals(List.of("fast", "slow", "fullConfidenceSpread"),
                strategy.info().parameters().stream().map(p -> p.name()).toList());
        assertEquals(12, strategy.info().parameters().get(0).defaultValue());
        assertEquals(26, strategy.info().parameters().get(1).defaultValue());
    }

    @Test
    void isFlatUntilTheSlowAverageIsSeeded() {
        List<Signal> signals = Bots.run(Bots.create(strategy, "fast", 2, "slow", 3), 100, 101);
        assertEquals(List.of("warming up: 1/3 bars"), signals.get(0).reasons());
        assertEquals(List.of("warming up: 2/3 bars"), signals.get(1).reasons());
        signals.forEach(s -> assertEquals(Direction.FLAT, s.direction()));
    }

    @Test
    void goesLongWhenTheFastAverageIsAbove() {
        // EMA(2), k = 2/3: seed (100 + 101) / 2 = 100.5; bar 3: 100.5 + 2/3 * 1.5 = 101.5; bar 4: 102.5.
        // EMA(3), k = 1/2: seed (100 + 101 + 102) / 3 = 101;                          bar 4: 102.
        List<Signal> signals = Bots.run(
                Bots.create(strategy, "fast", 2, "slow", 3, "fullConfidenceSpread", 0.01), 100, 101, 102, 103);

        Signal third = signals.get(2);
        assertEquals(Direction.LONG, third.direction());
        assertEquals(0.5 / 101 / 0.01, third.confidence(), 1e-9);
        assertEquals(List.of("EMA(2)=101.50 above EMA(3)=101.00"), third.reasons());

        Signal fourth = signals.get(3);
        assertEquals(Direction.LONG, fourth.direction());
        assertEquals(0.5 / 102 / 0.01, fourth.confidence(), 1e-9);
    }

    @Test
    void goesShortWhenTheFastAverageIsBelowAndCapsConfidenceAtOne() {
        // EMA(2): seed 100.5, then 100.5 + 2/3 * (90 - 100.5) = 93.5; EMA(3): seed (101 + 100 + 90) / 3 = 97.
        Signal signal = Bots.run(Bots.create(strategy, "fast", 2, "slow", 3), 101, 100, 90).getLast();
        assertEquals(Direction.SHORT, signal.direction());
        assertEquals(1.0, signal.confidence()); // spread 3.5 / 97 = 3.6% is far beyond 0.2%
        assertEquals(List.of("EMA(2)=93.50 below EMA(3)=97.00"), signal.reasons());
    }

    @Test
    void isFlatWhenTheAveragesAreEqual() {
        Signal signal = Bots.run(Bots.create(strategy, "fast", 2, "slow", 3), 100, 100, 100, 100).getLast();
        assertEquals(Direction.FLAT, signal.direction());
        assertEquals(List.of("EMA(2)=100.00 equal to EMA(3)=100.00"), signal.reasons());
    }

    @Test
    void rejectsFastNotBelowSlow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Bots.create(strategy, "fast", 30, "slow", 26));
        assertEquals("ema-crossover: fast (30) must be below slow (26)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Bots.create(strategy, "fast", 26, "slow", 26));
    }
}
