package dev.quorum.core.engine;

import java.time.Instant;

/**
 * When a run stops part-way, leaving it STOPPED and resumable ({@link BacktestRunner#resume}): at a set engine time
 * ({@code backtest --stop-at}), or when asked (a paper session shut down). A run stops only between bars of different
 * close times, so that every bar closing at the stop time, of every symbol, has been processed; what it produced up to
 * there is stored and its open positions stay open.
 */
public final class RunStop {

    private static final RunStop NEVER = new RunStop(null);

    private final Instant at;
    private volatile boolean requested;
    private volatile boolean cut;
    // with a parent: this is the parent held off until after a time (a resumed run replaying up to its stop)
    private final RunStop parent;
    private final long notBeforeSecond;

    private RunStop(Instant at) {
        this.at = at;
        this.parent = null;
        this.notBeforeSecond = Long.MIN_VALUE;
    }

    private RunStop(RunStop parent, Instant after) {
        this.at = null;
        this.parent = parent;
        this.notBeforeSecond = after.getEpochSecond();
    }

    /** @return a stop that never comes: the run goes to the end of its data */
    public static RunStop never() {
        return NEVER;
    }

    /**
     * @param time an engine time
     * @return a stop after the last bar closing at or before {@code time}
     */
    public static RunStop at(Instant time) {
        return new RunStop(java.util.Objects.requireNonNull(time, "time"));
    }

    /** @return a stop that comes when {@link #request()} is called (from any thread) */
    public static RunStop onRequest() {
        return new RunStop(null);
    }

    /** @return the engine time it stops at, if it is a stop at a set time */
    public java.util.Optional<Instant> time() {
        return parent != null ? parent.time() : java.util.Optional.ofNullable(at);
    }

    /**
     * @param time an engine time
     * @return this stop, except that it does not come before a bar closing after {@code time}: a resumed run must not
     *         stop while it replays what it did before it stopped
     */
    RunStop onlyAfter(Instant time) {
        return this == NEVER ? NEVER : new RunStop(this, time);
    }

    /** Asks the run to stop after the bars closing at the same time as the one it is processing. */
    public void request() {
        if (parent != null) {
            parent.request();
            return;
        }
        if (this == NEVER) {
            throw new IllegalStateException("RunStop.never() cannot be requested; use RunStop.onRequest()");
        }
        requested = true;
    }

    /**
     * @param nextClose the close time (epoch seconds) of the bar the engine is about to process
     * @param lastClose the close time of the last bar it processed, or {@link Long#MIN_VALUE} for none
     * @return whether to stop before that bar
     */
    boolean before(long nextClose, long lastClose) {
        if (parent != null) {
            return nextClose > notBeforeSecond && parent.before(nextClose, lastClose);
        }
        if (at != null && nextClose > at.getEpochSecond()) {
            return true;
        }
        return requested && lastClose != Long.MIN_VALUE && nextClose > lastClose;
    }

    /**
     * Whether a source that is waiting for its next bar may end the stream now, after a bar closing at {@code lastClose}:
     * a stop was asked for, or the stop time has been reached, and the run is past anything it must not stop before.
     *
     * @param lastClose the close of the last bar processed, epoch seconds; {@code Long.MIN_VALUE} for none yet
     * @return whether the run may stop there
     */
    boolean mayCut(long lastClose) {
        if (parent != null) {
            return lastClose >= notBeforeSecond && parent.mayCut(lastClose);
        }
        return lastClose != Long.MIN_VALUE && (requested || at != null && lastClose >= at.getEpochSecond());
    }

    /** A source ended the stream early because of this stop ({@link #mayCut}): the run stops at its last bar. */
    void cut() {
        cut = true;
    }

    /** @return whether a source ended the stream early because of this stop */
    boolean wasCut() {
        return cut;
    }

    /** @return whether a stop was asked for with {@link #request()} */
    boolean requested() {
        return parent != null ? parent.requested() : requested;
    }

    @Override
    public String toString() {
        if (parent != null) {
            return parent + " (not before " + Instant.ofEpochSecond(notBeforeSecond) + ")";
        }
        return at != null ? "stop at " + at : this == NEVER ? "no stop" : requested ? "stop requested" : "stop on request";
    }
}
