package dev.quorum.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What a report section may read: the day being reported and its closed trades.
 *
 * @param day    the trading day (in {@code zone})
 * @param zone   the report's time zone
 * @param trades the trades closed that day, by exit time
 * @since 1.0
 */
public record ReportContext(LocalDate day, ZoneId zone, List<Trade> trades) {

    /**
     * Checks for nulls and copies.
     */
    public ReportContext {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(zone, "zone");
        trades = List.copyOf(trades);
    }
}
