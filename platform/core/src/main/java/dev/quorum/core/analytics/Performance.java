package dev.quorum.core.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.quorum.api.ExitReason;
import dev.quorum.api.Trade;
import dev.quorum.core.portfolio.EquityPoint;

/**
 * The performance of one period: the single source of every figure the reports print. Computed only
 * from what {@link PerformanceInput} holds (stored trades, stored equity points, when positions were
 * held), so the same stored data always gives the same numbers.
 *
 * @param period    the period
 * @param trades    the closed trades' statistics
 * @param equity    the equity curve's statistics
 * @param breakdown the trades grouped by hour, weekday, symbol, bot and regime
 */
public record Performance(Interval period, TradeStats trades, EquityStats equity, Breakdown breakdown) {

    /** Periods shorter than this many days get no Calmar ratio. */
    public static final int CALMAR_MIN_DAYS = 30;

    private static final double YEAR_MILLIS = 365.25 * 86_400_000d;

    /**
     * @param in the period's stored data
     * @return its performance
     */
    public static Performance of(PerformanceInput in) {
        List<Trade> byExit = new ArrayList<>(in.trades());
        byExit.sort(Comparator.comparing(Trade::exitTime).thenComparingLong(Trade::id));
        return new Performance(in.period(), tradeStats(byExit), equityStats(in), breakdown(byExit, in));
    }

    static TradeStats tradeStats(List<Trade> byExit) {
        int n = byExit.size();
        int wins = 0;
        int losses = 0;
        double grossProfit = 0;
        double grossLoss = 0;
        double fees = 0;
        int winRun = 0;
        int lossRun = 0;
        int longestWins = 0;
        int longestLosses = 0;
        Trade best = null;
        Trade worst = null;
        Map<ExitReason, List<Trade>> byReason = new EnumMap<>(ExitReason.class);
        for (Trade t : byExit) {
            double pnl = t.pnl();
            if (pnl > 0) {
                wins++;
                grossProfit += pnl;
                winRun++;
                lossRun = 0;
            } else if (pnl < 0) {
                losses++;
                grossLoss += pnl;
                lossRun++;
                winRun = 0;
            } else {
                winRun = 0;
                lossRun = 0;
            }
            longestWins = Math.max(longestWins, winRun);
            longestLosses = Math.max(longestLosses, lossRun);
            fees += t.fees();
            if (best == null || pnl > best.pnl() || pnl == best.pnl() && t.id() < best.id()) {
                best = t;
            }
            if (worst == null || pnl < worst.pnl() || pnl == worst.pnl() && t.id() < worst.id()) {
                worst = t;
            }
            byReason.computeIfAbsent(t.exitReason(), r -> new ArrayList<>()).add(t);
        }
        double net = grossProfit + grossLoss;
        double profitFactor = wins == 0 && losses == 0 ? Double.NaN
                : losses == 0 ? Double.POSITIVE_INFINITY : grossProfit / -grossLoss;
        Map<ExitReason, ExitStats> exits = new EnumMap<>(ExitReason.class);
        for (ExitReason reason : ExitReason.values()) {
            List<Trade> these = byReason.getOrDefault(reason, List.of());
            double pnl = 0;
            long heldMillis = 0;
            for (Trade t : these) {
                pnl += t.pnl();
                heldMillis += Duration.between(t.entryTime(), t.exitTime()).toMillis();
            }
            exits.put(reason, new ExitStats(reason, these.size(), n == 0 ? Double.NaN : (double) these.size() / n, pnl,
                    these.isEmpty() ? Duration.ZERO : Duration.ofMillis(Math.round((double) heldMillis / these.size()))));
        }
        return new TradeStats(n, wins, losses, n == 0 ? Double.NaN : (double) wins / n,
                wins == 0 ? Double.NaN : grossProfit / wins, losses == 0 ? Double.NaN : grossLoss / losses, profitFactor,
                n == 0 ? Double.NaN : net / n, net, net + fees, grossProfit, grossLoss, fees, longestWins, longestLosses,
                Optional.ofNullable(best), Optional.ofNullable(worst), exits);
    }

