package dev.quorum.app.cli;

import java.io.PrintWriter;
import java.util.Map;

import dev.quorum.api.Bar;
import dev.quorum.api.BarStream;

/**
 * Stored bars at a set pace (bars per second of wall time; 0 for as fast as the engine goes), with a status line every
 * few bars when asked. A replay or a paper session reads the stored candles through it.
 */
final class PacedBars implements BarStream {
    private final BarStream bars;
    private final long nanosPerBar;
    private final int statusEvery;
    private final PrintWriter out;
    private final Map<String, String> votes;
    private final long start = System.nanoTime();
    private long count;
    private Bar last;

    PacedBars(BarStream bars, double speed, int statusEvery, PrintWriter out, Map<String, String> votes) {
        this.bars = bars;
        this.nanosPerBar = speed == 0 ? 0 : (long) (1e9 / speed);
        this.statusEvery = statusEvery;
        this.out = out;
        this.votes = votes;
    }

    @Override
    public boolean hasNext() {
        return bars.hasNext();
    }

    @Override
    public Bar next() {
        if (statusEvery > 0 && count > 0 && count % statusEvery == 0) {
            out.println(last.closeTime() + "  " + count + " bars" + (votes.isEmpty() ? "" : "  " + new java.util.TreeMap<>(votes)));
            out.flush();
        }
        long due = start + count * nanosPerBar;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("replay interrupted", e);
            }
        }
        count++;
        last = bars.next();
        return last;
    }

    @Override
    public void close() {
        bars.close();
    }
}
