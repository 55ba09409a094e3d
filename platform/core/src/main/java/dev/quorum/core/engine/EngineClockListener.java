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
     * The engine clock reached the wake-up time while a resumed run replays the bars it processed before it stopped
     * ({@link BacktestRunner#resume}): the work due then was done when the run first passed here, so catch up on your
     * own state (what is done, when to wake next) without doing it again. The default does nothing.
     *
     * @param runId the run
     * @param now   the close time of the bar just replayed
     */
    default void onClockReplayed(long runId, Instant now) {
    }

    /**
     * The run has finished and is stored as FINISHED.
     *
     * @param runId    the run
     * @param lastBar  the close time of its last bar; null if it processed none
     */
    default void onRunEnd(long runId, Instant lastBar) {
    }
}
