package dev.quorum.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quorum.api.Direction;
import dev.quorum.api.ExitReason;
import dev.quorum.api.Trade;
import dev.quorum.core.portfolio.EquityPoint;

/** Every metric pinned on small trade sets and equity curves worked out by hand. */
class PerformanceTest {

    private static final Instant T = Instant.parse("2024-03-14T00:00:00Z"); // a Thursday
    private static final Interval DAY = new Interval(T, T.plus(Duration.ofDays(1)));
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void noTradesAndAFlatCurveLeaveEveryRatioUndefinedAndNothingNegative() {
        Performance p = Performance.of(input(DAY, List.of(), List.of(), 1000, List.of(point(1, 1000), point(2, 1000), point(3, 1000))));
        TradeStats t = p.trades();
        assertEquals(0, t.trades());
        assertTrue(Double.isNaN(t.winRate()));
        assertTrue(Double.isNaN(t.profitFactor()));
        assertTrue(Double.isNaN(t.expectancy()));
        assertTrue(Double.isNaN(t.averageWin()));
        assertTrue(Double.isNaN(t.averageLoss()));
        assertEquals(0, t.netPnl());
        assertEquals(0, t.longestWinStreak());
        assertTrue(t.best().isEmpty());
        assertTrue(Double.isNaN(t.exit(ExitReason.TAKE_PROFIT).share()));
        EquityStats e = p.equity();
        assertEquals(0, e.returnOnEquity());
        assertTrue(Double.isNaN(e.sharpe()), "flat equity has no Sharpe ratio");
        assertTrue(Double.isNaN(e.sortino()));
        assertEquals(0, e.maxDrawdown().depth());
        assertEquals(Duration.ZERO, e.maxDrawdown().duration());
        assertEquals(0, e.currentDrawdown());
        assertEquals(0, e.exposure());
        assertTrue(Double.isNaN(e.calmar()));
        assertTrue(p.breakdown().bySymbol().isEmpty());
    }

    @Test
    void onlyWinnersGiveAnInfiniteProfitFactorAndSortino() {
        List<Trade> trades = List.of(trade(1, 0, 60, 10, 1, ExitReason.TAKE_PROFIT), trade(2, 120, 180, 5, 1, ExitReason.TAKE_PROFIT));
        Performance p = Performance.of(input(DAY, trades, held(trades), 1000, List.of(point(1, 1010), point(2, 1010), point(3, 1015))));
        assertEquals(Double.POSITIVE_INFINITY, p.trades().profitFactor());
        assertEquals(1.0, p.trades().winRate());
        assertTrue(Double.isNaN(p.trades().averageLoss()));
        assertEquals(2, p.trades().longestWinStreak());
        assertEquals(0, p.trades().longestLossStreak());
        assertEquals(Double.POSITIVE_INFINITY, p.equity().sortino(), "no negative interval return");
        assertEquals(0, p.equity().maxDrawdown().depth());
        assertEquals(1.0, p.trades().exit(ExitReason.TAKE_PROFIT).share());
        assertEquals(Duration.ofMinutes(60), p.trades().exit(ExitReason.TAKE_PROFIT).averageHold());
    }

    @Test
    void oneTrade() {
        List<Trade> trades = List.of(trade(7, 30, 90, -12.5, 2, ExitReason.STOP_LOSS));
        Performance p = Performance.of(input(DAY, trades, held(trades), 1000, List.of(point(2, 987.5))));
        TradeStats t = p.trades();
        assertEquals(1, t.trades());
        assertEquals(0, t.wins());
        assertEquals(1, t.losses());
        assertEquals(0.0, t.profitFactor());
        assertEquals(-12.5, t.expectancy());
        assertEquals(-12.5, t.averageLoss());
        assertEquals(-10.5, t.grossPnl(), 1e-12);
        assertEquals(7, t.best().orElseThrow().id());
        assertEquals(7, t.worst().orElseThrow().id());
        assertEquals(1, t.longestLossStreak());
        assertEquals(1.0, t.exit(ExitReason.STOP_LOSS).share());
        assertEquals(Duration.ofMinutes(60), t.exit(ExitReason.STOP_LOSS).averageHold());
        assertEquals(1, p.equity().intervals());
        assertTrue(Double.isNaN(p.equity().sharpe()), "one return has no standard deviation");
        assertEquals(0.0125, p.equity().maxDrawdown().depth(), 1e-12);
        assertFalse(p.equity().maxDrawdown().recovered());
        assertEquals(60.0 / 1440, p.equity().exposure(), 1e-12);
    }

