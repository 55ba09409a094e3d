package dev.quorum.indicator;

import dev.quorum.api.Bar;

/**
 * Wilder's relative strength index, as ta4j's {@code RSIIndicator}:
 *
 * <pre>
 * RS  = MMA(gain, n) / MMA(loss, n)
 * RSI = 100 − 100 / (1 + RS)        100 if MMA(loss) = 0 (0 if MMA(gain) = 0 too)
 * </pre>
 *
 * <p>Both averages are Wilder's ({@link Ema#wilder}), NaN for the first {@code n} bars and seeded
 * with the gain and the loss of bar {@code n}; the RSI's first value is at bar {@code n}, equal to
 * ta4j's. Unstable bars: where the seeds' weight {@code (1 − 1/n)^(t − n)} (counted twice, for the
 * ratio) falls below {@link Decay#EPSILON}.
 */
final class Rsi extends Node {

    private final Ema averageGain;
    private final Ema averageLoss;
    private final int unstableBars;

    Rsi(Ema averageGain, Ema averageLoss) {
        super("rsi(" + averageGain.period() + ")");
        this.averageGain = averageGain;
        this.averageLoss = averageLoss;
        this.unstableBars = averageGain.period() + Decay.afterSeed(averageGain.pole(), 2);
    }

    @Override
    double compute(Bar bar) {
        double gain = averageGain.value();
        double loss = averageLoss.value();
        if (Double.isNaN(gain) || Double.isNaN(loss)) {
            return Double.NaN;
        }
        if (loss == 0) {
            return gain == 0 ? 0 : 100;
        }
        return 100 - 100 / (1 + gain / loss);
    }

    @Override
    public int unstableBars() {
        return unstableBars;
    }
}
