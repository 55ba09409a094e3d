package dev.quorum.indicator;

import dev.quorum.api.Bar;

/**
 * Wilder's directional movement, as ta4j's {@code PlusDMIndicator} and {@code MinusDMIndicator}:
 * with {@code up = high − high[t − 1]} and {@code down = low[t − 1] − low},
 *
 * <pre>
 * +DM = up   if up &gt; down and up &gt; 0,   else 0
 * −DM = down if down &gt; up and down &gt; 0, else 0        both 0 at t = 0
 * </pre>
 *
 * Unstable bars: 1.
 */
final class DirectionalMovement extends Node {

    private final boolean plus;
    private double lastHigh = Double.NaN;
    private double lastLow = Double.NaN;

    DirectionalMovement(boolean plus) {
        super(plus ? "+dm" : "-dm");
        this.plus = plus;
    }

    @Override
    double compute(Bar bar) {
        double high = lastHigh;
        double low = lastLow;
        lastHigh = bar.high();
        lastLow = bar.low();
        if (bars() == 0) {
            return 0;
        }
        double up = bar.high() - high;
        double down = low - bar.low();
        if (plus) {
            return up > down && up > 0 ? up : 0;
        }
        return down > up && down > 0 ? down : 0;
    }

    @Override
    public int unstableBars() {
        return 1;
    }
}
