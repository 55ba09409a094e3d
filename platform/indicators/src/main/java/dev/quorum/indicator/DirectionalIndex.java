package dev.quorum.indicator;

import dev.quorum.api.Bar;

/**
 * +DI or −DI, as ta4j's {@code PlusDIIndicator} and {@code MinusDIIndicator}:
 *
 * <pre>
 * DI = MMA(DM, n) / ATR(n) · 100        0 where ATR &lt; min(1e-5, 1e-7 · close)
 * </pre>
 *
 * <p>Both Wilder averages are NaN for the first {@code n} bars and seeded at bar {@code n}, so the
 * first value is at bar {@code n}, equal to ta4j's.
 *
 * <p>The zero test: ta4j tests the ATR for zero with {@code DoubleNum.equals}, whose absolute
 * tolerance is 1e-5. In a flat stretch the ATR decays towards 0 without reaching it, so that
 * tolerance is what turns the DIs (and then DX and the ADX) to 0 there; the real BTC-USD candles
 * reach it. An absolute 1e-5 would also zero the DIs of any instrument priced under about a cent,
 * whose ATR is always that small, so the threshold here is ta4j's for closes of 100 and more and
 * shrinks with the close below that. Unstable bars: where the seeds' weight (counted twice, for
 * the ratio) falls below {@link Decay#EPSILON}.
 */
final class DirectionalIndex extends Node {

    private final Ema averageMovement;
    private final Ema atr;
    private final int unstableBars;

    DirectionalIndex(String name, Ema averageMovement, Ema atr) {
        super(name);
        this.averageMovement = averageMovement;
        this.atr = atr;
        this.unstableBars = atr.period() + Decay.afterSeed(atr.pole(), 2);
    }

    @Override
    double compute(Bar bar) {
        double range = atr.value();
        if (range < Math.min(Dx.ZERO, 1e-7 * bar.close())) {
            return 0;
        }
        return averageMovement.value() / range * 100;
    }

    @Override
    public int unstableBars() {
        return unstableBars;
    }
}
