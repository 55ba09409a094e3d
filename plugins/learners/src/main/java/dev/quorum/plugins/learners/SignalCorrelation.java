package dev.quorum.plugins.learners;

import java.util.List;

import dev.quorum.api.Direction;
import dev.quorum.api.Signal;

/**
 * Pairwise Pearson correlation of the bots' signals over the last {@code window} samples (seed 003's correlation
 * analysis). A bot's value in a sample is its signed confidence: {@code +confidence} for LONG, {@code −confidence}
 * for SHORT, 0 for FLAT, in steps of 0.001. The sums are kept in integers (values in thousandths), so they are
 * exact whatever order samples came and went in: a restored window gives the same correlations as the one saved.
 */
final class SignalCorrelation {

    private static final int SCALE = 1000;

    private final int bots;
    private final int[][] samples;
    private int start;
    private int count;
    private final long[] sum;
    private final long[] sumSquares;
    private final long[][] sumProducts; // [i][j] for j > i

    SignalCorrelation(int bots, int window) {
        this.bots = bots;
        this.samples = new int[window][];
        this.sum = new long[bots];
        this.sumSquares = new long[bots];
        this.sumProducts = new long[bots][bots];
    }

    /** @return a bot's value in a sample, in thousandths */
    static int value(Signal s) {
        int v = (int) Math.round(s.confidence() * SCALE);
        return s.direction() == Direction.LONG ? v : s.direction() == Direction.SHORT ? -v : 0;
    }

    void add(List<Signal> signals) {
        int[] x = new int[bots];
        for (int i = 0; i < bots; i++) {
            x[i] = value(signals.get(i));
        }
        add(x);
    }

    void add(int[] x) {
        if (count == samples.length) {
            apply(samples[start], -1);
            samples[start] = x;
            start = (start + 1) % samples.length;
        } else {
            samples[(start + count) % samples.length] = x;
            count++;
        }
        apply(x, 1);
    }

    private void apply(int[] x, int sign) {
        for (int i = 0; i < bots; i++) {
            long xi = x[i];
            if (xi == 0) {
                continue;
            }
            sum[i] += sign * xi;
            sumSquares[i] += sign * xi * xi;
            long[] row = sumProducts[i];
            for (int j = i + 1; j < bots; j++) {
                row[j] += sign * xi * x[j];
            }
        }
    }

    /** @return samples in the window */
    int count() {
        return count;
    }

    /**
     * @return the correlation of bots {@code i} and {@code j}, or NaN when either never changed in the window
     */
    double correlation(int i, int j) {
        if (i == j) {
            return 1;
        }
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        double n = count;
        double cov = n * sumProducts[a][b] - (double) sum[a] * sum[b];
        double va = n * sumSquares[a] - (double) sum[a] * sum[a];
        double vb = n * sumSquares[b] - (double) sum[b] * sum[b];
        if (va <= 0 || vb <= 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, cov / Math.sqrt(va * vb)));
    }

    /**
     * @return bot {@code i}'s mean correlation with every other bot with which it has one, or NaN when it has none
     */
    double meanCorrelation(int i) {
        double total = 0;
        int n = 0;
        for (int j = 0; j < bots; j++) {
            if (j == i) {
                continue;
            }
            double c = correlation(i, j);
            if (!Double.isNaN(c)) {
                total += c;
                n++;
            }
        }
        return n == 0 ? Double.NaN : total / n;
    }

    /** Writes the window, oldest sample first, one line per sample. */
    void save(StateText text) {
        for (int k = 0; k < count; k++) {
            int[] x = samples[(start + k) % samples.length];
            Object[] fields = new Object[bots + 1];
            fields[0] = "sample";
            for (int i = 0; i < bots; i++) {
                fields[i + 1] = x[i];
            }
            text.line(fields);
        }
    }

    /** Adds one saved sample line. */
    void restore(StateText.Line line) {
        line.expect(bots + 1);
        int[] x = new int[bots];
        for (int i = 0; i < bots; i++) {
            double v = line.number(i + 1);
            if (v != Math.rint(v) || Math.abs(v) > SCALE) {
                throw line.bad("field " + (i + 2) + " is " + line.text(i + 1) + ", expected a whole number in [-1000, 1000]");
            }
            x[i] = (int) v;
        }
        add(x);
    }
}
