package dev.quorum.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ta4j.core.num.Num;

import dev.quorum.api.Bar;
import dev.quorum.api.Indicator;

/**
 * Feeds the bars of a {@link Market} to a library and compares our handles with ta4j indicators
 * on every bar, reading ta4j's values in index order (as a live system would):
 * <ul>
 *   <li>before the documented first value, ours is NaN;</li>
 *   <li>from it on, ours is NaN exactly where ta4j's is, and otherwise
 *       {@code |ours − ta4j| <= 1e-9 · max(1, |ta4j|)};</li>
 *   <li>{@code bars()} counts the bars and {@code previous()} is the value one bar earlier.</li>
 * </ul>
 */
final class Comparison {

    /** Relative tolerance, absolute below 1. */
    static final double TOLERANCE = 1e-9;

    private static final Logger LOG = LoggerFactory.getLogger(Comparison.class);

    private final Market market;
    private final List<Check> checks = new ArrayList<>();

    private record Check(String label, Indicator ours, org.ta4j.core.Indicator<Num> theirs, int firstValue) {
    }

    Comparison(Market market) {
        this.market = market;
    }

    /**
     * Adds a line to compare.
     *
     * @param label      for messages
     * @param ours       our handle, created before {@link #run}
     * @param theirs     ta4j's indicator on {@link Market#series()}
     * @param firstValue the bar index of our first value (ours is NaN before it)
     * @return this
     */
    Comparison check(String label, Indicator ours, org.ta4j.core.Indicator<Num> theirs, int firstValue) {
        checks.add(new Check(label, ours, theirs, firstValue));
        return this;
    }

    /**
     * Feeds every bar to {@code library} and compares.
     *
     * @return the largest deviation seen per label, in units of {@code max(1, |ta4j|)}
     */
    Map<String, Double> run(IndicatorLibrary library) {
        int n = checks.size();
        double[] before = new double[n];
        double[] worst = new double[n];
        int[] compared = new int[n];
        int[] worstBar = new int[n];
        java.util.Arrays.fill(before, Double.NaN);
        List<Bar> bars = market.bars();
        for (int i = 0; i < bars.size(); i++) {
            library.update(bars.get(i));
            for (int c = 0; c < n; c++) {
                Check check = checks.get(c);
                double ours = check.ours().value();
                double theirs = check.theirs().getValue(i).doubleValue();
                assertEquals(i + 1, check.ours().bars(), () -> where(check, "bars()"));
                if (Double.doubleToLongBits(check.ours().previous()) != Double.doubleToLongBits(before[c])) {
                    fail(where(check, "previous() " + check.ours().previous() + " is not the last value " + before[c]));
                }
                before[c] = ours;
                if (i < check.firstValue() || Double.isNaN(theirs)) {
                    if (!Double.isNaN(ours)) {
                        fail(where(check, "bar " + i + ": expected NaN (ta4j " + theirs + "), was " + ours));
                    }
                    continue;
                }
                if (Double.isNaN(ours)) {
                    fail(where(check, "bar " + i + ": NaN where ta4j has " + theirs));
                }
                double deviation = Math.abs(ours - theirs) / Math.max(1, Math.abs(theirs));
                if (!(deviation <= TOLERANCE)) {
                    fail(where(check, "bar " + i + ": " + ours + " vs ta4j " + theirs + ", deviation " + deviation));
                }
                if (deviation > worst[c]) {
                    worst[c] = deviation;
                    worstBar[c] = i;
                }
                compared[c]++;
            }
        }
        Map<String, Double> result = new LinkedHashMap<>();
        for (int c = 0; c < n; c++) {
            Check check = checks.get(c);
            if (compared[c] == 0) {
                fail(where(check, "no bar compared"));
            }
            result.put(check.label(), worst[c]);
            LOG.info("{} {}: max deviation {} (bar {}) over {} bars (first value at bar {})", market.name(),
                    check.label(), worst[c], worstBar[c], compared[c], check.firstValue());
        }
        return result;
    }

    private String where(Check check, String what) {
        return market.name() + " " + check.label() + ": " + what;
    }
}
