package dev.quorum.core.engine;

import java.time.Instant;

/** Told every so many bars how far a run has come. */
@FunctionalInterface
public interface ProgressListener {

    /** Does nothing. */
    ProgressListener NONE = (bars, time) -> { };

    /**
     * @param barsProcessed bars so far
     * @param engineTime    the engine clock
     */
    void progress(long barsProcessed, Instant engineTime);
}
