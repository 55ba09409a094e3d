package dev.quorum.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void windowsCombineCompoundedDeepestAndWeighted() {
        Metrics a = new Metrics(0.10, 1.0, 0.05, 10, 6, 300, 100, 0.60, 0.10, 100);
        Metrics b = new Metrics(-0.05, Double.NaN, 0.08, 5, 1, 50, 150, 0.50, 0.20, 300);
        Metrics c = new Metrics(0.02, 0.5, 0.01, 0, 0, 0, 0, Double.NaN, Double.NaN, 0);
        Metrics all = Metrics.combine(List.of(a, b, c));
        assertEquals(1.10 * 0.95 * 1.02 - 1, all.returnPct(), 1e-12);
        assertEquals(0.75, all.sharpe(), 1e-12, "the mean of the defined ones");
        assertEquals(0.08, all.maxDrawdown(), 1e-12);
        assertEquals(15, all.trades());
        assertEquals(7.0 / 15, all.winRate(), 1e-12);
        assertEquals(350.0 / 250, all.profitFactor(), 1e-12);
        assertEquals((0.60 * 100 + 0.50 * 300) / 400, all.auc(), 1e-12);
        assertEquals((0.10 * 100 + 0.20 * 300) / 400, all.calibrationError(), 1e-12);
    }

    @Test
    void theSeedsScoreWithTheProfitFactorCappedAtThree() {
        // win rate 0.6, pf 2: 0.6 * 0.7 + 2/3 * 0.3
        assertEquals(0.42 + 0.2, new Metrics(0, 0, 0, 10, 6, 200, 100, Double.NaN, Double.NaN, 0).score(), 1e-12);
        // pf 5 counts as 3
        assertEquals(0.42 + 0.3, new Metrics(0, 0, 0, 10, 6, 500, 100, Double.NaN, Double.NaN, 0).score(), 1e-12);
        // no losing trade: an infinite factor, normalised to 1
        assertEquals(0.7 + 0.3, new Metrics(0, 0, 0, 3, 3, 30, 0, Double.NaN, Double.NaN, 0).score(), 1e-12);
        assertEquals(0, new Metrics(0, 0, 0, 0, 0, 0, 0, Double.NaN, Double.NaN, 0).score(), "no trades");
    }

    @Test
    void aSpanSplitsIntoWholeMonthWindowsTheLastMayBeShorter() {
        List<Window> w = Window.split(LocalDate.parse("2019-01-01"), LocalDate.parse("2019-07-15"), 3);
        assertEquals(List.of(new Window(1, LocalDate.parse("2019-01-01"), LocalDate.parse("2019-03-31")),
                new Window(2, LocalDate.parse("2019-04-01"), LocalDate.parse("2019-06-30")),
                new Window(3, LocalDate.parse("2019-07-01"), LocalDate.parse("2019-07-15"))), w);
        List<Window> monthEnds = Window.split(LocalDate.parse("2019-01-31"), LocalDate.parse("2019-04-29"), 1);
        assertEquals(List.of("2019-01-31..2019-02-27", "2019-02-28..2019-03-30", "2019-03-31..2019-04-29"),
                monthEnds.stream().map(Window::toString).toList(), "each bound counted from the first day: no drift");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Window.split(LocalDate.parse("2019-01-01"),
                LocalDate.parse("2019-02-01"), 0)).getMessage().contains("at least 1 month"));
    }
}
