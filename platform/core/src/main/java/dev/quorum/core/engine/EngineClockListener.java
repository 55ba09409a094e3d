package dev.quorum.core.engine;

import java.time.Instant;

/**
 * Work scheduled on the engine clock of a run (the daily report): woken at the first bar that closes at or
 * after {@link #nextWakeUp()}, with everything up to that bar already written to the store. A listener
 * that throws is logged and woken again at its next wake-up; it never stops the run.
 */
public interface EngineClockListener {

    /**
     * @return when to wake next, in engine time; {@link Instant#MAX} for never
     */
    Instant nextWakeUp();

    /**
     * The engine clock reached the wake-up time.
     *
     * @param runId the run
     * @param now   the close time of the bar just processed
     */
    void onClock(long runId, Instant now);

    /**
     * The run has finished and is stored as FINISHED.
     *
     * @param runId    the run
     * @param lastBar  the close time of its last bar; null if it processed none
     */
    default void onRunEnd(long runId, Instant lastBar) {
    }
}
