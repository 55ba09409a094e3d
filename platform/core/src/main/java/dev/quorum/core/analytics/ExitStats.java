package dev.quorum.core.analytics;

import java.time.Duration;

import dev.quorum.api.ExitReason;

/**
 * How the trades that ended one way did: for {@code TAKE_PROFIT} the hit rate of the targets and the
 * average time to reach them, for {@code STOP_LOSS} the same for the stops.
 *
 * @param reason      the exit reason
 * @param trades      trades that closed for this reason
 * @param share       those trades over all trades; NaN without trades
 * @param netPnl      their PnL after fees
 * @param averageHold mean time from entry to exit; zero without trades
 */
public record ExitStats(ExitReason reason, int trades, double share, double netPnl, Duration averageHold) {
}
