package dev.quorum.indicator;

import dev.quorum.api.Bar;

/**
 * The directional index, the input of the ADX, as ta4j's {@code DXIndicator}:
 *
 * <pre>
 * DX = |+DI − −DI| / (+DI + −DI) · 100        0 where +DI + −DI &lt; 1e-5
 * </pre>
 *
 * <p>The threshold is ta4j's: it tests the sum for zero with {@code DoubleNum.equals}, whose
 * tolerance is 1e-5. As the DIs are percentages, that is a dimensionless cut (DIs below 1e-5 %
 * are no directional movement, and their ratio is noise), kept so the ADX equals ta4j's; the
 * real candles reach it after long flat stretches. Unstable as the directional indices.
 */
final class Dx extends Node {

    /** ta4j's {@code DoubleNum} equality tolerance, below which the DI sum counts as 0. */
    static final double ZERO = 1e-5;

    private final Node plus;
    private final Node minus;

    Dx(String name, Node plus, Node minus) {
        super(name);
        this.plus = plus;
        this.minus = minus;
    }

    @Override
    double compute(Bar bar) {
        double p = plus.value();
        double m = minus.value();
        double sum = p + m;
        if (Math.abs(sum) < ZERO) {
            return 0;
        }
        return Math.abs(p - m) / sum * 100;
    }

    @Override
    public int unstableBars() {
        return Math.max(plus.unstableBars(), minus.unstableBars());
    }
}
