package dev.quorum.core.evaluation;

import java.util.List;

import dev.quorum.api.Trade;
import dev.quorum.core.analytics.Performance;

/**
 * What one run (or several test windows together) did, as the evaluation compares it.
 *
 * @param returnPct        the equity's change over the start, as a fraction; over several windows the compounded
 *                         return of trading them one after the other
 * @param sharpe           the annualised Sharpe ratio of the equity curve's returns; over several windows their mean
 *                         (NaN when undefined)
 * @param maxDrawdown      the deepest drawdown, as a fraction; over several windows the deepest of them
 * @param trades           closed trades
 * @param wins             of which won (net PnL above 0)
 * @param grossProfit      the sum of the winning trades' net PnL
 * @param grossLoss        the sum of the losing trades' net PnL, as a positive number
 * @param auc              the win-probability model's out-of-sample AUC (NaN without one); over several windows the mean
 *                         weighted by the calls scored
 * @param calibrationError its expected calibration error, likewise
 * @param scored           the calls it scored
 */
public record Metrics(double returnPct, double sharpe, double maxDrawdown, long trades, long wins, double grossProfit,
                      double grossLoss, double auc, double calibrationError, long scored) {

    /** Seed 004's cap on the profit factor before it is normalised to [0, 1]: {@code min(pf, 3) / 3}. */
    public static final double PROFIT_FACTOR_CAP = 3;

    /**
     * @param performance a run's performance, read back from the store
     * @param trades      its trades
     * @param auc         the model's AUC in the run, or NaN
     * @param error       its calibration error, or NaN
     * @param scored      the calls it scored
     * @return the run's metrics
     */
    public static Metrics of(Performance performance, List<Trade> trades, double auc, double error, long scored) {
        long wins = 0;
        double profit = 0;
        double loss = 0;
        for (Trade t : trades) {
            if (t.pnl() > 0) {
                wins++;
                profit += t.pnl();
            } else {
                loss -= t.pnl();
            }
        }
        return new Metrics(performance.equity().returnOnEquity(), performance.equity().sharpe(), performance.equity().maxDrawdown().depth(),
                trades.size(), wins, profit, loss, auc, error, scored);
    }

    /**
     * @param windows the metrics of consecutive test windows
     * @return them together, as the record says
     */
    public static Metrics combine(List<Metrics> windows) {
        double growth = 1;
        double sharpeSum = 0;
        int sharpeCount = 0;
        double drawdown = 0;
        long trades = 0;
        long wins = 0;
        double profit = 0;
        double loss = 0;
        double aucSum = 0;
        double errorSum = 0;
        long scored = 0;
        for (Metrics m : windows) {
            growth *= 1 + m.returnPct();
            if (Double.isFinite(m.sharpe())) {
                sharpeSum += m.sharpe();
                sharpeCount++;
            }
            drawdown = Math.max(drawdown, m.maxDrawdown());
            trades += m.trades();
            wins += m.wins();
            profit += m.grossProfit();
            loss += m.grossLoss();
            if (Double.isFinite(m.auc()) && m.scored() > 0) {
                aucSum += m.auc() * m.scored();
                errorSum += m.calibrationError() * m.scored();
                scored += m.scored();
            }
        }
        return new Metrics(growth - 1, sharpeCount == 0 ? Double.NaN : sharpeSum / sharpeCount, drawdown, trades, wins, profit, loss,
                scored == 0 ? Double.NaN : aucSum / scored, scored == 0 ? Double.NaN : errorSum / scored, scored);
    }

    /** @return the share of trades won, NaN without trades */
    public double winRate() {
        return trades == 0 ? Double.NaN : (double) wins / trades;
    }

    /** @return gross profit over gross loss: infinite with profit and no loss, NaN with neither */
    public double profitFactor() {
        if (grossLoss > 0) {
            return grossProfit / grossLoss;
        }
        return grossProfit > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }

    /**
     * Seed 004's threshold score: {@code win rate × 0.7 + normalised profit factor × 0.3}, the profit factor normalised
     * as {@code min(pf, 3) / 3} (so 1 is a factor of 3 or more, an infinite one included); 0 for a run without trades.
     *
     * @return the score, in [0, 1]
     */
    public double score() {
        if (trades == 0) {
            return 0;
        }
        double pf = profitFactor();
        double normalised = Double.isNaN(pf) ? 0 : Math.min(pf, PROFIT_FACTOR_CAP) / PROFIT_FACTOR_CAP;
        return winRate() * 0.7 + normalised * 0.3;
    }
}
