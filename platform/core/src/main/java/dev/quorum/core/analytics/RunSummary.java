package dev.quorum.core.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.quorum.api.Trade;

/**
 * The headline figures of a run, computed only from its stored trades and its period.
 *
 * <ul>
 *   <li>win rate: trades with {@code pnl > 0} over all trades;</li>
 *   <li>profit factor: gross profit over gross loss; {@code +∞} when there are wins and no losses;</li>
 *   <li>net PnL: sum of trade PnL after fees; return: net PnL over initial cash;</li>
 *   <li>max drawdown: the largest fall from a peak, as a fraction of the peak (at most 1), of the closed-trade
 *       equity curve (initial cash plus the PnL of each trade in the order trades closed; open
 *       positions' interim swings are not in it);</li>
 *   <li>Sharpe: mean over sample standard deviation of per-trade returns (trade PnL over the
 *       closed-trade equity before it), per trade, not annualised, risk-free rate 0;</li>
 *   <li>exposure: the share of the run's period during which at least one position was open.</li>
 * </ul>
 * An undefined figure (no trades; fewer than two trades, no variation, or equity at or below zero
 * for Sharpe; no losing and no winning trade for the profit factor) is NaN.
 *
 * @param trades       number of trades
 * @param wins         trades with positive PnL
 * @param winRate      wins over trades
 * @param profitFactor gross profit over gross loss
 * @param netPnl       sum of PnL after fees
 * @param fees         sum of fees
 * @param returnOnCash net PnL over initial cash
 * @param maxDrawdown  fraction of the peak, {@code >= 0}
 * @param sharpe       per-trade Sharpe ratio
 * @param exposure     fraction of the period with a position open
 */
public record RunSummary(int trades, int wins, double winRate, double profitFactor, double netPnl, double fees,
                         double returnOnCash, double maxDrawdown, double sharpe, double exposure) {

    /**
     * @param trades      the run's trades (any order; sorted by id here)
     * @param initialCash starting cash
     * @param periodStart open time of the first bar
     * @param periodEnd   close time of the last bar
     * @return the summary
     */
    public static RunSummary of(List<Trade> trades, double initialCash, Instant periodStart, Instant periodEnd) {
        List<Trade> sorted = new ArrayList<>(trades);
        sorted.sort(Comparator.comparingLong(Trade::id));
        int n = sorted.size();
        int wins = 0;
        double grossProfit = 0;
        double grossLoss = 0;
        double fees = 0;
        double equity = initialCash;
        double peak = initialCash;
        double maxDrawdown = 0;
        double[] returns = new double[n];
        for (int i = 0; i < n; i++) {
            Trade t = sorted.get(i);
            if (t.pnl() > 0) {
                wins++;
                grossProfit += t.pnl();
            } else {
                grossLoss -= t.pnl();
            }
            fees += t.fees();
            returns[i] = equity > 0 ? t.pnl() / equity : Double.NaN;
            equity += t.pnl();
            peak = Math.max(peak, equity);
            maxDrawdown = Math.max(maxDrawdown, Math.min(1, (peak - equity) / peak));
        }
        double net = equity - initialCash;
        double profitFactor = n == 0 ? Double.NaN
                : grossLoss == 0 ? (grossProfit > 0 ? Double.POSITIVE_INFINITY : Double.NaN) : grossProfit / grossLoss;
        return new RunSummary(n, wins, n == 0 ? Double.NaN : (double) wins / n, profitFactor, net, fees,
                net / initialCash, maxDrawdown, sharpe(returns), exposure(sorted, periodStart, periodEnd));
    }

    private static double sharpe(double[] returns) {
        int n = returns.length;
        if (n < 2 || java.util.Arrays.stream(returns).anyMatch(Double::isNaN)) {
            return Double.NaN;
        }
        double mean = 0;
        for (double r : returns) {
            mean += r;
        }
        mean /= n;
        double ss = 0;
        for (double r : returns) {
            ss += (r - mean) * (r - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        return sd == 0 ? Double.NaN : mean / sd;
    }

    private static double exposure(List<Trade> trades, Instant start, Instant end) {
        if (start == null || end == null || !end.isAfter(start)) {
            return Double.NaN;
        }
        List<Trade> byEntry = new ArrayList<>(trades);
        byEntry.sort(Comparator.comparing(Trade::entryTime).thenComparing(Trade::exitTime));
        long covered = 0;
        Instant runStart = null;
        Instant runEnd = null;
        for (Trade t : byEntry) {
            if (runEnd == null || t.entryTime().isAfter(runEnd)) {
                if (runEnd != null) {
                    covered += Duration.between(runStart, runEnd).toMillis();
                }
                runStart = t.entryTime();
                runEnd = t.exitTime();
            } else if (t.exitTime().isAfter(runEnd)) {
                runEnd = t.exitTime();
            }
        }
        if (runEnd != null) {
            covered += Duration.between(runStart, runEnd).toMillis();
        }
        return (double) covered / Duration.between(start, end).toMillis();
    }
}
