package dev.quorum.testkit;

import dev.quorum.api.Indicator;

/** An indicator whose value the test sets; NaN until then. */
public final class SettableIndicator implements Indicator {

    private double value = Double.NaN;

    /** Creates one with value NaN. */
    public SettableIndicator() {
    }

    /** @param newValue the value from now on */
    public void set(double newValue) {
        value = newValue;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public double previous() {
        return Double.NaN;
    }

    @Override
    public long bars() {
        return 0;
    }

    @Override
    public int unstableBars() {
        return 0;
    }
}
