package dev.quorum.core.analytics;

/**
 * What the equity curve of a period did (marked to market, open positions included).
 *
 * @param startEquity     equity at the period's start
 * @param endEquity       equity at the last stored point of the period ({@code startEquity} without one)
 * @param change          {@code endEquity - startEquity}
 * @param returnOnEquity  {@code change / startEquity}; NaN when {@code startEquity <= 0}
 * @param intervals       number of returns the ratios below are computed from (one per pair of consecutive
 *                        points, the start counting as a point)
 * @param sharpe          mean over sample standard deviation of the interval returns, times
 *                        {@code sqrt(intervals per year)} (365.25 days a year: crypto trades every day),
 *                        risk-free rate 0; NaN with fewer than two returns or none varying
 * @param sortino         mean interval return over the downside deviation ({@code sqrt(mean(min(r, 0)^2))},
 *                        target 0), annualised the same way; {@code +∞} when the mean is positive and no
 *                        return is negative; NaN with fewer than two returns
 * @param calmar          compound annualised return over the maximum drawdown's depth; NaN for periods
 *                        shorter than {@value Performance#CALMAR_MIN_DAYS} days (annualising less says
 *                        nothing) or without a drawdown
 * @param maxDrawdown     the deepest fall from a running peak
 * @param currentDrawdown the fall from the running peak at the period's end, as a fraction of that peak
 * @param exposure        the share of the period during which at least one position was open
 */
public record EquityStats(double startEquity, double endEquity, double change, double returnOnEquity, int intervals,
                          double sharpe, double sortino, double calmar, Drawdown maxDrawdown, double currentDrawdown,
                          double exposure) {
}
