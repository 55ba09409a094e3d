package dev.quorum.core.analytics;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

/**
 * The period's trades grouped: by the hour of day and the weekday of their entry (in the report's zone),
 * both at once (the heatmap), by symbol, by bot and by market regime. A trade counts once for every bot
 * that voted for its entry, with its whole PnL: the per-bot rows overlap and do not add up to the total.
 *
 * @param byHour    24 groups, hour 0 first
 * @param byWeekday 7 groups, Monday first
 * @param heatmap   7 x 24 groups, {@code heatmap.get(weekday index * 24 + hour)}
 * @param bySymbol  by symbol, sorted
 * @param byBot     by bot name, sorted
 * @param byRegime  by recorded regime, sorted; empty when none is recorded
 */
public record Breakdown(List<Group> byHour, List<Group> byWeekday, List<Group> heatmap, Map<String, Group> bySymbol,
                        Map<String, Group> byBot, Map<String, Group> byRegime) {

    /** Copies (the maps keep their order). */
    public Breakdown {
        byHour = List.copyOf(byHour);
        byWeekday = List.copyOf(byWeekday);
        heatmap = List.copyOf(heatmap);
        bySymbol = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bySymbol));
        byBot = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byBot));
        byRegime = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byRegime));
    }

    /**
     * @param day  a weekday
     * @param hour an hour of the day, 0..23
     * @return the trades entered in that hour on that weekday
     */
    public Group cell(DayOfWeek day, int hour) {
        return heatmap.get((day.getValue() - 1) * 24 + hour);
    }
}
