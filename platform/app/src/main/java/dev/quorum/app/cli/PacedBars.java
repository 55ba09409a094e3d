package dev.quorum.app.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;

import dev.quorum.api.Bar;
import dev.quorum.api.BarStream;

/**
 * Bars at a set pace (bars per second of wall time; 0 for as fast as they come), with a status line every few bars
 * when asked. A replay or a paper session reads its bars through it. Bars closing by a given time (what a resumed run
 * replays to rebuild its state) pass unpaced; the pace starts with the first bar after it.
 */
final class PacedBars implements BarStream {
    private final BarStream bars;
    private final long nanosPerBar;
    private final int statusEvery;
    private final PrintWriter out;
    private final Map<String, String> votes;
    private final Instant unpacedUntil;
    private long start = Long.MIN_VALUE;
    private long count;
    private long paced;
    private Bar last;

    PacedBars(BarStream bars, double speed, int statusEvery, PrintWriter out, Map<String, String> votes) {
        this(bars, speed, statusEvery, out, votes, null);
    }

    /**
     * @param unpacedUntil bars closing at or before this pass at once; null to pace every bar
     */
    PacedBars(BarStream bars, double speed, int statusEvery, PrintWriter out, Map<String, String> votes, Instant unpacedUntil) {
        this.bars = bars;
        this.nanosPerBar = speed == 0 ? 0 : (long) (1e9 / speed);
        this.statusEvery = statusEvery;
        this.out = out;
        this.votes = votes;
        this.unpacedUntil = unpacedUntil;
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
        Bar bar = bars.next();
        if (unpacedUntil == null || bar.closeTime().isAfter(unpacedUntil)) {
            if (start == Long.MIN_VALUE) {
                start = System.nanoTime();
            }
            long wait = start + paced * nanosPerBar - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("replay interrupted", e);
                }
            }
            paced++;
        }
        count++;
        last = bar;
        return last;
    }

    @Override
    public void close() {
        bars.close();
    }
}
