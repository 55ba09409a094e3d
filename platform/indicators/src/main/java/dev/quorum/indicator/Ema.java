package dev.quorum.indicator;

import dev.quorum.api.Bar;

/**
 * Exponential moving average of an input, in ta4j 0.24.1's {@code AbstractEMAIndicator} form:
 *
 * <pre>
 * EMA[t] = NaN                                   for t &lt; n
 * EMA[t] = x[t]                                  if EMA[t − 1] is NaN (the seed; first at t = n)
 * EMA[t] = EMA[t − 1] + (x[t] − EMA[t − 1]) · α   otherwise; NaN where x[t] is NaN
 * </pre>
 *
 * <p>with {@code α = 2 / (n + 1)} ({@link #exponential}) or Wilder's {@code α = 1 / n}
 * ({@link #wilder}, ta4j's {@code MMAIndicator}, used by RSI, ATR and ADX). The first {@code n}
 * bars are NaN and the first value is the input of bar {@code n} itself (not an SMA seed), exactly
 * as ta4j, so the values equal ta4j's from there on. {@link #unstableBars()} is later: when the
 * seed's weight has decayed below {@link Decay#EPSILON} (see {@link Decay}).
 */
final class Ema extends Node {

    private final Node input;
    private final int period;
    private final double alpha;
    private final int unstableBars;

    private Ema(String name, Node input, int period, double alpha, int unstableBars) {
        super(name + "(" + input + ", " + period + ")");
        this.input = input;
        this.period = period;
        this.alpha = alpha;
        this.unstableBars = unstableBars;
    }

    /**
     * An EMA with {@code α = 2 / (n + 1)}.
     *
     * @param input        the input, stable or not
     * @param period       n
     * @param unstableBars its unstable period (see {@link Decay})
     * @return the node
     */
    static Ema exponential(Node input, int period, int unstableBars) {
        return new Ema("ema", input, period, 2.0 / (period + 1), unstableBars);
    }

    /**
     * Wilder's moving average, {@code α = 1 / n}.
     *
     * @param input        the input
     * @param period       n
     * @param unstableBars its unstable period (see {@link Decay})
     * @return the node
     */
    static Ema wilder(Node input, int period, int unstableBars) {
        return new Ema("mma", input, period, 1.0 / period, unstableBars);
    }

    /** {@code 1 − α}: how much of the previous value survives a bar. */
    double pole() {
        return 1 - alpha;
    }

    /** The bar index of the seed when the input is defined from the first bar: {@code n}. */
    int period() {
        return period;
    }

    @Override
    double compute(Bar bar) {
        if (bars() < period) {
            return Double.NaN;
        }
        double x = input.value();
        if (!Double.isFinite(x)) {
            return Double.NaN;
        }
        double previous = value();
        if (!Double.isFinite(previous)) {
            return x;
        }
        return previous + (x - previous) * alpha;
    }

    @Override
    public int unstableBars() {
        return unstableBars;
    }
}
