package dev.quorum.indicator;

import dev.quorum.api.Bar;

/**
 * Linearly weighted moving average of an input over {@code n} bars, weights 1 (oldest) to
 * {@code n} (newest), as ta4j's {@code WMAIndicator}:
 *
 * <pre>
 * WMA[t] = (1·x[t − n + 1] + 2·x[t − n + 2] + … + n·x[t]) / (n·(n + 1)/2)
 * </pre>
 *
 * <p>O(1) per bar: with {@code S} the window's sum, the weighted sum moves as
 * {@code W' = W + n·x[t] − S}; both are {@link CompensatedSum}s so they do not drift. NaN for the
 * first {@code n − 1} bars; unstable bars {@code n − 1}.
 */
final class Wma extends Node {

    private final Node input;
    private final int period;
    private final double divisor;
    private final double[] window;
    private final CompensatedSum sum = new CompensatedSum();
    private final CompensatedSum weighted = new CompensatedSum();
    private int next;
    private long count;

    Wma(Node input, int period) {
        super("wma(" + input + ", " + period + ")");
        this.input = input;
        this.period = period;
        this.divisor = period * (period + 1.0) / 2.0;
        this.window = new double[period];
    }

    @Override
    double compute(Bar bar) {
        double x = input.value();
        if (count < period) {
            weighted.addProduct(count + 1, x);
            sum.add(x);
        } else {
            weighted.addProduct(period, x);
            weighted.add(sum, -1);
            sum.add(x);
            sum.add(-window[next]);
        }
        window[next] = x;
        next = next + 1 == period ? 0 : next + 1;
        count++;
        return count < period ? Double.NaN : weighted.value() / divisor;
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
