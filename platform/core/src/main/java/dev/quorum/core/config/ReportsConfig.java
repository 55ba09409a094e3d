package dev.quorum.core.config;

import java.time.DateTimeException;
import java.time.ZoneId;

import dev.quorum.core.schedule.CronSchedule;

/**
 * The {@code reports} section: the daily PDF report.
 *
 * @param dir           where reports are written, as {@code quorum-YYYY-MM-DD.pdf}
 * @param timezone      the zone whose calendar days the reports cover and whose clock the schedule uses
 * @param schedule      when a run writes the report of the day just ended: a Unix cron expression in
 *                      {@code timezone}, on the engine clock (default {@code 5 0 * * *}, 00:05)
 * @param retentionDays reports older than this many days before the newest one written are deleted; 0 keeps
 *                      all, [0, 36500]
 * @param duringRuns    whether backtests and replays write the reports of the days they cover
 */
public record ReportsConfig(String dir, String timezone, String schedule, Integer retentionDays, Boolean duringRuns) {

    /** Fills defaults, checks the zone and the cron expression. */
    public ReportsConfig {
        dir = Check.notBlank("reports.dir", dir, "reports");
        timezone = Check.notBlank("reports.timezone", timezone, "UTC");
        try {
            ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("reports.timezone = " + timezone + " is not a time zone: expected a region such as"
                    + " Europe/Berlin or America/New_York, UTC, or an offset such as +05:30", e);
        }
        schedule = Check.notBlank("reports.schedule", schedule, "5 0 * * *");
        try {
            CronSchedule.parse(schedule, ZoneId.of(timezone)).next(java.time.Instant.parse("2001-01-01T00:00:00Z"));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("reports.schedule = '" + schedule + "' never fires: expected a cron expression"
                    + " that names a day that exists, such as '5 0 * * *'", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("reports.schedule = " + e.getMessage(), e);
        }
        retentionDays = Check.range("reports.retentionDays", retentionDays, 90, 0, 36_500);
        duringRuns = duringRuns == null || duringRuns;
    }

    /** @return every default */
    public static ReportsConfig defaults() {
        return new ReportsConfig(null, null, null, null, null);
    }

    /** @return the zone */
    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    /** @return the schedule in the zone */
    public CronSchedule cron() {
        return CronSchedule.parse(schedule, zone());
    }
}
