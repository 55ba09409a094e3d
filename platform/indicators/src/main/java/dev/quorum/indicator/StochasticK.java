package dev.quorum.indicator;

import dev.quorum.api.Bar;

/**
 * The stochastic oscillator's %K, as ta4j's {@code StochasticOscillatorKIndicator}:
 *
 * <pre>
 * %K = (close − lowest low) / (highest high − lowest low) · 100        over the last n bars
 * </pre>
 *
 * <p>NaN for the first {@code n − 1} bars (ta4j uses the partial window there) and, as ta4j's
 * {@code DoubleNum} division by zero, on a bar whose window is flat (highest high = lowest low).
 * Unstable bars {@code n − 1}.
 */
final class StochasticK extends Node {

    private final Node close;
    private final Extreme highestHigh;
    private final Extreme lowestLow;

    StochasticK(String name, Node close, Extreme highestHigh, Extreme lowestLow) {
        super(name);
        this.close = close;
        this.highestHigh = highestHigh;
        this.lowestLow = lowestLow;
    }

    @Override
    double compute(Bar bar) {
        double high = highestHigh.value();
        double low = lowestLow.value();
        double range = high - low;
        if (range == 0) {
            return Double.NaN;
        }
        return (close.value() - low) / range * 100;
    }

    @Override
    public int unstableBars() {
        return Math.max(highestHigh.unstableBars(), lowestLow.unstableBars());
    }
}
