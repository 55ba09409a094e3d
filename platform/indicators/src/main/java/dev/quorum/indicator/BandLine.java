package dev.quorum.indicator;

import dev.quorum.api.Bar;

/**
 * A band at a multiple of a width around a middle line:
 *
 * <pre>
 * upper = middle + width · factor        lower = middle − width · factor
 * </pre>
 *
 * <p>Bollinger (middle SMA, width the population standard deviation, factor k) and Keltner
 * (middle the EMA of the close, width the ATR, factor the multiplier), in ta4j's order of
 * operations. NaN while either input is NaN; unstable as the later of the two.
 */
final class BandLine extends Node {

    private final Node middle;
    private final Node width;
    private final double factor;
    private final boolean upper;

    BandLine(String name, Node middle, Node width, double factor, boolean upper) {
        super(name);
        this.middle = middle;
        this.width = width;
        this.factor = factor;
        this.upper = upper;
    }

    @Override
    double compute(Bar bar) {
        double offset = width.value() * factor;
        return upper ? middle.value() + offset : middle.value() - offset;
    }

    @Override
    public int unstableBars() {
        return Math.max(middle.unstableBars(), width.unstableBars());
    }
}
