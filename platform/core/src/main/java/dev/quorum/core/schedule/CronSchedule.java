package dev.quorum.core.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

/**
 * A cron expression in a time zone (cron-utils, Unix syntax: {@code minute hour day-of-month month
 * day-of-week}, such as {@code 5 0 * * *} for 00:05 every day). It knows only fire times; what time it is
 * comes from whoever asks (the engine clock in a run), so it runs the same in a backtest and live.
 */
public final class CronSchedule {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime times;

    private CronSchedule(String expression, ZoneId zone, ExecutionTime times) {
        this.expression = expression;
        this.zone = zone;
        this.times = times;
    }

    /**
     * @param expression a Unix cron expression (5 fields)
     * @param zone       the zone its hours are in
     * @return the schedule
     * @throws IllegalArgumentException naming the expression and what is wrong with it
     */
    public static CronSchedule parse(String expression, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("the cron expression is empty: expected 5 fields, such as '5 0 * * *'");
        }
        Cron cron;
        try {
            cron = PARSER.parse(expression.trim()).validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + expression + "' is not a valid cron expression (Unix syntax, 5 fields:"
                    + " minute hour day-of-month month day-of-week, such as '5 0 * * *'): " + e.getMessage(), e);
        }
        return new CronSchedule(expression.trim(), zone, ExecutionTime.forCron(cron));
    }

    /**
     * @param after a moment
     * @return the first fire time strictly after it
     * @throws IllegalStateException if the expression never fires again
     */
    public Instant next(Instant after) {
        ZonedDateTime from = after.atZone(zone);
        return times.nextExecution(from).map(ZonedDateTime::toInstant)
                .orElseThrow(() -> new IllegalStateException("the cron expression '" + expression + "' never fires after " + from));
    }

    /** @return the expression */
    public String expression() {
        return expression;
    }

    /** @return the zone */
    public ZoneId zone() {
        return zone;
    }

    @Override
    public String toString() {
        return "'" + expression + "' in " + zone;
    }
}
