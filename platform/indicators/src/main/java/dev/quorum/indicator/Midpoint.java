package dev.quorum.indicator;

import dev.quorum.api.Bar;

/**
 * {@code (lower + upper) / 2}: the Donchian middle line, as ta4j's
 * {@code DonchianChannelMiddleIndicator}. NaN while either is NaN; unstable as the later of the two.
 */
final class Midpoint extends Node {

    private final Node lower;
    private final Node upper;

    Midpoint(String name, Node lower, Node upper) {
        super(name);
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    double compute(Bar bar) {
        return (lower.value() + upper.value()) / 2;
    }

    @Override
    public int unstableBars() {
        return Math.max(lower.unstableBars(), upper.unstableBars());
    }
}
