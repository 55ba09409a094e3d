package dev.quorum.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a report section may read: the day being reported, its closed trades and which strategy each bot
 * runs.
 *
 * @param day        the trading day (in {@code zone})
 * @param zone       the report's time zone
 * @param trades     the trades closed that day, by exit time
 * @param strategies bot name to the id of the strategy it runs, for every bot of the run the host knows
 *                   (since 1.1; empty from the 1.0 constructor)
 * @since 1.0
 */
public record ReportContext(LocalDate day, ZoneId zone, List<Trade> trades, Map<String, String> strategies) {

    /**
     * Checks for nulls and copies.
     */
    public ReportContext {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(zone, "zone");
        trades = List.copyOf(trades);
        strategies = Map.copyOf(strategies);
    }

    /**
     * The 1.0 form, without the bots' strategies.
     *
     * @param day    the trading day (in {@code zone})
     * @param zone   the report's time zone
     * @param trades the trades closed that day, by exit time
     * @since 1.0
     */
    public ReportContext(LocalDate day, ZoneId zone, List<Trade> trades) {
        this(day, zone, trades, Map.of());
    }

    /**
     * @param bot a bot's name
     * @return the id of the strategy it runs, or the bot's name when the host did not say
     * @since 1.1
     */
    public String strategyOf(String bot) {
        return strategies.getOrDefault(bot, bot);
    }
}
