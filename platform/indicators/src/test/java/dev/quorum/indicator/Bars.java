package dev.quorum.indicator;

import java.time.Instant;
import java.util.SplittableRandom;

import dev.quorum.api.Bar;
import dev.quorum.api.Timeframe;

/** Synthetic 1-minute bars: a deterministic random walk, for tests that need many bars. */
final class Bars {

    private final SplittableRandom random;
    private long minute;
    private double close = 100;

    Bars(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next bar, one minute after the previous one. */
    Bar next() {
        double open = close;
        close = Math.max(1, open * (1 + 0.002 * (random.nextDouble() - 0.5)));
        double high = Math.max(open, close) * (1 + 0.001 * random.nextDouble());
        double low = Math.min(open, close) * (1 - 0.001 * random.nextDouble());
        double volume = random.nextInt(10) == 0 ? 0 : random.nextDouble() * 50;
        return new Bar("SYN-USD", Timeframe.M1, Instant.ofEpochSecond(60 * minute++), open, high, low, close, volume);
    }

    /** The next {@code n} bars. */
    Bar[] next(int n) {
        Bar[] bars = new Bar[n];
        for (int i = 0; i < n; i++) {
            bars[i] = next();
        }
        return bars;
    }
}
