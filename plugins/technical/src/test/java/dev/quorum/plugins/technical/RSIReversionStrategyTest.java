package dev.quorum.plugins.technical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.api.Direction;
import dev.quorum.api.Signal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RSIReversionStrategyTest {

    /** Thirty-three closes of the kind StockCharts uses to explain Wilder's 14-period RSI. */
    private static final double[] CLOSES = {
            44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08, 45.89, 46.03, 45.61, 46.28,
            46.28, 46.00, 46.03, 46.41, 46.22, 45.64, 46.21, 46.25, 45.71, 46.46, 45.78, 45.35, 44.03, 44.18,
            44.22, 44.57, 43.42, 42.66, 43.13};

    private final RSIReversionStrategy strategy = new RSIReversionStrategy();

    /**
     * The RSI after every close, computed the textbook way, independently of {@link WilderRsi}:
     * list all close-to-close changes first, take the plain mean of the first {@code period} gains
     * and losses, then apply Wilder's smoothing to each later change. NaN while fewer than
     * {@code period + 1} closes have been seen.
     */
    private static double[] referenceRsi(double[] closes, int period) {
        double[] rsi = new double[closes.length];
        Arrays.fill(rsi, Double.NaN);
        double[] gains = new double[closes.length];
        double[] losses = new double[closes.length];
        for (int i = 1; i < closes.length; i++) {
            gains[i] = Math.max(closes[i] - closes[i - 1], 0);
            losses[i] = Math.max(closes[i - 1] - closes[i], 0);
        }
        double avgGain = 0;
        double avgLoss = 0;
        for (int i = 1; i <= period; i++) {
            avgGain += gains[i] / period;
            avgLoss += losses[i] / period;
        }
        for (int i = period; i < closes.length; i++) {
            if (i > period) {
                avgGain = (avgGain * (period - 1) + gains[i]) / period;
                avgLoss = (avgLoss * (period - 1) + losses[i]) / period;
            }
            rsi[i] = 100 - 100 / (1 + avgGain / avgLoss);
        }
        return rsi;
    }

    @Test
    void matchesTheTextbookComputationOnEveryBar() {
        double[] expected = referenceRsi(CLOSES, 14);
        WilderRsi rsi = new WilderRsi(14);
        for (int i = 0; i < CLOSES.length; i++) {
            rsi.add(CLOSES[i]);
            assertEquals(i >= 14, rsi.isReady(), "ready after bar " + (i + 1));
            if (i >= 14) {
                assertEquals(expected[i], rsi.value(), 1e-9, "RSI after bar " + (i + 1));
            }
        }
        // Anchors for the assertions below on the reasons: the first and last values to two decimals.
        assertEquals(70.46, expected[14], 0.005);
        assertEquals(37.81, expected[CLOSES.length - 1], 0.005);
    }

    @Test
    void smallCaseByHand() {
        // Closes 10, 11, 10, 12 change by +1, -1, +2: average gain (1 + 0 + 2) / 3 = 1, average
        // loss (0 + 1 + 0) / 3 = 1/3, RS = 3, RSI = 100 - 100 / 4 = 75.
        // Then 11 (change -1): gain (1 * 2 + 0) / 3 = 2/3, loss (1/3 * 2 + 1) / 3 = 5/9,
        // RS = 1.2, RSI = 100 - 100 / 2.2 = 54.5454...
        WilderRsi rsi = new WilderRsi(3);
        for (double close : new double[] {10, 11, 10, 12}) {
            rsi.add(close);
        }
        assertEquals(75, rsi.value(), 1e-9);
        rsi.add(11);
        assertEquals(100 - 100 / 2.2, rsi.value(), 1e-9);
    }

    @Test
    void isFlatWhileWarmingUp() {
        List<Signal> signals = Bots.run(Bots.create(strategy, "period", 3), 10, 11, 12);
        assertEquals(List.of("warming up: 1/4 bars"), signals.get(0).reasons());
        assertEquals(List.of("warming up: 3/4 bars"), signals.get(2).reasons());
        signals.forEach(s -> assertEquals(Direction.FLAT, s.direction()));
    }

    @Test
    void goesShortWhenOverboughtWithConfidenceFromTheThreshold() {
        double[] expected = referenceRsi(CLOSES, 14);
        List<Signal> signals = Bots.run(Bots.create(strategy), CLOSES);

        Signal first = signals.get(14); // RSI 70.46 > 70
        assertEquals(Direction.SHORT, first.direction());
        assertEquals(0.5 + (expected[14] - 70) / (2 * 30), first.confidence(), 1e-9);
        assertEquals(List.of("RSI(14)=70.46 above overbought 70.00"), first.reasons());

        Signal second = signals.get(15); // RSI 66.25: between the thresholds
        assertEquals(Direction.FLAT, second.direction());
        assertEquals(List.of("RSI(14)=66.25 between 30.00 and 70.00"), second.reasons());
    }

    @Test
    void goesLongWhenOversold() {
        double[] expected = referenceRsi(CLOSES, 14);
        List<Signal> signals = Bots.run(Bots.create(strategy, "oversold", 40.0), CLOSES);
        Signal last = signals.getLast(); // RSI 37.81 < 40
        assertEquals(Direction.LONG, last.direction());
        assertEquals(0.5 + (40 - expected[CLOSES.length - 1]) / (2 * 40), last.confidence(), 1e-9);
    }

    @Test
    void onlyGainsGiveOneHundredAndFullConfidence() {
        Signal signal = Bots.run(Bots.create(strategy, "period", 3), 10, 11, 12, 13).getLast();
        assertEquals(Direction.SHORT, signal.direction());
        assertEquals(1.0, signal.confidence()); // 0.5 + (100 - 70) / 60
        assertEquals(List.of("RSI(3)=100.00 above overbought 70.00"), signal.reasons());
    }

    @Test
    void onlyLossesGiveZeroAndAnUnchangedPriceFifty() {
        Signal falling = Bots.run(Bots.create(strategy, "period", 3), 13, 12, 11, 10).getLast();
        assertEquals(Direction.LONG, falling.direction());
        assertEquals(1.0, falling.confidence()); // 0.5 + (30 - 0) / 60

        WilderRsi unchanged = new WilderRsi(3);
        for (int i = 0; i < 4; i++) {
            unchanged.add(10);
        }
        assertEquals(50, unchanged.value());
        assertTrue(Double.isNaN(new WilderRsi(3).value()));
    }
}
