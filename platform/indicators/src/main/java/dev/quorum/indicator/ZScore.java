package dev.quorum.indicator;

import dev.quorum.api.Bar;

/**
 * The z-score of the close over the last {@code n} bars, as ta4j's {@code ZScoreIndicator} with
 * the deviation {@code close − SMA(n)} and the population {@link StdDev}:
 *
 * <pre>
 * z = (close − SMA) / σ
 * </pre>
 *
 * <p>NaN for the first {@code n − 1} bars and, as ta4j, where σ is 0 (a flat window). The SMA is
 * {@link Sma}'s running sum, rounded exactly as ta4j's, and σ is accurate to a few ulps; in a nearly
 * flat window (σ a few ticks of a price of thousands) the rounding of the running sum, divided by
 * σ, reaches about 1e-9 of z (ta4j's own z-score is off from exact by as much there, and this
 * equals it). Unstable bars {@code n − 1}, up to that rounding.
 */
final class ZScore extends Node {

    private final Node close;
    private final Node mean;
    private final Node deviation;

    ZScore(String name, Node close, Node mean, Node deviation) {
        super(name);
        this.close = close;
        this.mean = mean;
        this.deviation = deviation;
    }

    @Override
    double compute(Bar bar) {
        double sigma = deviation.value();
        if (Double.isNaN(sigma) || sigma == 0) {
            return Double.NaN;
        }
        return (close.value() - mean.value()) / sigma;
    }

    @Override
    public int unstableBars() {
        return Math.max(mean.unstableBars(), deviation.unstableBars());
    }
}
