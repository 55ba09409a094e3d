package dev.quorum.core.journal;

import java.time.Instant;
import java.util.List;

/**
 * A run as stored.
 *
 * @param id             the run id
 * @param kind           backtest, …
 * @param status         RUNNING, FINISHED, STOPPED (part-way, resumable), RESUMING (replaying up to its stop) or FAILED
 * @param configSha256   hash of the effective configuration
 * @param symbols        the instruments
 * @param timeframe      the base timeframe
 * @param from           requested start
 * @param to             requested end (exclusive)
 * @param initialCash    starting cash
 * @param firstBar       open time of the first bar processed, null if none
 * @param lastBar        close time of the last bar processed, null if none
 * @param bars           bars processed
 * @param finalEquity    equity at the end
 * @param entriesBlocked entries the risk chain rejected
 * @param tradeLogSha256 hash of the canonical trade log
 * @param error          why it failed (or why its resumption did), empty otherwise
 * @param stoppedAt      for a STOPPED run, the close time of the last bar it processed; else null
 */
public record RunRecord(long id, String kind, String status, String configSha256, List<String> symbols, String timeframe,
                        Instant from, Instant to, double initialCash, Instant firstBar, Instant lastBar, long bars,
                        double finalEquity, long entriesBlocked, String tradeLogSha256, String error,
                        Instant stoppedAt) {
}
