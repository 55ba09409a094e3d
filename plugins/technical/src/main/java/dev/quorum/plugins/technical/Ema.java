package dev.quorum.plugins.technical;

/**
 * An exponential moving average, updated in O(1) per value.
 *
 * <p>Seeded the conventional way: the first value is the simple mean of the first {@code period}
 * inputs; after that {@code ema += k * (x - ema)} with {@code k = 2 / (period + 1)}.
 */
final class Ema {

    private final int period;
    private final double k;
    private int count;
    private double sum;
    private double value = Double.NaN;

    /**
     * An average that is not ready yet.
     *
     * @param period the number of inputs in the seed, {@code >= 1}
     */
    Ema(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("EMA period must be >= 1, was " + period);
        }
        this.period = period;
        this.k = 2.0 / (period + 1);
    }

    /**
     * Feeds the next input.
     *
     * @param x the input
     */
    void add(double x) {
        if (count < period) {
            sum += x;
            count++;
            if (count == period) {
                value = sum / period;
            }
        } else {
            value += k * (x - value);
        }
    }

    /**
     * Whether the seed is complete and {@link #value()} is defined.
     *
     * @return {@code true} after {@code period} inputs
     */
    boolean isReady() {
        return count == period;
    }

    /**
     * How many inputs have been seen, capped at the period.
     *
     * @return the count, in {@code [0, period]}
     */
    int seen() {
        return count;
    }

    /**
     * The current average.
     *
     * @return the average, NaN until ready
     */
    double value() {
        return value;
    }

    /**
     * The period.
     *
     * @return the number of inputs in the seed
     */
    int period() {
        return period;
    }
}
