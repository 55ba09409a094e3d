package dev.quorum.indicator;

import dev.quorum.api.Bar;

/**
 * The highest or lowest value of an input over the last {@code n} bars, as ta4j's
 * {@code HighestValueIndicator} and {@code LowestValueIndicator}: the highest/lowest close, the
 * Donchian bands (highest high, lowest low) and the range of the stochastic %K.
 *
 * <p>A monotonic deque in two fixed arrays of {@code n} slots: each bar drops the values it
 * dominates from the back and the value that left the window from the front, so the extreme is at
 * the front; amortised O(1), never more than {@code n} entries. NaN for the first {@code n − 1}
 * bars (ta4j takes the extreme of the partial window there); unstable bars {@code n − 1}.
 */
final class Extreme extends Node {

    private final Node input;
    private final int period;
    private final boolean highest;
    private final double[] values;
    private final long[] indices;
    private int head;
    private int size;

    Extreme(String name, Node input, int period, boolean highest) {
        super(name);
        this.input = input;
        this.period = period;
        this.highest = highest;
        this.values = new double[period];
        this.indices = new long[period];
    }

    @Override
    double compute(Bar bar) {
        long t = bars();
        double x = input.value();
        if (size > 0 && indices[head] <= t - period) {
            head = head + 1 == period ? 0 : head + 1;
            size--;
        }
        while (size > 0) {
            int back = slot(size - 1);
            if (highest ? values[back] > x : values[back] < x) {
                break;
            }
            size--;
        }
        int slot = slot(size);
        values[slot] = x;
        indices[slot] = t;
        size++;
        return t < period - 1 ? Double.NaN : values[head];
    }

    private int slot(int offset) {
        int i = head + offset;
        return i >= period ? i - period : i;
    }

    /** How many entries the deque holds now, at most {@code n}. */
    int entries() {
        return size;
    }

    @Override
    public int unstableBars() {
        return input.unstableBars() + period - 1;
    }

    @Override
    int retainedValues() {
        return values.length;
    }
}