    @Test
    void aMixedSetOfTrades() {
        // by exit: +10 (TP), -5 (SL), -5 (SL), +20 (TP), 0 (SIGNAL); fees 1 each
        List<Trade> trades = List.of(
                trade(1, 0, 10, 10, 1, ExitReason.TAKE_PROFIT),
                trade(2, 20, 30, -5, 1, ExitReason.STOP_LOSS),
                trade(3, 40, 60, -5, 1, ExitReason.STOP_LOSS),
                trade(4, 70, 100, 20, 1, ExitReason.TAKE_PROFIT),
                trade(5, 110, 120, 0, 1, ExitReason.SIGNAL));
        TradeStats t = Performance.of(input(DAY, trades, held(trades), 1000, List.of())).trades();
        assertEquals(5, t.trades());
        assertEquals(2, t.wins());
        assertEquals(2, t.losses());
        assertEquals(0.4, t.winRate());
        assertEquals(15, t.averageWin());
        assertEquals(-5, t.averageLoss());
        assertEquals(3.0, t.profitFactor());
        assertEquals(4.0, t.expectancy());
        assertEquals(20, t.netPnl());
        assertEquals(25, t.grossPnl());
        assertEquals(30, t.grossProfit());
        assertEquals(-10, t.grossLoss());
        assertEquals(5, t.fees());
        assertEquals(1, t.longestWinStreak());
        assertEquals(2, t.longestLossStreak());
        assertEquals(4, t.best().orElseThrow().id());
        assertEquals(2, t.worst().orElseThrow().id(), "the earliest of two equal worst trades");
        assertEquals(0.4, t.exit(ExitReason.STOP_LOSS).share());
        assertEquals(-10, t.exit(ExitReason.STOP_LOSS).netPnl());
        assertEquals(Duration.ofMinutes(15), t.exit(ExitReason.STOP_LOSS).averageHold()); // (10 + 20) / 2
        assertEquals(Duration.ofMinutes(20), t.exit(ExitReason.TAKE_PROFIT).averageHold()); // (10 + 30) / 2
        assertEquals(0, t.exit(ExitReason.END_OF_DATA).trades());
    }

