package dev.quorum.core.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.quorum.api.Trade;
import dev.quorum.core.journal.Holding;
import dev.quorum.core.journal.RunJournal;
import dev.quorum.core.portfolio.EquityPoint;

/**
 * A run's stored trades and equity curve, read once, from which the performance of any window of it is
 * computed: the run's summary, a report's day, its period to date. The attribution rules are the same
 * everywhere:
 * <ul>
 *   <li>a trade belongs to the window in which it closed: its exit time in {@code [from, to)}. Fills happen at a
 *       bar's open (or inside it), so an exit at midnight is the first thing of the new day; the one exception
 *       is the END_OF_DATA close, stamped with the last bar's close time, which ends the last day and belongs
 *       to it ({@link #closedAt});</li>
 *   <li>an equity point stamped {@code t} (the close time of the last bar of its bucket) belongs to the window
 *       with {@code from < t <= to}; the window's start equity is the last point at or before {@code from},
 *       or the run's initial cash;</li>
 *   <li>the exposure time counts every trade of the run while it was open inside the window, and the
 *       positions still open at the window's end (rebuilt from the stored fills).</li>
 * </ul>
 */
public final class StoredRun {

    private final RunJournal journal;
    private final long runId;
    private final double initialCash;
    private final Duration sampling;
    private final List<Trade> trades;
    private final List<EquityPoint> curve;

    private StoredRun(RunJournal journal, long runId, double initialCash, Duration sampling, List<Trade> trades, List<EquityPoint> curve) {
        this.journal = journal;
        this.runId = runId;
        this.initialCash = initialCash;
        this.sampling = sampling;
        this.trades = trades;
        this.curve = curve;
    }

    /**
     * @param journal     the store's runs
     * @param runId       the run
     * @param initialCash its starting cash
     * @param sampling    its equity-curve spacing ({@code engine.equityResolution})
     * @return the run's stored data
     */
    public static StoredRun load(RunJournal journal, long runId, double initialCash, Duration sampling) {
        return new StoredRun(journal, runId, initialCash, sampling, List.copyOf(journal.trades(runId)),
                List.copyOf(journal.equityCurve(runId)));
    }

    /** @return the run's trades, in id order */
    public List<Trade> trades() {
        return trades;
    }

    /** @return the run's equity curve, in time order */
    public List<EquityPoint> curve() {
        return curve;
    }

    /** @return the equity-curve spacing */
    public Duration sampling() {
        return sampling;
    }

    /**
     * @param window the window
     * @param zone   the zone of the hour and weekday breakdowns
     * @return the window's performance
     */
    public Performance performance(Interval window, ZoneId zone) {
        return performance(window, zone, openAt(window.to()));
    }

    /**
     * The same, with the positions open at the window's end already read ({@link #openAt}), for callers
     * that compute several windows ending at the same moment.
     *
     * @param window    the window
     * @param zone      the zone of the hour and weekday breakdowns
     * @param openAtEnd {@code openAt(window.to())}
     * @return the window's performance
     */
    public Performance performance(Interval window, ZoneId zone, List<Holding> openAtEnd) {
        Instant from = window.from();
        Instant to = window.to();
        List<Trade> closed = new ArrayList<>();
        List<Interval> held = new ArrayList<>();
        for (Trade t : trades) {
            if (window.contains(closedAt(t))) {
                closed.add(t);
            }
            if (t.entryTime().isBefore(to)) {
                held.add(new Interval(t.entryTime(), t.exitTime()));
            }
        }
        for (Holding h : openAtEnd) {
            held.add(new Interval(h.since(), to));
        }
        double start = initialCash;
        List<EquityPoint> points = new ArrayList<>();
        for (EquityPoint p : curve) {
            if (p.time().isAfter(to)) {
                break;
            }
            if (p.time().isAfter(from)) {
                points.add(p);
            } else {
                start = p.equity();
            }
        }
        return Performance.of(new PerformanceInput(window, zone, closed, held, start, points, sampling, Map.of()));
    }

    /**
     * Each calendar day's return on equity, as {@link #performance} computes it for that day's window. A day
     * without an equity point (no bar traded) has no entry.
     *
     * @param zone the calendar's zone
     * @return return by day, in day order
     */
    public java.util.SortedMap<java.time.LocalDate, Double> dailyReturns(ZoneId zone) {
        java.util.SortedSet<java.time.LocalDate> days = new java.util.TreeSet<>();
        for (EquityPoint p : curve) {
            // windows are (from, to]: a point stamped exactly at midnight closes the day before
            days.add(p.time().minusMillis(1).atZone(zone).toLocalDate());
        }
        java.util.SortedMap<java.time.LocalDate, Double> returns = new java.util.TreeMap<>();
        for (java.time.LocalDate day : days) {
            Interval window = new Interval(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
            // the open positions only change the exposure figure, not the return: no need to read them
            returns.put(day, performance(window, zone, List.of()).equity().returnOnEquity());
        }
        return returns;
    }

    /**
     * @param t a trade
     * @return the moment that decides which window it belongs to: its exit time, or for an END_OF_DATA close
     *         (stamped with the last bar's close time) the millisecond before, inside the last bar
     */
    public static Instant closedAt(Trade t) {
        return t.exitReason() == dev.quorum.api.ExitReason.END_OF_DATA ? t.exitTime().minusMillis(1) : t.exitTime();
    }

    /**
     * @param at a moment
     * @return the positions open just before it, from the stored fills
     */
    public List<Holding> openAt(Instant at) {
        return journal.holdingsAt(runId, at);
    }
}
