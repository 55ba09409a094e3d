package dev.quorum.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

import dev.quorum.api.Bar;
import dev.quorum.api.Timeframe;

/**
 * The benchmark's bars: a seeded random walk of 1-minute bars, the same for every run and both
 * engines. Each close is the previous close times exp(r), r normal with mean 0 and standard
 * deviation 0.1% (about Bitcoin's 1-minute volatility in the embedded 2018 candles); the open is
 * the previous close; high and low extend the body by a half-normal 0.05%; volume is log-normal.
 * Bars are consecutive (no gaps), starting 2020-01-01T00:00Z at 10,000. {@link #stream(String, int, long, double)}
 * walks the same way from another seed and start price (the report benchmark's three symbols).
 */
final class RandomWalk {

    static final long SEED = 20_201_123L;
    static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    private RandomWalk() {
    }

    /** All bars in a list (what ta4j's series is built from). */
    static List<Bar> bars(String symbol, int count) {
        List<Bar> bars = new ArrayList<>(count);
        stream(symbol, count).forEachRemaining(bars::add);
        return bars;
    }

    /** The same bars generated one at a time, so a run over them holds none of them. */
    static Iterator<Bar> stream(String symbol, int count) {
        return stream(symbol, count, SEED, 10_000);
    }

    /**
     * The same walk from another seed and start price, one bar at a time.
     *
     * @param symbol     the bars' symbol
     * @param count      how many bars, from {@link #START}
     * @param seed       the generator's seed
     * @param startPrice the first bar's open
     * @return the bars
     */
    static Iterator<Bar> stream(String symbol, int count, long seed, double startPrice) {
        return new Iterator<>() {
            private final SplittableRandom random = new SplittableRandom(seed);
            private double close = startPrice;
            private int i;

            @Override
            public boolean hasNext() {
                return i < count;
            }

            @Override
            public Bar next() {
                if (i >= count) {
                    throw new NoSuchElementException();
                }
                double open = close;
                close = open * StrictMath.exp(0.001 * gaussian(random));
                double high = Math.max(open, close) * (1 + 0.0005 * Math.abs(gaussian(random)));
                double low = Math.min(open, close) * (1 - 0.0005 * Math.abs(gaussian(random)));
                double volume = 10 * StrictMath.exp(gaussian(random));
                return new Bar(symbol, Timeframe.M1, START.plusSeconds(60L * i++), open, high, low, close, volume);
            }
        };
    }

    /** Box–Muller on the seeded generator (java.util.Random's nextGaussian is not on SplittableRandom before 17 everywhere). */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
    }
}
