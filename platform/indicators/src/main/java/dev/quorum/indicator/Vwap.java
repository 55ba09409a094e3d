package dev.quorum.indicator;

import dev.quorum.api.Bar;

/**
 * Volume-weighted average price over the last {@code n} bars, as ta4j's {@code VWAPIndicator}:
 *
 * <pre>
 * VWAP = Σ typical·volume / Σ volume        typical = (high + low + close) / 3
 * </pre>
 *
 * <p>O(1) per bar with two {@link CompensatedSum}s (the new bar added, the old one removed, exact
 * products), so the sums do not drift however long it runs. NaN for the first {@code n − 1} bars
 * and, as ta4j, when no bar of the window traded (all volumes 0). Unstable bars {@code n − 1}.
 */
final class Vwap extends Node {

    private final Node typical;
    private final int period;
    private final double[] prices;
    private final double[] volumes;
    private final CompensatedSum weighted = new CompensatedSum();
    private final CompensatedSum volume = new CompensatedSum();
    private int next;
    private long count;
    private int traded;

    Vwap(Node typical, int period) {
        super("vwap(" + period + ")");
        this.typical = typical;
        this.period = period;
        this.prices = new double[period];
        this.volumes = new double[period];
    }

    @Override
    double compute(Bar bar) {
        double p = typical.value();
        double v = bar.volume();
        if (count >= period) {
            double oldVolume = volumes[next];
            if (oldVolume > 0) {
                weighted.subtractProduct(prices[next], oldVolume);
                volume.add(-oldVolume);
                traded--;
            }
        }
        if (v > 0) {
            weighted.addProduct(p, v);
            volume.add(v);
            traded++;
        }
        if (traded == 0) {
            weighted.clear();
            volume.clear();
        }
        prices[next] = p;
        volumes[next] = v;
        next = next + 1 == period ? 0 : next + 1;
        count++;
        if (count < period || traded == 0) {
            return Double.NaN;
        }
        return weighted.value() / volume.value();
    }

    @Override
    public int unstableBars() {
        return typical.unstableBars() + period - 1;
    }

    @Override
    int retainedValues() {
        return prices.length + volumes.length;
    }
}