    static EquityStats equityStats(PerformanceInput in) {
        Instant from = in.period().from();
        double start = in.startEquity();
        List<EquityPoint> points = in.equity();
        double end = points.isEmpty() ? start : points.get(points.size() - 1).equity();
        Instant last = points.isEmpty() ? from : points.get(points.size() - 1).time();

        int m = points.size();
        double[] returns = new double[m];
        boolean defined = true;
        double previous = start;
        for (int i = 0; i < m; i++) {
            double v = points.get(i).equity();
            if (previous <= 0) {
                defined = false;
            }
            returns[i] = previous > 0 ? v / previous - 1 : Double.NaN;
            previous = v;
        }
        double perYear = Math.sqrt(YEAR_MILLIS / in.sampling().toMillis());
        double sharpe = Double.NaN;
        double sortino = Double.NaN;
        if (defined && m >= 2) {
            double mean = 0;
            for (double r : returns) {
                mean += r;
            }
            mean /= m;
            double ss = 0;
            double downside = 0;
            for (double r : returns) {
                ss += (r - mean) * (r - mean);
                double d = Math.min(r, 0);
                downside += d * d;
            }
            double sd = Math.sqrt(ss / (m - 1));
            sharpe = sd == 0 ? Double.NaN : mean / sd * perYear;
            double dd = Math.sqrt(downside / m);
            sortino = dd == 0 ? (mean > 0 ? Double.POSITIVE_INFINITY : Double.NaN) : mean / dd * perYear;
        }

        Drawdown max = new Drawdown(0, from, from, Optional.empty(), Duration.ZERO);
        double peak = start;
        Instant peakTime = from;
        Instant maxPeak = null;
        Instant maxTrough = null;
        Instant maxRecovery = null;
        double maxDepth = 0;
        for (EquityPoint p : points) {
            double v = p.equity();
            if (v >= peak) {
                if (maxPeak != null && maxPeak.equals(peakTime) && maxRecovery == null) {
                    maxRecovery = p.time();
                }
                peak = v;
                peakTime = p.time();
                continue;
            }
            double depth = depth(peak, v);
            if (depth > maxDepth) {
                maxDepth = depth;
                maxPeak = peakTime;
                maxTrough = p.time();
                maxRecovery = null;
            }
        }
        if (maxPeak != null) {
            Instant endOfEpisode = maxRecovery != null ? maxRecovery : last;
            max = new Drawdown(maxDepth, maxPeak, maxTrough, Optional.ofNullable(maxRecovery), Duration.between(maxPeak, endOfEpisode));
        }
        double current = end >= peak ? 0 : depth(peak, end);

        long periodMillis = in.period().millis();
        double ret = start > 0 ? end / start - 1 : Double.NaN;
        double calmar = Double.NaN;
        if (periodMillis >= CALMAR_MIN_DAYS * 86_400_000L && maxDepth > 0 && !Double.isNaN(ret) && ret > -1) {
            double annual = Math.pow(1 + ret, YEAR_MILLIS / periodMillis) - 1;
            calmar = annual / maxDepth;
        }
        return new EquityStats(start, end, end - start, ret, m, sharpe, sortino, calmar, max, current,
                exposure(in.held(), in.period()));
    }

    private static double depth(double peak, double value) {
        return peak > 0 ? Math.min(1, (peak - value) / peak) : 1;
    }

    static double exposure(List<Interval> held, Interval period) {
        long length = period.millis();
        if (length <= 0) {
            return Double.NaN;
        }
        List<Interval> clipped = new ArrayList<>();
        for (Interval h : held) {
            long a = Math.max(h.from().toEpochMilli(), period.from().toEpochMilli());
            long b = Math.min(h.to().toEpochMilli(), period.to().toEpochMilli());
            if (b > a) {
                clipped.add(new Interval(Instant.ofEpochMilli(a), Instant.ofEpochMilli(b)));
            }
        }
        clipped.sort(Comparator.comparing(Interval::from));
        long covered = 0;
        long runStart = Long.MIN_VALUE;
        long runEnd = Long.MIN_VALUE;
        for (Interval c : clipped) {
            long a = c.from().toEpochMilli();
            long b = c.to().toEpochMilli();
            if (a > runEnd) {
                if (runEnd > runStart) {
                    covered += runEnd - runStart;
                }
                runStart = a;
                runEnd = b;
            } else {
                runEnd = Math.max(runEnd, b);
            }
        }
        if (runEnd > runStart) {
            covered += runEnd - runStart;
        }
        return (double) covered / length;
    }

    static Breakdown breakdown(List<Trade> byExit, PerformanceInput in) {
        Group[] hours = filled(24);
        Group[] weekdays = filled(7);
        Group[] heat = filled(7 * 24);
        Map<String, Group> symbols = new TreeMap<>();
        Map<String, Group> bots = new TreeMap<>();
        Map<String, Group> regimes = new TreeMap<>();
        for (Trade t : byExit) {
            ZonedDateTime entry = t.entryTime().atZone(in.zone());
            int hour = entry.getHour();
            int day = entry.getDayOfWeek().getValue() - 1;
            hours[hour] = hours[hour].plus(t.pnl(), t.fees());
            weekdays[day] = weekdays[day].plus(t.pnl(), t.fees());
            heat[day * 24 + hour] = heat[day * 24 + hour].plus(t.pnl(), t.fees());
            symbols.merge(t.symbol(), Group.EMPTY.plus(t.pnl(), t.fees()), (a, b) -> a.plus(t.pnl(), t.fees()));
            for (String bot : t.bots()) {
                bots.merge(bot, Group.EMPTY.plus(t.pnl(), t.fees()), (a, b) -> a.plus(t.pnl(), t.fees()));
            }
            String regime = in.regimes().get(t.id());
            if (regime != null) {
                regimes.merge(regime, Group.EMPTY.plus(t.pnl(), t.fees()), (a, b) -> a.plus(t.pnl(), t.fees()));
            }
        }
        return new Breakdown(List.of(hours), List.of(weekdays), List.of(heat), symbols, bots, regimes);
    }

    private static Group[] filled(int n) {
        Group[] groups = new Group[n];
        java.util.Arrays.fill(groups, Group.EMPTY);
        return groups;
    }
}
