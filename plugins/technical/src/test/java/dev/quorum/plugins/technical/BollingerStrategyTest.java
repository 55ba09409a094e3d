package dev.quorum.plugins.technical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.api.Direction;
import dev.quorum.api.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BollingerStrategyTest {

    /*
     * period 4, k = 1, by hand (population σ, divide by n):
     *   10 12 11 13   mean 11.5  σ² = (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25   σ = 1.118034   bands 10.381966 .. 12.618034
     *   12 11 13 20   mean 14    σ² = (4 + 9 + 1 + 36) / 4 = 12.5               σ = 3.535534   bands 10.464466 .. 17.535534
     *   11 13 20 5    mean 12.25 σ² = (1.5625 + 0.5625 + 60.0625 + 52.5625) / 4 = 28.6875
     *                                                                           σ = 5.356071   bands  6.893929 .. 17.606071
     */
    private static final double SIGMA_2 = Math.sqrt(12.5);
    private static final double SIGMA_3 = Math.sqrt(28.6875);

    private final BollingerStrategy strategy = new BollingerStrategy();

    @Test
    void rollingStatsMatchTheHandComputation() {
        RollingStats stats = new RollingStats(4);
        for (double x : new double[] {10, 12, 11}) {
            stats.add(x);
        }
        assertFalse(stats.isReady());
        stats.add(13);
        assertTrue(stats.isReady());
        assertEquals(11.5, stats.mean(), 1e-12);
        assertEquals(Math.sqrt(1.25), stats.standardDeviation(), 1e-12);
        stats.add(20);
        assertEquals(14, stats.mean(), 1e-12);
        assertEquals(SIGMA_2, stats.standardDeviation(), 1e-12);
        stats.add(5);
        assertEquals(12.25, stats.mean(), 1e-12);
        assertEquals(SIGMA_3, stats.standardDeviation(), 1e-12);
    }

    @Test
    void rollingStatsSeeNoVarianceInAConstantHighPrice() {
        RollingStats stats = new RollingStats(20);
        for (int i = 0; i < 1000; i++) {
            stats.add(i % 2 == 0 ? 63_000.1 : 60_000.3);
        }
        for (int i = 0; i < 20; i++) {
            stats.add(61_234.567);
        }
        assertEquals(0, stats.standardDeviation());
    }

    @Test
    void isFlatWhileWarmingUpAndInsideTheBands() {
        // k = 2: bands 11.5 ± 2 * 1.118034 = [9.26, 13.74], and 13 lies inside.
        List<Signal> signals = Bots.run(Bots.create(strategy, "period", 4), 10, 12, 11, 13);
        assertEquals(List.of("warming up: 3/4 bars"), signals.get(2).reasons());
        assertEquals(Direction.FLAT, signals.get(3).direction());
        assertEquals(List.of("close 13.00 inside bands [9.26, 13.74]"), signals.get(3).reasons());
    }

    @Test
    void reversionShortsAboveTheUpperBandWithLevels() {
        Signal signal = Bots.run(Bots.create(strategy, "period", 4, "k", 1.0), 10, 12, 11, 13, 20).getLast();
        assertEquals(Direction.SHORT, signal.direction());
        double upper = 14 + SIGMA_2;
        assertEquals(0.5 + 0.5 * (20 - upper) / SIGMA_2, signal.confidence(), 1e-9); // 0.848528
        assertEquals(14, signal.takeProfit().getAsDouble(), 1e-9);
        assertEquals(20 + 1.5 * SIGMA_2, signal.stopLoss().getAsDouble(), 1e-9);
        assertEquals(List.of("close 20.00 above upper band 17.54 (SMA(4)=14.00, σ=3.54)"), signal.reasons());
    }

    @Test
    void reversionBuysBelowTheLowerBandWithLevels() {
        Signal signal = Bots.run(Bots.create(strategy, "period", 4, "k", 1.0, "stopSigma", 0.5),
                10, 12, 11, 13, 20, 5).getLast();
        assertEquals(Direction.LONG, signal.direction());
        double lower = 12.25 - SIGMA_3;
        assertEquals(0.5 + 0.5 * (lower - 5) / SIGMA_3, signal.confidence(), 1e-9); // 0.676802
        assertEquals(12.25, signal.takeProfit().getAsDouble(), 1e-9);
        assertEquals(5 - 0.5 * SIGMA_3, signal.stopLoss().getAsDouble(), 1e-9);
    }

    @Test
    void reversionOmitsALongStopThatWouldNotBeAPositivePrice() {
        // 5 - 1.5 * 5.356 is negative: no stop-loss, the take-profit stays.
        Signal signal = Bots.run(Bots.create(strategy, "period", 4, "k", 1.0), 10, 12, 11, 13, 20, 5).getLast();
        assertEquals(Direction.LONG, signal.direction());
        assertTrue(signal.stopLoss().isEmpty());
        assertEquals(12.25, signal.takeProfit().getAsDouble(), 1e-9);
    }

    @Test
    void breakoutFollowsTheMoveWithoutLevels() {
        List<Signal> signals = Bots.run(Bots.create(strategy, "period", 4, "k", 1.0, "mode", "breakout"),
                10, 12, 11, 13, 20, 5);
        Signal up = signals.get(4);
        assertEquals(Direction.LONG, up.direction());
        assertEquals(0.5 + 0.5 * (20 - 14 - SIGMA_2) / SIGMA_2, up.confidence(), 1e-9);
        assertTrue(up.stopLoss().isEmpty());
        assertTrue(up.takeProfit().isEmpty());

        Signal down = signals.get(5);
        assertEquals(Direction.SHORT, down.direction());
        assertTrue(down.stopLoss().isEmpty());
    }

    @Test
    void capsConfidenceAtOne() {
        // Window 10 10 10 40: mean 17.5, σ = √168.75 = 12.99, upper (k = 0.5) 23.995; 40 is 16 beyond, more than k·σ.
        Signal signal = Bots.run(Bots.create(strategy, "period", 4, "k", 0.5, "mode", "breakout"), 10, 10, 10, 40).getLast();
        assertEquals(1.0, signal.confidence());
    }

    @Test
    void isFlatWithoutVolatility() {
        Signal signal = Bots.run(Bots.create(strategy, "period", 4), 10, 10, 10, 10).getLast();
        assertEquals(Direction.FLAT, signal.direction());
        assertEquals(List.of("no volatility: the last 4 closes are all 10.00"), signal.reasons());
    }
}
