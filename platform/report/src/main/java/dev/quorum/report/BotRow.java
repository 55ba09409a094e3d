package dev.quorum.report;

import dev.quorum.core.analytics.Group;

/**
 * One bot's line in the report.
 *
 * @param bot         the bot's name
 * @param strategy    its strategy id ("" when the store does not say)
 * @param longs       LONG signals it gave on the day
 * @param shorts      SHORT signals it gave on the day
 * @param day         the day's trades it voted for
 * @param period      the period's trades it voted for
 * @param weight      its weight in the vote when the day's report was due, the mean over the run's symbols (the learners'
 *                    snapshot at the first wake-up of the engine clock after the day, 00:05 by default; on a finished
 *                    run's last day, at its end); NaN when none is stored (no learners, or no reports during the run)
 * @param state       its health when the day ended (ACTIVE, DEGRADED, SUSPENDED, PROBATION, RETIRED), or, on a finished
 *                    run's last day, SUSPENDED (errors) for a bot its errors suspended
 * @param errors      errors counted against it in the run (finished runs only)
 */
public record BotRow(String bot, String strategy, long longs, long shorts, Group day, Group period, double weight,
                     String state, int errors) {
}
