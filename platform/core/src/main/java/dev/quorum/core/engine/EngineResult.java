package dev.quorum.core.engine;

import java.time.Instant;
import java.util.List;

/**
 * What a run did, apart from its trades (which are in the journal).
 *
 * @param bars        bars processed
 * @param firstBar    open time of the first bar, null when there were none
 * @param lastBar     close time of the last bar, null when there were none
 * @param trades      trades closed
 * @param entriesBlocked entries the risk chain rejected
 * @param finalEquity equity after the last bar and the end-of-data exits (of a stopped run: with its positions open, marked
 *                    to the last closes)
 * @param bots        each bot's signals, errors and suspension
 * @param stoppedAt   for a run stopped part-way ({@link RunStop}), the close time of the last bar it processed; null for a
 *                    run that went to the end of its data
 */
public record EngineResult(long bars, Instant firstBar, Instant lastBar, long trades, long entriesBlocked,
                           double finalEquity, List<BotReport> bots, Instant stoppedAt) {

    /** @return whether the run stopped part-way (resumable) rather than at the end of its data */
    public boolean stopped() {
        return stoppedAt != null;
    }

    /** Copies. */
    public EngineResult {
        bots = List.copyOf(bots);
    }
}
