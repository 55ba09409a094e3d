package dev.quorum.indicator;

import dev.quorum.api.Bar;

/**
 * Population standard deviation of an input over the last {@code n} bars, as ta4j's
 * {@code StandardDeviationIndicator} (whose default is the population form):
 *
 * <pre>
 * σ = sqrt(Σ (x − mean)² / n)
 * </pre>
 *
 * <p>O(1) per bar from the sums of {@code d = x − K} and {@code d²}, with {@code K} an anchor near
 * the prices, kept as {@link CompensatedSum}s with exact squares: {@code n²σ² = n·Σd² − (Σd)²}
 * is then accurate to a few ulps of σ² even in nearly flat windows, where the plain
 * sum-of-squares formula loses every digit. {@code d} is exact while {@code x} is within a factor
 * of two of {@code K} (Sterbenz); when a price leaves that range the anchor moves to it and the
 * sums are recomputed from the window, at most once per {@code n} bars (amortised O(1)). A window
 * of equal values gives exactly 0, as ta4j. NaN for the first {@code n − 1} bars; unstable bars
 * {@code n − 1}.
 */
final class StdDev extends Node {

    private final Node input;
    private final int period;
    private final double[] window;
    private final CompensatedSum sum = new CompensatedSum();
    private final CompensatedSum squares = new CompensatedSum();
    private double anchor = Double.NaN;
    private long anchoredAt;
    private int next;
    private long count;
    private double last = Double.NaN;
    private long run;

    StdDev(Node input, int period) {
        super("stddev(" + input + ", " + period + ")");
        this.input = input;
        this.period = period;
        this.window = new double[period];
    }

    @Override
    double compute(Bar bar) {
        double x = input.value();
        run = x == last ? run + 1 : 1;
        last = x;
        boolean evicting = count >= period;
        double old = window[next];
        window[next] = x;
        next = next + 1 == period ? 0 : next + 1;
        count++;
        if (Double.isNaN(anchor) || !exactAgainstAnchor(x) && count - anchoredAt >= period) {
            reanchor(x);
        } else {
            double d = x - anchor;
            sum.add(d);
            squares.addProduct(d, d);
            if (evicting) {
                double e = old - anchor;
                sum.add(-e);
                squares.subtractProduct(e, e);
            }
        }
        if (count < period) {
            return Double.NaN;
        }
        if (run >= period) {
            return 0;
        }
        double n = period;
        double h1 = sum.hi();
        double l1 = sum.lo();
        double h2 = squares.hi();
        double a = n * h2;
        double b = h1 * h1;
        double m = (a - b) + ((Math.fma(n, h2, -a) - Math.fma(h1, h1, -b))
                + (n * squares.lo() - 2 * h1 * l1 - l1 * l1));
        double variance = m / (n * n);
        return variance > 0 ? Math.sqrt(variance) : 0;
    }

    /** Whether {@code x − anchor} is exact (Sterbenz: within a factor of two, same sign). */
    private boolean exactAgainstAnchor(double x) {
        return anchor > 0 ? x >= anchor / 2 && x <= anchor * 2 : anchor < 0 && x <= anchor / 2 && x >= anchor * 2;
    }

    /** Moves the anchor to {@code x} and recomputes the sums from the window. */
    private void reanchor(double x) {
        anchor = x;
        anchoredAt = count;
        sum.clear();
        squares.clear();
        int size = (int) Math.min(count, period);
        for (int i = 0; i < size; i++) {
            double d = window[i] - anchor;
            sum.add(d);
            squares.addProduct(d, d);
        }
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
