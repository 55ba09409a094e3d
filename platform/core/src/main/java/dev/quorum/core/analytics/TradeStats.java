package dev.quorum.core.analytics;

import java.util.Map;
import java.util.Optional;

import dev.quorum.api.ExitReason;
import dev.quorum.api.Trade;

/**
 * What the closed trades of a period did. A trade belongs to the period in which it closed.
 *
 * @param trades            number of trades
 * @param wins              trades with {@code pnl > 0}
 * @param losses            trades with {@code pnl < 0} (a trade at exactly 0 is neither)
 * @param winRate           wins over trades; NaN without trades
 * @param averageWin        mean PnL of the wins; NaN without wins
 * @param averageLoss       mean PnL of the losses (a negative number); NaN without losses
 * @param profitFactor      gross profit over the absolute gross loss; {@code +∞} with wins and no losses,
 *                          0 with losses and no wins, NaN with neither
 * @param expectancy        mean PnL per trade after fees; NaN without trades
 * @param netPnl            sum of PnL after fees
 * @param grossPnl          sum of PnL before fees ({@code netPnl + fees})
 * @param grossProfit       sum of the wins' PnL
 * @param grossLoss         sum of the losses' PnL (negative or 0)
 * @param fees              sum of fees, entry and exit fills
 * @param longestWinStreak  most wins in a row, in order of exit (a trade at 0 ends a streak)
 * @param longestLossStreak most losses in a row, in order of exit
 * @param best              the trade with the highest PnL (the earliest of equals)
 * @param worst             the trade with the lowest PnL (the earliest of equals)
 * @param exits             for every exit reason, how the trades that ended that way did (TP/SL statistics)
 */
public record TradeStats(int trades, int wins, int losses, double winRate, double averageWin, double averageLoss,
                         double profitFactor, double expectancy, double netPnl, double grossPnl, double grossProfit,
                         double grossLoss, double fees, int longestWinStreak, int longestLossStreak, Optional<Trade> best,
                         Optional<Trade> worst, Map<ExitReason, ExitStats> exits) {

    /** Copies. */
    public TradeStats {
        exits = Map.copyOf(exits);
    }

    /**
     * @param reason an exit reason
     * @return the statistics of the trades that closed that way
     */
    public ExitStats exit(ExitReason reason) {
        return exits.get(reason);
    }
}
