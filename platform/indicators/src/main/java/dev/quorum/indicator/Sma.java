package dev.quorum.indicator;

import dev.quorum.api.Bar;

/**
 * Simple moving average of an input over {@code period} bars:
 *
 * <pre>
 * SMA[t] = (x[t − n + 1] + … + x[t]) / n
 * </pre>
 *
 * <p>The sum is kept exactly as ta4j's {@code RunningTotalIndicator} keeps it when read in order:
 * {@code sum + x[t] − x[t − n]}, re-summed from the window (oldest first) once it is free of NaN
 * again after a NaN input, so the results are bit-for-bit ta4j's. NaN for the first {@code n − 1}
 * bars (ta4j averages the partial window there) and while the window holds a NaN input (the
 * stochastic %D over a flat %K). Unstable bars: the input's plus {@code n − 1}.
 */
final class Sma extends Node {

    private final Node input;
    private final int period;
    private final double[] window;
    private int next;
    private long count;
    private int nans;
    private double sum;

    Sma(Node input, int period) {
        super("sma(" + input + ", " + period + ")");
        this.input = input;
        this.period = period;
        this.window = new double[period];
    }

    @Override
    double compute(Bar bar) {
        double x = input.value();
        boolean evicting = count >= period;
        double old = window[next];
        window[next] = x;
        next = next + 1 == period ? 0 : next + 1;
        count++;
        if (Double.isNaN(x)) {
            nans++;
        }
        if (evicting && Double.isNaN(old)) {
            nans--;
        }
        if (!Double.isFinite(sum)) {
            sum = nans > 0 ? Double.NaN : resum();
        } else {
            sum += x;
            if (evicting) {
                sum -= old;
            }
        }
        return count < period || nans > 0 ? Double.NaN : sum / period;
    }

    /** The window's sum from its oldest value on, as ta4j's slow path sums it. */
    private double resum() {
        int size = (int) Math.min(count, period);
        int start = count >= period ? next : 0;
        double s = 0;
        for (int i = 0; i < size; i++) {
            int j = start + i;
            s += window[j >= period ? j - period : j];
        }
        return s;
    }

    @Override
    public int unstableBars() {
        return input.unstableBars() + period - 1;
    }

    @Override
    int retainedValues() {
        return window.length;
    }
}
