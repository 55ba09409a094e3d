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

class RSIReversionStrategyTest {

    /** Thirty-three closes of the kind StockCharts uses to explain Wilder's 14-period RSI. */
    private static final double[] CLOSES = {
            44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08, 45.89, 46.03, 45.61, 46.28,
            46.28, 46.00, 46.03, 46.41, 46.22, 45.64, 46.21, 46.25, 45.71, 46.46, 45.78, 45.35, 44.03, 44.18,
            44.22, 44.57, 43.42, 42.66, 43.13};

    private final RSIReversionStrategy strategy = new RSIReversionStrategy();

    @Test
    void declaresItsParameters() {
        assertEquals("rsi-reversion", strategy.info().id());
        List<ParameterSpec> parameters = strategy.info().parameters();
        assertEquals(List.of("period", "oversold", "overbought"), parameters.stream().map(ParameterSpec::name).toList());
        assertEquals(List.of(14, 30.0, 70.0), parameters.stream().map(ParameterSpec::defaultValue).toList());
        assertEquals(List.of(2.0, 1.0, 51.0), parameters.stream().map(ParameterSpec::min).toList());
        assertEquals(List.of(100.0, 49.0, 99.0), parameters.stream().map(ParameterSpec::max).toList());
    }

    @Test
    void isFlatWhileTheRsiIsNaN() {
        List<Signal> signals = TestHost.with(strategy, "period", 3).run(10, 11, 12, 13);
        for (int bar = 0; bar < 3; bar++) {
            assertEquals(Direction.FLAT, signals.get(bar).direction());
            assertEquals(List.of("warming up: RSI(3) needs 4 bars"), signals.get(bar).reasons());
        }
        assertEquals(Direction.SHORT, signals.get(3).direction());
    }

    @Test
    void votesAgainstTheExtremesByHand() {
        /*
         * period 3 (α = 1/3), closes 10 11 10 12 11 9 7 6:
         *   bar   gain  loss   average gain   average loss   RSI
         *   3     2     0      2 (seed)       0 (seed)       100
         *   4     0     1      4/3            1/3            100 − 100 / 5 = 80
         *   5     0     2      8/9            8/9            50
         *   6     0     2      16/27          34/27          100 − 100 / (1 + 8/17) = 32
         *   7     0     1      32/81          95/81          100 − 100 / (1 + 32/95) = 100 − 9500/127 = 25.197
         */
        List<Signal> signals = TestHost.with(strategy, "period", 3).run(10, 11, 10, 12, 11, 9, 7, 6);
        assertVote(Direction.SHORT, 1, signals.get(3), 3); // 0.5 + (100 − 70) / 60
        assertEquals(List.of("RSI(3) above overbought 70"), signals.get(3).reasons());
        assertVote(Direction.SHORT, 0.5 + (80 - 70) / 60.0, signals.get(4), 4);
        assertVote(Direction.FLAT, 0, signals.get(5), 5);
        assertEquals(List.of("RSI(3) between 30 and 70"), signals.get(5).reasons());
        assertVote(Direction.FLAT, 0, signals.get(6), 6);
        assertVote(Direction.LONG, 0.5 + (30 - (100 - 9500.0 / 127)) / 60, signals.get(7), 7); // 0.580
        assertEquals(List.of("RSI(3) below oversold 30"), signals.get(7).reasons());
    }

    @Test
    void matchesTheReferenceOnTheTextbookCloses() {
        double[] rsi = Reference.rsi(CLOSES, 14);
        double[][] averages = Reference.rsiAverages(CLOSES, 14);
        List<Signal> signals = TestHost.with(strategy, "oversold", 45.5, "overbought", 60.25).run(CLOSES);
        // Bar 14 closes where bar 13 did: the RSI starts with both averages 0, and is 0; neutral here.
        assertEquals(0, averages[0][14]);
        assertEquals(0, averages[1][14]);
        assertEquals(0, rsi[14]);
        assertEquals(List.of("RSI(14) undefined: the close has not changed since it started"), signals.get(14).reasons());
        int votes = 0;
        for (int t = 0; t < CLOSES.length; t++) {
            boolean unchanged = averages[0][t] == 0 && averages[1][t] == 0;
            votes += expectVote(rsi[t], unchanged, 45.5, 60.25, "RSI(14) between 45.5 and 60.25", signals.get(t), t);
        }
        assertTrue(votes >= 5 && votes <= 15, votes + " votes");
    }

