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
 * @param finalEquity equity after the last bar and the end-of-data exits
 * @param bots        each bot's signals, errors and suspension
 */
public record EngineResult(long bars, Instant firstBar, Instant lastBar, long trades, long entriesBlocked,
                           double finalEquity, List<BotReport> bots) {

    /** Copies. */
    public EngineResult {
        bots = List.copyOf(bots);
    }
}
