package dev.quorum.indicator;

import dev.quorum.api.Bar;

/**
 * On-balance volume, as ta4j's {@code OnBalanceVolumeIndicator}:
 *
 * <pre>
 * OBV[0] = 0
 * OBV[t] = OBV[t − 1] + volume   if close &gt; close[t − 1]
 *        = OBV[t − 1] − volume   if close &lt; close[t − 1]
 *        = OBV[t − 1]            otherwise
 * </pre>
 *
 * <p>Cumulative from the first bar this library saw: its level depends on that start, its changes
 * do not. Unstable bars 0, as ta4j.
 */
final class Obv extends Node {

    private double lastClose = Double.NaN;

    Obv() {
        super("obv");
    }

    @Override
    double compute(Bar bar) {
        double before = lastClose;
        lastClose = bar.close();
        if (bars() == 0) {
            return 0;
        }
        double obv = value();
        if (before > bar.close()) {
            return obv - bar.volume();
        }
        if (before < bar.close()) {
            return obv + bar.volume();
        }
        return obv;
    }

    @Override
    public int unstableBars() {
        return 0;
    }
}