    @Test
    void matchesTheReferenceOnEveryBarOfARandomWalk() {
        double[] closes = Reference.randomWalk(14, 3000);
        double[] rsi = Reference.rsi(closes, 14);
        double[][] averages = Reference.rsiAverages(closes, 14);
        List<Signal> signals = TestHost.with(strategy).run(closes);
        int votes = 0;
        for (int t = 0; t < closes.length; t++) {
            boolean unchanged = averages[0][t] == 0 && averages[1][t] == 0;
            votes += expectVote(rsi[t], unchanged, 30, 70, "RSI(14) between 30 and 70", signals.get(t), t);
        }
        assertTrue(votes >= 100, votes + " votes");
    }

    /**
     * Asserts the strategy's vote for a reference RSI, or for its average gain and loss both 0;
     * returns 1 for a LONG or SHORT vote.
     */
    private static int expectVote(double rsi, boolean unchanged, double oversold, double overbought, String between,
                                  Signal signal, int bar) {
        if (Double.isNaN(rsi)) {
            assertEquals(List.of("warming up: RSI(14) needs 15 bars"), signal.reasons(), "bar " + bar);
            return 0;
        }
        if (unchanged) {
            assertVote(Direction.FLAT, 0, signal, bar);
            assertEquals(List.of("RSI(14) undefined: the close has not changed since it started"), signal.reasons());
            return 0;
        }
        if (rsi < oversold) {
            assertVote(Direction.LONG, Math.min(1, 0.5 + (oversold - rsi) / (2 * oversold)), signal, bar);
            return 1;
        }
        if (rsi > overbought) {
            assertVote(Direction.SHORT, Math.min(1, 0.5 + (rsi - overbought) / (2 * (100 - overbought))), signal, bar);
            return 1;
        }
        assertVote(Direction.FLAT, 0, signal, bar);
        assertEquals(List.of(between), signal.reasons(), "bar " + bar);
        return 0;
    }

    @Test
    void onlyLossesGiveZeroAndFullConfidence() {
        Signal signal = TestHost.with(strategy, "period", 3).run(13, 12, 11, 10).getLast();
        assertVote(Direction.LONG, 1, signal, 3); // 0.5 + (30 − 0) / 60
    }

    @Test
    void anUnchangedPriceIsNeutralNotOversold() {
        // The host's RSI is 0 when both averages are 0; the strategy votes flat until the close moves.
        List<Signal> signals = TestHost.with(strategy, "period", 3).run(10, 10, 10, 10, 10, 9, 9);
        for (int bar = 3; bar < 5; bar++) {
            assertEquals(Direction.FLAT, signals.get(bar).direction());
            assertEquals(List.of("RSI(3) undefined: the close has not changed since it started"), signals.get(bar).reasons());
        }
        assertSame(signals.get(3), signals.get(4));
        // A fall: the average loss is positive, the RSI 0 is a real one.
        assertVote(Direction.LONG, 1, signals.get(5), 5);
        assertVote(Direction.LONG, 1, signals.get(6), 6);

        // Moves before the RSI's start do not count: its averages start at bar 3 with the change from bar 2.
        List<Signal> late = TestHost.with(strategy, "period", 3).run(12, 10, 10, 10, 10, 11);
        assertEquals(Direction.FLAT, late.get(3).direction());
        assertEquals(Direction.FLAT, late.get(4).direction());
        assertVote(Direction.SHORT, 1, late.get(5), 5); // only a gain since the start: RSI 100

        // The seed's own change counts: bar 3 is a fall from bar 2.
        List<Signal> seeded = TestHost.with(strategy, "period", 3).run(10, 10, 10, 9, 9);
        assertVote(Direction.LONG, 1, seeded.get(3), 3);
        assertVote(Direction.LONG, 1, seeded.get(4), 4);
    }
}
