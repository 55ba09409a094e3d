package dev.quorum.indicator;

import dev.quorum.api.Bar;

/**
 * {@code a − b}: the MACD line (fast EMA − slow EMA) and its histogram (MACD − signal), as ta4j's
 * {@code MACDIndicator} and {@code getHistogram}. NaN while either is NaN; unstable as the later
 * of the two.
 */
final class Difference extends Node {

    private final Node a;
    private final Node b;

    Difference(String name, Node a, Node b) {
        super(name);
        this.a = a;
        this.b = b;
    }

    @Override
    double compute(Bar bar) {
        return a.value() - b.value();
    }

    @Override
    public int unstableBars() {
        return Math.max(a.unstableBars(), b.unstableBars());
    }
}
