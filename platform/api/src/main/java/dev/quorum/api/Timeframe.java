package dev.quorum.api;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The length of one bar, such as one minute ({@code 1m}) or four hours ({@code 4h}).
 *
 * @param duration the bar length; positive, a whole number of seconds
 * @since 1.0
 */
public record Timeframe(Duration duration) implements Comparable<Timeframe> {

    private static final Pattern TEXT = Pattern.compile("(\\d+)([smhdw])");

    /** One minute. @since 1.0 */
    public static final Timeframe M1 = new Timeframe(Duration.ofMinutes(1));
    /** Five minutes. @since 1.0 */
    public static final Timeframe M5 = new Timeframe(Duration.ofMinutes(5));
    /** Fifteen minutes. @since 1.0 */
    public static final Timeframe M15 = new Timeframe(Duration.ofMinutes(15));
    /** One hour. @since 1.0 */
    public static final Timeframe H1 = new Timeframe(Duration.ofHours(1));
    /** Four hours. @since 1.0 */
    public static final Timeframe H4 = new Timeframe(Duration.ofHours(4));
    /** One day. @since 1.0 */
    public static final Timeframe D1 = new Timeframe(Duration.ofDays(1));

    /**
     * Validates the duration.
     *
     * @throws IllegalArgumentException if the duration is not a positive whole number of seconds
     */
    public Timeframe {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero() || duration.getNano() != 0) {
            throw new IllegalArgumentException("timeframe must be a positive whole number of seconds, was " + duration);
        }
    }

    /**
     * Parses the short form used in config files and on the command line: a count and a unit,
     * {@code s}, {@code m}, {@code h}, {@code d} or {@code w}, for example {@code 1m}, {@code 15m}, {@code 1d}.
     *
     * @param text the short form
     * @return the timeframe
     * @throws IllegalArgumentException naming the text and the expected form if it does not parse
     * @since 1.0
     */
    public static Timeframe parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        if (!m.matches() || m.group(1).length() > 6 || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("timeframe '" + text + "' is not valid: expected a count (1 to 999999) and a unit,"
                    + " like 1m, 5m, 1h, 4h, 1d");
        }
        long n = Long.parseLong(m.group(1));
        return new Timeframe(switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        });
    }

    /**
     * The short form, the inverse of {@link #parse(String)}: {@code 1m}, {@code 4h}, {@code 1d}.
     *
     * @return the short form
     * @since 1.0
     */
    @Override
    public String toString() {
        long s = duration.getSeconds();
        if (s % (7 * 86400) == 0) {
            return s / (7 * 86400) + "w";
        }
        if (s % 86400 == 0) {
            return s / 86400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }

    /**
     * Orders timeframes from shortest to longest.
     *
     * @param other the timeframe to compare with
     * @return negative, zero or positive as this one is shorter, equal or longer
     * @since 1.0
     */
    @Override
    public int compareTo(Timeframe other) {
        return duration.compareTo(other.duration);
    }

    /**
     * Equal when the durations are equal.
     *
     * @param o another object
     * @return whether {@code o} is a timeframe of the same duration
     * @since 1.0
     */
    @Override
    public boolean equals(Object o) {
        // written out (the same rule as the record's generated equals) because the engine compares
        // timeframes on every bar, and the identity check answers almost every one of those
        return o == this || o instanceof Timeframe other && duration.equals(other.duration);
    }

    /**
     * @return the duration's hash
     * @since 1.0
     */
    @Override
    public int hashCode() {
        return duration.hashCode();
    }
}
