package dev.quorum.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.quorum.api.Direction;

/**
 * Counts each bot's LONG and SHORT signals, bar by bar, and hands the counts of each bucket of the equity
 * curve to the sink when the bucket's point is taken.
 */
final class SignalTally {

    private final String[] bots;
    private final long[] longs;
    private final long[] shorts;

    SignalTally(String[] bots) {
        this.bots = bots.clone();
        this.longs = new long[bots.length];
        this.shorts = new long[bots.length];
    }

    void count(int bot, Direction direction) {
        if (direction == Direction.LONG) {
            longs[bot]++;
        } else if (direction == Direction.SHORT) {
            shorts[bot]++;
        }
    }

    /**
     * Hands the bucket's counts to the sink and starts the next bucket at zero.
     *
     * @param time the bucket's stamp
     * @param sink where they go
     */
    void drain(Instant time, RunSink sink) {
        List<SignalCount> counts = null;
        for (int i = 0; i < bots.length; i++) {
            if (longs[i] != 0 || shorts[i] != 0) {
                if (counts == null) {
                    counts = new ArrayList<>();
                }
                counts.add(new SignalCount(time, bots[i], longs[i], shorts[i]));
                longs[i] = 0;
                shorts[i] = 0;
            }
        }
        if (counts != null) {
            sink.onSignals(counts);
        }
    }
}
