package dev.quorum.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import dev.quorum.api.Trade;
import dev.quorum.core.analytics.Interval;
import dev.quorum.core.analytics.Performance;
import dev.quorum.core.journal.Holding;
import dev.quorum.core.journal.RunRecord;
import dev.quorum.core.portfolio.EquityPoint;

/**
 * Everything one daily report shows, read from the store and computed by the metrics module; the PDF
 * only lays it out.
 *
 * @param run          the run
 * @param day          the calendar day in {@code zone}
 * @param zone         the report's time zone
 * @param window       the day, {@code [start, end)} in engine time
 * @param period       period to date: the run's first bar to the day's end
 * @param generatedAt  the engine clock when the report was made (the run's last bar when made afterwards)
 * @param version      the Quorum version
 * @param sampling     the run's equity-curve spacing
 * @param today        the day's performance
 * @param toDate       the period-to-date performance
 * @param trades       the day's trades, by exit time
 * @param bots         one line per bot
 * @param healthChanges the bots' health changes during the day, in order, with their reasons
 * @param curve        the period's equity points up to the day's end (for the chart)
 * @param initialCash  the run's starting cash (the curve's first value)
 * @param openAtEnd    positions open at the day's end
 * @param sections     what plugins contributed
 */
public record DailyReport(RunRecord run, LocalDate day, ZoneId zone, Interval window, Interval period, Instant generatedAt,
                          String version, Duration sampling, Performance today, Performance toDate, List<Trade> trades,
                          List<BotRow> bots, List<dev.quorum.core.journal.PredictionRecords.HealthChange> healthChanges,
                          List<EquityPoint> curve, double initialCash, List<Holding> openAtEnd,
                          List<PluginSection> sections) {

    /** Copies. */
    public DailyReport {
        trades = List.copyOf(trades);
        bots = List.copyOf(bots);
        healthChanges = List.copyOf(healthChanges);
        curve = List.copyOf(curve);
        openAtEnd = List.copyOf(openAtEnd);
        sections = List.copyOf(sections);
    }
}