    @Test
    void equityCurveRatiosAndDrawdown() {
        // 1000 -> 1100 -> 990 -> 1045 -> 1100 -> 1050, one point an hour
        List<EquityPoint> curve = List.of(point(60, 1100), point(120, 990), point(180, 1045), point(240, 1100), point(300, 1050));
        EquityStats e = Performance.of(input(DAY, List.of(), List.of(), 1000, curve)).equity();
        double[] r = {0.1, -0.1, 1045.0 / 990 - 1, 1100.0 / 1045 - 1, 1050.0 / 1100 - 1};
        double mean = (r[0] + r[1] + r[2] + r[3] + r[4]) / 5;
        double ss = 0;
        double down = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
            down += Math.min(x, 0) * Math.min(x, 0);
        }
        double annual = Math.sqrt(365.25 * 24);
        assertEquals(mean / Math.sqrt(ss / 4) * annual, e.sharpe(), 1e-9);
        assertEquals(mean / Math.sqrt(down / 5) * annual, e.sortino(), 1e-9);
        assertEquals(5, e.intervals());
        assertEquals(0.05, e.returnOnEquity(), 1e-12);
        assertEquals(50, e.change(), 1e-12);
        Drawdown dd = e.maxDrawdown();
        assertEquals(0.1, dd.depth(), 1e-12);
        assertEquals(T.plus(Duration.ofMinutes(60)), dd.peak());
        assertEquals(T.plus(Duration.ofMinutes(120)), dd.trough());
        assertEquals(T.plus(Duration.ofMinutes(240)), dd.recovery().orElseThrow(), "back at the peak (equal counts)");
        assertEquals(Duration.ofHours(3), dd.duration());
        assertEquals(50.0 / 1100, e.currentDrawdown(), 1e-12);
        assertTrue(Double.isNaN(e.calmar()), "a day is too short to annualise");
    }

    @Test
    void anUnrecoveredDrawdownLastsToTheLastPointAndADeeperLaterOneWins() {
        List<EquityPoint> curve = List.of(point(60, 900), point(120, 1000), point(180, 1200), point(240, 900), point(300, 950));
        Drawdown dd = Performance.of(input(DAY, List.of(), List.of(), 1000, curve)).equity().maxDrawdown();
        assertEquals(0.25, dd.depth(), 1e-12);
        assertEquals(T.plus(Duration.ofMinutes(180)), dd.peak());
        assertTrue(dd.recovery().isEmpty());
        assertEquals(Duration.ofMinutes(120), dd.duration());
    }

    @Test
    void equityBelowZeroIsADrawdownOfAtMostTheWholePeak() {
        List<EquityPoint> curve = List.of(point(60, 1200), point(120, -300), point(180, 100));
        EquityStats e = Performance.of(input(DAY, List.of(), List.of(), 1000, curve)).equity();
        assertEquals(1.0, e.maxDrawdown().depth());
        assertTrue(Double.isNaN(e.sharpe()), "a return from equity at or below zero is undefined");
        assertEquals((1200 - 100) / 1200.0, e.currentDrawdown(), 1e-12);
    }

    @Test
    void calmarOnSixtyDays() {
        Interval sixty = new Interval(T, T.plus(Duration.ofDays(60)));
        List<EquityPoint> curve = List.of(new EquityPoint(T.plus(Duration.ofDays(20)), 950, 950, 0),
                new EquityPoint(T.plus(Duration.ofDays(59)), 1100, 1100, 0));
        EquityStats e = Performance.of(new PerformanceInput(sixty, ZoneOffset.UTC, List.of(), List.of(), 1000, curve,
                Duration.ofDays(1), Map.of())).equity();
        double annual = Math.pow(1.1, 365.25 / 60) - 1;
        assertEquals(annual / 0.05, e.calmar(), 1e-9);
    }

    @Test
    void exposureMergesOverlapsAndClipsToThePeriod() {
        List<Interval> held = List.of(
                new Interval(T.minus(Duration.ofHours(2)), T.plus(Duration.ofHours(1))), // clipped to 1 h
                new Interval(T.plus(Duration.ofHours(2)), T.plus(Duration.ofHours(5))),
                new Interval(T.plus(Duration.ofHours(4)), T.plus(Duration.ofHours(6))), // overlaps: 2..6 = 4 h
                new Interval(T.plus(Duration.ofHours(23)), T.plus(Duration.ofHours(30)))); // clipped to 1 h
        assertEquals(6.0 / 24, Performance.exposure(held, DAY), 1e-12);
    }

    @Test
    void hourAndWeekdayAreTheEntrysInTheReportZone() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata"); // +05:30
        // entered 2024-03-14T20:00Z = Friday 2024-03-15 01:30 in Kolkata
        Trade t = new Trade(1, "BTC-USD", Direction.SHORT, 1, T.plus(Duration.ofHours(20)), 100, T.plus(Duration.ofHours(21)),
                90, 0.2, 9.8, ExitReason.TAKE_PROFIT, List.of("ema", "rsi"));
        Trade u = new Trade(2, "ETH-USD", Direction.LONG, 1, T.plus(Duration.ofHours(21)), 100, T.plus(Duration.ofHours(22)),
                99, 0.2, -1.2, ExitReason.STOP_LOSS, List.of("ema"));
        Breakdown b = Performance.of(new PerformanceInput(DAY, kolkata, List.of(t, u), List.of(), 1000, List.of(), HOUR,
                Map.of(1L, "trend"))).breakdown();
        assertEquals(1, b.byHour().get(1).trades());
        assertEquals(9.8, b.byHour().get(1).netPnl(), 1e-12);
        assertEquals(1, b.byHour().get(2).trades()); // 21:00Z = 02:30
        assertEquals(2, b.byWeekday().get(DayOfWeek.FRIDAY.getValue() - 1).trades());
        assertEquals(0, b.byWeekday().get(DayOfWeek.THURSDAY.getValue() - 1).trades());
        assertEquals(9.8, b.cell(DayOfWeek.FRIDAY, 1).netPnl(), 1e-12);
        assertEquals(2, b.byBot().get("ema").trades());
        assertEquals(8.6, b.byBot().get("ema").netPnl(), 1e-12);
        assertEquals(0.5, b.byBot().get("ema").winRate());
        assertEquals(1, b.byBot().get("rsi").trades());
        assertEquals(List.of("BTC-USD", "ETH-USD"), List.copyOf(b.bySymbol().keySet()));
        assertEquals(Map.of("trend", new Group(1, 1, 9.8, 0.2)), b.byRegime());
    }

    private static PerformanceInput input(Interval period, List<Trade> trades, List<Interval> held, double start,
                                          List<EquityPoint> curve) {
        return new PerformanceInput(period, ZoneOffset.UTC, trades, held, start, curve, HOUR, Map.of());
    }

    private static List<Interval> held(List<Trade> trades) {
        List<Interval> held = new ArrayList<>();
        for (Trade t : trades) {
            held.add(new Interval(t.entryTime(), t.exitTime()));
        }
        return held;
    }

    private static EquityPoint point(int minutes, double equity) {
        return new EquityPoint(T.plus(Duration.ofMinutes(minutes)), equity, equity, 0);
    }

    private static Trade trade(long id, int entryMinute, int exitMinute, double pnl, double fees, ExitReason reason) {
        return new Trade(id, "BTC-USD", Direction.LONG, 1, T.plus(Duration.ofMinutes(entryMinute)), 100,
                T.plus(Duration.ofMinutes(exitMinute)), 100 + pnl + fees, fees, pnl, reason, List.of("bot-a"));
    }
}
