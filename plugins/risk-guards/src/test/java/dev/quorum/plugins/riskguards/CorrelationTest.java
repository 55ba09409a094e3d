package dev.quorum.plugins.riskguards;

import static dev.quorum.plugins.riskguards.Fixtures.BTC;
import static dev.quorum.plugins.riskguards.Fixtures.ETH;
import static dev.quorum.plugins.riskguards.Fixtures.bars;
import static dev.quorum.plugins.riskguards.Fixtures.history;
import static dev.quorum.plugins.riskguards.Fixtures.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.api.Bar;
import dev.quorum.api.BarHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrelationTest {

    static final Instant T0 = Instant.parse("2018-04-05T00:00:00Z");

    /** Varied one-bar factors: 0.98, 0.99, … 1.02 in a scrambled order. */
    static double[] variedFactors(int n) {
        double[] factors = new double[n];
        for (int i = 0; i < n; i++) {
            factors[i] = 1 + 0.01 * ((i * 7 % 5) - 2) + 0.001 * (i % 3);
        }
        return factors;
    }

    private static double[] scaled(double[] closes, double by) {
        return Arrays.stream(closes).map(c -> c * by).toArray();
    }

    private static BarHistory of(String symbol, double[] closes) {
        return history(bars(symbol, T0, closes));
    }

    @Test
    void proportionalPricesAreFullyCorrelated() {
        double[] btc = path(100, variedFactors(30));
        assertEquals(1.0, Correlation.of(of(BTC, btc), of(ETH, scaled(btc, 2)), 120), 1e-12);
    }

    @Test
    void inversePricesAreFullyAntiCorrelated() {
        double[] btc = path(100, variedFactors(30));
        double[] inverse = Arrays.stream(btc).map(c -> 10_000 / c).toArray();
        assertEquals(-1.0, Correlation.of(of(BTC, btc), of(ETH, inverse), 120), 1e-12);
    }

    @Test
    void alternatingReturnsAreUncorrelatedWithATwoBarRhythm() {
        double up = 1.01;
        double down = 1 / 1.01;
        double[] btcFactors = new double[20];
        double[] ethFactors = new double[20];
        for (int i = 0; i < 20; i++) {
            btcFactors[i] = i % 4 < 2 ? up : down;      // + + − − …
            ethFactors[i] = i % 2 == 0 ? up : down;     // + − + − …
        }
        double rho = Correlation.of(of(BTC, path(100, btcFactors)), of(ETH, path(200, ethFactors)), 120);
        assertEquals(0.0, rho, 1e-9);
    }

    @Test
    void needsTenAlignedReturns() {
        double[] btc = path(100, variedFactors(10));    // 11 bars, 10 returns
        assertEquals(1.0, Correlation.of(of(BTC, btc), of(ETH, scaled(btc, 3)), 120), 1e-12);
        double[] shorter = Arrays.copyOf(btc, 10);      // 9 returns
        assertTrue(Double.isNaN(Correlation.of(of(BTC, shorter), of(ETH, scaled(shorter, 3)), 120)));
        assertTrue(Double.isNaN(Correlation.of(of(BTC, btc), history(List.of()), 120)));
    }

    @Test
    void aFlatSeriesHasNoCorrelation() {
        double[] flat = new double[30];
        Arrays.fill(flat, 50);
        assertTrue(Double.isNaN(Correlation.of(of(BTC, path(100, variedFactors(29))), of(ETH, flat), 120)));
    }

    @Test
    void aMissingBarDropsTheReturnsOnBothSidesOfIt() {
        double[] btc = path(100, variedFactors(12));    // 13 bars, 12 returns
        List<Bar> eth = new ArrayList<>(bars(ETH, T0, scaled(btc, 2)));
        eth.remove(6);
        // 10 aligned returns remain, all proportional: a return spanning the gap would break the correlation
        assertEquals(1.0, Correlation.of(of(BTC, btc), history(eth), 120), 1e-12);
        eth.remove(2);
        // 8 remain: unknown
        assertTrue(Double.isNaN(Correlation.of(of(BTC, btc), history(eth), 120)));
    }

    @Test
    void onlyMatchingOpenTimesAlign() {
        double[] btc = path(100, variedFactors(40));
        // ETH holds the same prices, but its bars open 30 seconds later: nothing aligns
        List<Bar> shifted = bars(ETH, T0.plusSeconds(30), scaled(btc, 2));
        assertTrue(Double.isNaN(Correlation.of(of(BTC, btc), history(shifted), 120)));
        // ETH starts 15 bars later and stops 5 bars earlier: the 21 shared bars give 20 returns
        List<Bar> overlap = bars(ETH, T0.plusSeconds(60 * 15), Arrays.copyOfRange(scaled(btc, 2), 15, 36));
        assertEquals(1.0, Correlation.of(of(BTC, btc), history(overlap), 120), 1e-12);
    }

    @Test
    void usesTheMostRecentReturnsOnly() {
        double[] factors = variedFactors(24);
        double[] btc = path(100, factors);
        // ETH moves against BTC for 12 bars, then with it for the last 12
        double[] ethFactors = new double[24];
        for (int i = 0; i < 24; i++) {
            ethFactors[i] = i < 12 ? 1 / factors[i] : factors[i];
        }
        BarHistory a = of(BTC, btc);
        BarHistory b = of(ETH, path(100, ethFactors));
        assertEquals(1.0, Correlation.of(a, b, 12), 1e-12);
        assertTrue(Correlation.of(a, b, 24) < 0.5, "all 24 returns mix both halves");
    }

    @Test
    void pearsonOfKnownSeries() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] y = {2, 1, 4, 3, 6, 5, 8, 7, 10, 9};
        // both means are 5.5: Σdx·dy = Σxy − 10 · 5.5² = 380 − 302.5 = 77.5, Σdx² = Σdy² = 385 − 302.5 = 82.5
        assertEquals(77.5 / 82.5, Correlation.pearson(x, y, 10), 1e-12);
        assertTrue(Double.isNaN(Correlation.pearson(x, y, 9)));
    }
}
