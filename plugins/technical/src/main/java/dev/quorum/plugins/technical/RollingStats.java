package dev.quorum.plugins.technical;

/**
 * The mean and population standard deviation of the last {@code period} values, updated in O(1)
 * per value: a ring buffer with a running sum and sum of squares.
 *
 * <p>{@code variance = sumOfSquares / n - mean²} cancels badly when the spread is tiny against the
 * level (a price of 60,000 moving by cents), so a variance within rounding noise of zero,
 * {@code mean² · 1e-12} or less, including a slightly negative one, counts as exactly zero.
 */
final class RollingStats {

    private static final double RELATIVE_NOISE = 1e-12;

    private final double[] ring;
    private int next;
    private int count;
    private double sum;
    private double sumOfSquares;

    /**
     * An empty window.
     *
     * @param period the window length, {@code >= 1}
     */
    RollingStats(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("window period must be >= 1, was " + period);
        }
        this.ring = new double[period];
    }

    /**
     * Adds a value, dropping the oldest once the window is full.
     *
     * @param x the value
     */
    void add(double x) {
        if (count == ring.length) {
            double oldest = ring[next];
            sum -= oldest;
            sumOfSquares -= oldest * oldest;
        } else {
            count++;
        }
        ring[next] = x;
        next = (next + 1) % ring.length;
        sum += x;
        sumOfSquares += x * x;
    }

    /**
     * Whether the window is full and the statistics are defined.
     *
     * @return {@code true} after {@code period} values
     */
    boolean isReady() {
        return count == ring.length;
    }

    /**
     * How many values the window holds.
     *
     * @return the count, in {@code [0, period]}
     */
    int size() {
        return count;
    }

    /**
     * The window length.
     *
     * @return the period
     */
    int period() {
        return ring.length;
    }

    /**
     * The mean of the values in the window.
     *
     * @return the simple moving average, NaN when empty
     */
    double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * The population standard deviation of the values in the window.
     *
     * @return {@code σ >= 0}, NaN when empty
     */
    double standardDeviation() {
        double mean = mean();
        double variance = sumOfSquares / count - mean * mean;
        return variance <= mean * mean * RELATIVE_NOISE ? 0 : Math.sqrt(variance);
    }
}
