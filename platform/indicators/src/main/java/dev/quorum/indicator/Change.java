package dev.quorum.indicator;

import dev.quorum.api.Bar;

/**
 * The gain or the loss of an input from one bar to the next, the inputs of the RSI (ta4j's
 * {@code GainIndicator} and {@code LossIndicator}):
 *
 * <pre>
 * gain[t] = max(x[t] − x[t − 1], 0)      loss[t] = max(x[t − 1] − x[t], 0)      both 0 at t = 0
 * </pre>
 *
 * Unstable bars: 1.
 */
final class Change extends Node {

    private final Node input;
    private final boolean gain;
    private double last = Double.NaN;

    Change(Node input, boolean gain) {
        super((gain ? "gain(" : "loss(") + input + ")");
        this.input = input;
        this.gain = gain;
    }

    @Override
    double compute(Bar bar) {
        double x = input.value();
        double before = last;
        last = x;
        if (bars() == 0) {
            return 0;
        }
        if (gain) {
            return x > before ? x - before : 0;
        }
        return x < before ? before - x : 0;
    }

    @Override
    public int unstableBars() {
        return 1;
    }
}
