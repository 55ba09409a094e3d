package dev.quorum.indicator;

import dev.quorum.api.Bar;

/**
 * The true range, as ta4j's {@code TRIndicator}:
 *
 * <pre>
 * TR[t] = max(high − low, |high − close[t − 1]|, |close[t − 1] − low|)        TR[0] = high − low
 * </pre>
 *
 * Unstable bars: 1.
 */
final class TrueRange extends Node {

    private double lastClose = Double.NaN;

    TrueRange() {
        super("tr");
    }

    @Override
    double compute(Bar bar) {
        double before = lastClose;
        lastClose = bar.close();
        double range = Math.abs(bar.high() - bar.low());
        if (bars() == 0) {
            return range;
        }
        return Math.max(Math.max(range, Math.abs(bar.high() - before)), Math.abs(before - bar.low()));
    }

    @Override
    public int unstableBars() {
        return 1;
    }
}
