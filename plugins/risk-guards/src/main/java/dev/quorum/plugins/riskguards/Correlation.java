package dev.quorum.plugins.riskguards;

import dev.quorum.api.BarHistory;
import java.time.Instant;

/**
 * The Pearson correlation of two symbols' one-bar log returns, aligned by bar open time. Stateless.
 *
 * <p>A return of a symbol is {@code ln(close(t) / close(t′))} between two consecutive bars of its
 * history, {@code t′} the open time of the bar before the one opening at {@code t}. A return is
 * <i>aligned</i> when both histories have a bar opening at {@code t} and, immediately before it in
 * each history, a bar opening at the same {@code t′}: a bar missing from either symbol drops the
 * returns on both sides of it. The correlation uses the most recent {@code maxReturns} aligned returns
 * (fewer when the histories, bounded by the host's {@code engine.historyBars}, hold fewer).
 */
final class Correlation {

    /** The fewest aligned returns a correlation is computed from; with fewer it is unknown. */
    static final int MIN_RETURNS = 10;

    private Correlation() {
    }

    /**
     * The correlation of two histories' aligned returns.
     *
     * @param a          one symbol's bars, newest first
     * @param b          the other's, newest first
     * @param maxReturns the most recent aligned returns to use, {@code >= 1}
     * @return the correlation in {@code [−1, 1]}, or NaN when it is unknown: fewer than
     *         {@link #MIN_RETURNS} aligned returns, or either series of returns has zero variance
     */
    static double of(BarHistory a, BarHistory b, int maxReturns) {
        int capacity = Math.min(maxReturns, Math.min(a.size(), b.size()) - 1);
        if (capacity < MIN_RETURNS) {
            return Double.NaN;
        }
        double[] ra = new double[capacity];
        double[] rb = new double[capacity];
        int n = 0;
        int i = 0;
        int j = 0;
        while (n < capacity && i + 1 < a.size() && j + 1 < b.size()) {
            Instant ta = a.get(i).openTime();
            int order = ta.compareTo(b.get(j).openTime());
            if (order == 0) {
                if (a.get(i + 1).openTime().equals(b.get(j + 1).openTime())) {
                    ra[n] = Math.log(a.close(i) / a.close(i + 1));
                    rb[n] = Math.log(b.close(j) / b.close(j + 1));
                    n++;
                }
                i++;
                j++;
            } else if (order > 0) {
                i++;    // a's bar is newer than anything left in b: b has no bar at that time
            } else {
                j++;
            }
        }
        return pearson(ra, rb, n);
    }

    /**
     * The Pearson correlation of the first {@code n} pairs.
     *
     * @return the correlation clamped to {@code [−1, 1]}, or NaN for fewer than {@link #MIN_RETURNS}
     *         pairs or a zero variance
     */
    static double pearson(double[] x, double[] y, int n) {
        if (n < MIN_RETURNS) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int k = 0; k < n; k++) {
            mx += x[k];
            my += y[k];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int k = 0; k < n; k++) {
            double dx = x[k] - mx;
            double dy = y[k] - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        if (!(sxx > 0) || !(syy > 0)) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }
}
