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
 * @param weight      its weight in the vote (1 for every bot until learners exist)
 * @param state       ACTIVE, SUSPENDED (at the end of a finished run) or RUNNING (the run is still going)
 * @param errors      errors counted against it in the run (finished runs only)
 */
public record BotRow(String bot, String strategy, long longs, long shorts, Group day, Group period, double weight,
                     String state, int errors) {
}
