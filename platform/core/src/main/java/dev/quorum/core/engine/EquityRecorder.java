package dev.quorum.core.engine;


import dev.quorum.api.Bar;
import dev.quorum.api.Timeframe;
import dev.quorum.core.portfolio.Portfolio;

/**
 * Samples the portfolio into the equity curve at {@code engine.equityResolution}: one point per
 * epoch-aligned bucket of that length (a base bar belongs to the bucket its open time falls in), taken
 * after the last base bar of the bucket (of any symbol) has been processed and stamped with that bar's
 * close time. The last bucket's point is the final point, taken after the end-of-data exits. A bucket
 * without bars (a gap in the data) has no point. The bots' signal counts of the bucket go to the sink right
 * after its point, with the same stamp.
 */
final class EquityRecorder {

    private final long resolutionSeconds;
    private final RunSink sink;
    private final SignalTally signals;
    private long bucket = Long.MIN_VALUE;
    // the current bucket as epoch seconds [start, end): a bar inside it needs no division
    private long bucketStart = Long.MAX_VALUE;
    private long bucketEnd = Long.MIN_VALUE;
    private Timeframe checkedTimeframe;
    private Bar lastBar;

    /**
     * @param resolution the bucket length, a whole multiple of the base timeframe
     * @param sink       where the points go
     * @param signals      the bots' signal counts, drained into the sink with each point
     */
    EquityRecorder(Timeframe resolution, RunSink sink, SignalTally signals) {
        this.resolutionSeconds = resolution.duration().getSeconds();
        this.sink = sink;
        this.signals = signals;
    }

    /**
     * Called before a base bar is processed: if it opens a new bucket, the previous bucket has ended and
     * its point (the portfolio as the previous bar left it) is recorded.
     *
     * @param bar       the bar about to be processed
     * @param portfolio the portfolio
     */
    void beforeBar(Bar bar, Portfolio portfolio) {
        long open = bar.openTime().getEpochSecond();
        if (open >= bucketStart && open < bucketEnd && bar.timeframe() == checkedTimeframe) {
            lastBar = bar; // the same bucket: the per-bar path, kept small to inline
            return;
        }
        newBucket(bar, open, portfolio);
    }

    private void newBucket(Bar bar, long open, Portfolio portfolio) {
        if (bar.timeframe() != checkedTimeframe) {
            long seconds = bar.timeframe().duration().getSeconds();
            if (resolutionSeconds % seconds != 0) {
                throw new IllegalArgumentException("engine.equityResolution (" + resolutionSeconds + "s) is not a whole multiple"
                        + " of the base timeframe " + bar.timeframe());
            }
            checkedTimeframe = bar.timeframe();
        }
        if (open < bucketStart || open >= bucketEnd) {
            long b = Math.floorDiv(open, resolutionSeconds);
            if (lastBar != null && b != bucket) {
                record(portfolio);
            }
            bucket = b;
            bucketStart = b * resolutionSeconds;
            bucketEnd = bucketStart + resolutionSeconds;
        }
        lastBar = bar; // its close time is computed only when a point is taken
    }

    /**
     * Records the final point, after the end-of-data exits; nothing if no bar was processed.
     *
     * @param portfolio the portfolio
     */
    void finish(Portfolio portfolio) {
        if (lastBar != null) {
            record(portfolio);
        }
    }

    private void record(Portfolio portfolio) {
        java.time.Instant time = lastBar.closeTime();
        sink.onEquity(portfolio.point(time));
        signals.drain(time, sink);
    }
}
