package dev.quorum.report;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.core.engine.EngineClockListener;
import dev.quorum.core.schedule.CronSchedule;

/**
 * Writes each finished day's report on the engine clock, at the times of a cron schedule (default 00:05
 * in the report's zone): at each fire time, every day of the run that has ended by then and has no report
 * yet is reported, oldest first. So a backtest of ten days writes ten reports, each at the engine time it
 * would have been written live. When the run ends, the days it covered that are left (the last one, whose
 * fire time falls after the data) are reported too.
 *
 * <p>A report that fails (a full disk, a broken plugin section that takes the layout down) is logged with
 * its cause and tried again at the next fire time; it never stops the run.
 */
public final class DailyReportScheduler implements EngineClockListener {

    private static final Logger log = LoggerFactory.getLogger(DailyReportScheduler.class);

    /** What writes one day's report (a {@link DailyReports}, in production). */
    @FunctionalInterface
    public interface DayWriter {
        /**
         * @param runId the run
         * @param day   the day
         * @param zone  the zone
         * @param now   the engine clock
         * @return what was written
         * @throws IOException when it cannot be written
         */
        DailyReports.Written write(long runId, LocalDate day, ZoneId zone, Instant now) throws IOException;
    }

    private final DayWriter writer;
    private final CronSchedule schedule;
    private final Consumer<DailyReports.Written> onWritten;
    private Instant next = Instant.MIN; // wake at the first bar to learn where the run starts
    private LocalDate nextDay;
    private int failures;

    /**
     * @param writer    writes one day's report
     * @param schedule  when, in its zone (the reports' zone)
     * @param onWritten told of each report written (progress output)
     */
    public DailyReportScheduler(DayWriter writer, CronSchedule schedule, Consumer<DailyReports.Written> onWritten) {
        this.writer = writer;
        this.schedule = schedule;
        this.onWritten = onWritten;
    }

    @Override
    public Instant nextWakeUp() {
        return next;
    }

    @Override
    public void onClock(long runId, Instant now) {
        if (nextDay == null) {
            nextDay = dayOf(now);
        } else {
            reportDaysEndedBy(runId, now, now);
        }
        next = schedule.next(now);
    }

    @Override
    public void onClockReplayed(long runId, Instant now) {
        // the days ended by now were reported when the run first came here (a report that failed then is not retried)
        if (nextDay == null) {
            nextDay = dayOf(now);
        } else {
            while (!nextDay.plusDays(1).atStartOfDay(schedule.zone()).toInstant().isAfter(now)) {
                nextDay = nextDay.plusDays(1);
            }
        }
        next = schedule.next(now);
    }

    @Override
    public void onRunEnd(long runId, Instant lastBar) {
        if (nextDay == null || lastBar == null) {
            return;
        }
        // the run is over: the day of its last bar is as complete as it will get
        reportDaysEndedBy(runId, dayOf(lastBar).plusDays(1).atStartOfDay(schedule.zone()).toInstant(), lastBar);
    }

    /** @return reports that failed so far (each is tried again at the next fire time) */
    public int failures() {
        return failures;
    }

    private void reportDaysEndedBy(long runId, Instant end, Instant now) {
        ZoneId zone = schedule.zone();
        while (!nextDay.plusDays(1).atStartOfDay(zone).toInstant().isAfter(end)) {
            try {
                onWritten.accept(writer.write(runId, nextDay, zone, now));
            } catch (IOException | RuntimeException e) {
                failures++;
                log.warn("the report of {} (run {}) failed at engine time {}; trying again at the next scheduled time: {}",
                        nextDay, runId, now, e.toString(), e);
                return;
            }
            nextDay = nextDay.plusDays(1);
        }
    }

    private LocalDate dayOf(Instant t) {
        return t.minusMillis(1).atZone(schedule.zone()).toLocalDate();
    }
}
