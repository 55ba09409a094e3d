package dev.quorum.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the report prints numbers: one place, so that tests can print a metric the same way and find it
 * in the PDF's text. Undefined figures print as {@code n/a}, an infinite ratio as {@code ∞}.
 */
public final class Figures {

    /** Printed for an undefined figure (NaN). */
    public static final String NA = "n/a";
    /** Printed for an infinite ratio (a profit factor with wins and no losses). */
    public static final String INFINITY = "\u221E";

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

    private Figures() {
    }

    /**
     * @param v an amount in the quote currency
     * @return it with two decimals and thousands separators, such as {@code -1,234.50}
     */
    public static String money(double v) {
        return special(v) != null ? special(v) : String.format(Locale.ROOT, "%,.2f", Math.abs(v) < 0.005 ? 0 : v);
    }

    /**
     * @param v a fraction
     * @return it as a percentage with two decimals, such as {@code 12.34%}
     */
    public static String percent(double v) {
        return special(v) != null ? special(v) : String.format(Locale.ROOT, "%.2f%%", Math.abs(v) < 0.00005 ? 0 : v * 100);
    }

    /**
     * @param v a ratio
     * @return it with three decimals, {@code ∞} or {@code n/a}
     */
    public static String ratio(double v) {
        return special(v) != null ? special(v) : String.format(Locale.ROOT, "%.3f", zero(v));
    }

    /**
     * @param v a price or a quantity
     * @return it with up to six significant decimals
     */
    public static String number(double v) {
        if (special(v) != null) {
            return special(v);
        }
        double a = Math.abs(v);
        String f = a >= 1000 ? "%,.2f" : a >= 1 ? "%.4f" : "%.6f";
        return String.format(Locale.ROOT, f, zero(v));
    }

    /**
     * @param d a duration
     * @return it as days, hours and minutes, such as {@code 2d 03h 05m}, {@code 3h 05m} or {@code 12m}
     */
    public static String duration(Duration d) {
        long minutes = d.toMinutes();
        long days = minutes / 1440;
        long hours = minutes % 1440 / 60;
        long mins = minutes % 60;
        if (days > 0) {
            return String.format(Locale.ROOT, "%dd %02dh %02dm", days, hours, mins);
        }
        if (hours > 0) {
            return String.format(Locale.ROOT, "%dh %02dm", hours, mins);
        }
        return minutes > 0 || d.isZero() ? mins + "m" : d.toSeconds() + "s";
    }

    /**
     * @param t    an instant
     * @param zone the report's zone
     * @return it to the minute in the zone, such as {@code 2018-04-05 13:04}
     */
    public static String time(Instant t, ZoneId zone) {
        return MINUTE.format(t.atZone(zone));
    }

    private static String special(double v) {
        if (Double.isNaN(v)) {
            return NA;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? INFINITY : "-" + INFINITY;
        }
        return null;
    }

    private static double zero(double v) {
        return v == 0 ? 0 : v; // no "-0.00"
    }
}
