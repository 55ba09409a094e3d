package dev.quorum.core.data;

import java.time.Instant;
import java.util.function.Consumer;

import dev.quorum.api.Bar;
import dev.quorum.api.Timeframe;

/**
 * Builds the bars of a higher timeframe from base bars of one symbol, incrementally: O(1) per base
 * bar, one bar of state. Buckets are aligned to the UTC epoch (a 15m bar covers :00–:15, :15–:30 …;
 * 1h and 4h bars start at whole hours counted from midnight UTC; 1d at midnight UTC; 1w on Monday
 * 00:00 UTC). A bucket's bar has the first open, the highest high, the lowest low, the last close
 * and the summed volume of the base bars in it.
 *
 * <p><b>When a bar is complete.</b> A bucket {@code [T, T + tf)} is emitted as soon as the engine
 * clock reaches {@code T + tf}: on the base bar that closes at {@code T + tf}, or, if that base bar is
 * missing from the data (a gap), on the first base bar after the bucket, before that bar starts the
 * next bucket. So a strategy never sees a bar that is still forming, and sees a complete one no later
 * than the data allows. A bucket with no base bar at all produces no bar (nothing is invented); the
 * bucket still forming when the data ends is never emitted.
 */
public final class BarAggregator {

    private static final long MONDAY_1970_01_05 = 4L * 86_400;
    private static final long WEEK = 7L * 86_400;

    private final String symbol;
    private final Timeframe timeframe;
    private final long seconds;
    private final long alignment;
    private long bucketStart = Long.MIN_VALUE;
    private double open;
    private double high;
    private double low;
    private double close;
    private double volume;

    /**
     * @param symbol    the instrument of the base bars
     * @param base      the base timeframe
     * @param timeframe the timeframe to build, a whole multiple of {@code base} and longer than it
     * @throws IllegalArgumentException if {@code timeframe} cannot be built from {@code base}
     */
    public BarAggregator(String symbol, Timeframe base, Timeframe timeframe) {
        long b = base.duration().getSeconds();
        long t = timeframe.duration().getSeconds();
        if (t <= b || t % b != 0) {
            throw new IllegalArgumentException(timeframe + " bars cannot be built from " + base
                    + " bars: a higher timeframe must be a whole multiple of the base one");
        }
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.seconds = t;
        this.alignment = t % WEEK == 0 ? MONDAY_1970_01_05 : 0;
    }

    /** @return the timeframe this aggregator builds */
    public Timeframe timeframe() {
        return timeframe;
    }

    /**
     * Adds the next base bar (in time order) and hands every bucket it completes to {@code closed}:
     * none, the previous bucket (this bar starts a new one after a gap), this bar's own bucket (it is
     * the bucket's last bar), or both, in time order.
     *
     * @param bar    the next base bar of the symbol
     * @param closed receives each completed higher-timeframe bar
     */
    public void add(Bar bar, Consumer<Bar> closed) {
        long open = bar.openTime().getEpochSecond();
        long start = Math.floorDiv(open - alignment, seconds) * seconds + alignment;
        if (start != bucketStart) {
            if (bucketStart != Long.MIN_VALUE) {
                closed.accept(current());
            }
            bucketStart = start;
            this.open = bar.open();
            high = bar.high();
            low = bar.low();
            volume = 0;
        } else {
            high = Math.max(high, bar.high());
            low = Math.min(low, bar.low());
        }
        close = bar.close();
        volume += bar.volume();
        if (bar.closeTime().getEpochSecond() == start + seconds) {
            closed.accept(current());
            bucketStart = Long.MIN_VALUE;
        }
    }

    private Bar current() {
        return new Bar(symbol, timeframe, Instant.ofEpochSecond(bucketStart), open, high, low, close, volume);
    }
}
