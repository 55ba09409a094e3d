package dev.quorum.plugins.technical;

import static dev.quorum.plugins.technical.Reference.assertVote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.api.Direction;
import dev.quorum.api.ParameterSpec;
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
    void declaresItsParameters() {
        assertEquals("bollinger", strategy.info().id());
        List<ParameterSpec> parameters = strategy.info().parameters();
        assertEquals(List.of("period", "k", "mode", "stopSigma"), parameters.stream().map(ParameterSpec::name).toList());
        assertEquals(List.of(20, 2.0, "reversion", 1.5), parameters.stream().map(ParameterSpec::defaultValue).toList());
        assertEquals(List.of("reversion", "breakout"), parameters.get(2).choices());
        assertEquals(List.of(2.0, 0.5, 0.1), List.of(parameters.get(0).min(), parameters.get(1).min(), parameters.get(3).min()));
        assertEquals(List.of(500.0, 5.0, 10.0), List.of(parameters.get(0).max(), parameters.get(1).max(), parameters.get(3).max()));
    }

    @Test
    void isFlatWhileWarmingUpAndInsideTheBands() {
        // k = 2: bands 11.5 ± 2 · 1.118034 = [9.26, 13.74], and 13 lies inside.
        List<Signal> signals = TestHost.with(strategy, "period", 4).run(10, 12, 11, 13, 12);
        for (int bar = 0; bar < 3; bar++) {
            assertEquals(Direction.FLAT, signals.get(bar).direction());
            assertEquals(List.of("warming up: Bollinger(4, 2σ) needs 4 bars"), signals.get(bar).reasons());
        }
        assertVote(Direction.FLAT, 0, signals.get(3), 3);
        assertEquals(List.of("close inside Bollinger(4, 2σ)"), signals.get(3).reasons());
        assertSame(signals.get(3), signals.get(4));
    }

    @Test
    void reversionShortsAboveTheUpperBandWithLevels() {
        Signal signal = TestHost.with(strategy, "period", 4, "k", 1.0).run(10, 12, 11, 13, 20).getLast();
        double upper = 14 + SIGMA_2;
        assertVote(Direction.SHORT, 0.5 + 0.5 * (20 - upper) / SIGMA_2, signal, 4); // 0.848528
        assertEquals(14, signal.takeProfit().getAsDouble(), 1e-9);
        assertEquals(20 + 1.5 * SIGMA_2, signal.stopLoss().getAsDouble(), 1e-9);
        assertEquals(List.of("close above upper Bollinger(4, 1σ): reversion to SMA(4)"), signal.reasons());
    }

    @Test
    void reversionBuysBelowTheLowerBandWithLevels() {
        Signal signal = TestHost.with(strategy, "period", 4, "k", 1.0, "stopSigma", 0.5).run(10, 12, 11, 13, 20, 5).getLast();
        double lower = 12.25 - SIGMA_3;
        assertVote(Direction.LONG, 0.5 + 0.5 * (lower - 5) / SIGMA_3, signal, 5); // 0.676802
        assertEquals(12.25, signal.takeProfit().getAsDouble(), 1e-9);
        assertEquals(5 - 0.5 * SIGMA_3, signal.stopLoss().getAsDouble(), 1e-9);
        assertEquals(List.of("close below lower Bollinger(4, 1σ): reversion to SMA(4)"), signal.reasons());
    }

    @Test
    void reversionOmitsALongStopThatWouldNotBeAPositivePrice() {
        // 5 − 1.5 · 5.356 is negative: no stop-loss, the take-profit stays.
        Signal signal = TestHost.with(strategy, "period", 4, "k", 1.0).run(10, 12, 11, 13, 20, 5).getLast();
        assertEquals(Direction.LONG, signal.direction());
        assertTrue(signal.stopLoss().isEmpty());
        assertEquals(12.25, signal.takeProfit().getAsDouble(), 1e-9);
    }

    @Test
    void breakoutFollowsTheMoveWithoutLevels() {
        List<Signal> signals = TestHost.with(strategy, "period", 4, "k", 1.0, "mode", "breakout").run(10, 12, 11, 13, 20, 5);
        Signal up = signals.get(4);
        assertVote(Direction.LONG, 0.5 + 0.5 * (20 - 14 - SIGMA_2) / SIGMA_2, up, 4);
        assertTrue(up.stopLoss().isEmpty());
        assertTrue(up.takeProfit().isEmpty());
        assertEquals(List.of("close above upper Bollinger(4, 1σ): breakout"), up.reasons());

        Signal down = signals.get(5);
        assertVote(Direction.SHORT, 0.5 + 0.5 * (12.25 - SIGMA_3 - 5) / SIGMA_3, down, 5);
        assertTrue(down.stopLoss().isEmpty());
        assertTrue(down.takeProfit().isEmpty());
        assertEquals(List.of("close below lower Bollinger(4, 1σ): breakout"), down.reasons());
    }

    @Test
    void capsConfidenceAtOneWithOneSharedSignal() {
        // Window 10 10 10 40: mean 17.5, σ = √168.75 = 12.99, upper (k = 0.5) 23.995; 40 is 16 beyond, more than k·σ.
        // Window 10 10 40 80: mean 35, σ = √825 = 28.72, upper 49.36; 80 is 30.64 beyond, more than k·σ.
        List<Signal> signals = TestHost.with(strategy, "period", 4, "k", 0.5, "mode", "breakout").run(10, 10, 10, 40, 80);
        assertVote(Direction.LONG, 1, signals.get(3), 3);
        assertSame(signals.get(3), signals.get(4));
    }

    @Test
    void isFlatWithoutVolatility() {
        List<Signal> signals = TestHost.with(strategy, "period", 4).run(10, 10, 10, 10, 10, 10.01);
        assertVote(Direction.FLAT, 0, signals.get(3), 3);
        assertEquals(List.of("no volatility: the last 4 closes are equal"), signals.get(3).reasons());
        assertSame(signals.get(3), signals.get(4));
        // One tick is volatility: window 10 10 10 10.01, σ = 0.01·√3/4, 10.01 is √3 σ above the mean, beyond k = 1.5.
        assertEquals(Direction.FLAT, TestHost.with(strategy, "period", 4).run(10, 10, 10, 10, 10, 10.01).get(5).direction());
        Signal tick = TestHost.with(strategy, "period", 4, "k", 1.5).run(10, 10, 10, 10, 10, 10.01).get(5);
        assertVote(Direction.SHORT, 0.5 + 0.5 * (Math.sqrt(3) - 1.5) / 1.5, tick, 5);
    }

    @Test
    void matchesTheReferenceOnEveryBarOfARandomWalk() {
        double[] closes = Reference.randomWalk(20, 3000);
        double[] middle = Reference.sma(closes, 20);
        double[] sigma = Reference.sigma(closes, 20);
        List<Signal> reversion = TestHost.with(strategy).run(closes);
        List<Signal> breakout = TestHost.with(strategy, "mode", "breakout", "k", 1.5).run(closes);
        int votes = 0;
        for (int t = 0; t < closes.length; t++) {
            if (t < 19) {
                assertEquals(List.of("warming up: Bollinger(20, 2σ) needs 20 bars"), reversion.get(t).reasons(), "bar " + t);
                assertEquals(List.of("warming up: Bollinger(20, 1.5σ) needs 20 bars"), breakout.get(t).reasons(), "bar " + t);
                continue;
            }
            votes += expect(closes[t], middle[t], sigma[t], 2, false, reversion.get(t), t);
            votes += expect(closes[t], middle[t], sigma[t], 1.5, true, breakout.get(t), t);
        }
        assertTrue(votes > 200, votes + " votes");
    }

    /** Asserts one bar's vote against the reference bands; returns 1 for a LONG or SHORT vote. */
    private static int expect(double close, double middle, double sigma, double k, boolean breakout, Signal signal, int bar) {
        double upper = middle + k * sigma;
        double lower = middle - k * sigma;
        if (close > upper || close < lower) {
            boolean above = close > upper;
            double confidence = Math.min(1, 0.5 + 0.5 * (above ? close - upper : lower - close) / (k * sigma));
            assertVote(above == breakout ? Direction.LONG : Direction.SHORT, confidence, signal, bar);
            if (breakout) {
                assertTrue(signal.takeProfit().isEmpty() && signal.stopLoss().isEmpty(), "bar " + bar);
            } else {
                assertEquals(middle, signal.takeProfit().getAsDouble(), 1e-9, "bar " + bar);
                assertEquals(above ? close + 1.5 * sigma : close - 1.5 * sigma, signal.stopLoss().getAsDouble(), 1e-9, "bar " + bar);
            }
            return 1;
        }
        assertVote(Direction.FLAT, 0, signal, bar);
        return 0;
    }
}
