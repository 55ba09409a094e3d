package dev.quorum.plugins.positions;

import java.util.Locale;

/**
 * Number formats of the manager's notes, all with {@link Locale#ROOT}. Stateless.
 *
 * <ul>
 *   <li>{@link #pct(double)}: a fraction as a percentage with two decimals, {@code 0.0041 → "0.41%"}.</li>
 *   <li>{@link #num(double)}: a multiplier or factor with up to four decimals and at least one,
 *       {@code 2 → "2.0"}, {@code 0.134 → "0.134"}.</li>
 *   <li>{@link #price(double)}: a price with six significant digits but never fewer than two decimals,
 *       trailing zeros beyond the second decimal dropped: {@code 99.59 → "99.59"},
 *       {@code 60111.06 → "60111.06"}, {@code 1.234567 → "1.23457"}, {@code 0.000123456 → "0.000123456"}.</li>
 *   <li>{@link #share(double)}: a share in {@code [0, 1]} such as a consensus, with at least three decimals and
 *       up to four, {@code 0.7 → "0.700"}, {@code 0.7499 → "0.7499"}, {@code 2/3 → "0.6667"}.</li>
 *   <li>{@link #percent(double)}: a percentage given in percent, with up to four decimals and none when whole,
 *       {@code 40 → "40%"}, {@code 33.5 → "33.5%"}.</li>
 * </ul>
 */
final class Fmt {

    private static final int SIGNIFICANT = 6;
    private static final int MAX_DECIMALS = 15;

    private Fmt() {
    }

    /**
     * A fraction as a percentage with two decimals.
     *
     * @param fraction such as {@code 0.0041}
     * @return such as {@code "0.41%"}
     */
    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    /**
     * A multiplier or factor: up to four decimals, at least one.
     *
     * @param value such as {@code 1.5}
     * @return such as {@code "1.5"}
     */
    static String num(double value) {
        return strip(String.format(Locale.ROOT, "%.4f", value), 1);
    }

    /**
     * A price: six significant digits, at least two decimals.
     *
     * @param value a price
     * @return the price with six significant digits and at least two decimals
     */
    static String price(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        int integerDigits = value == 0 ? 1 : (int) Math.floor(Math.log10(Math.abs(value))) + 1;
        int decimals = Math.min(MAX_DECIMALS, Math.max(2, SIGNIFICANT - integerDigits));
        return strip(String.format(Locale.ROOT, "%." + decimals + "f", value), 2);
    }

    /**
     * A share such as a consensus: at least three decimals, up to four.
     *
     * @param value such as {@code 0.7}
     * @return such as {@code "0.700"}
     */
    static String share(double value) {
        return strip(String.format(Locale.ROOT, "%.4f", value), 3);
    }

    /**
     * A percentage given in percent (not a fraction): up to four decimals, none when whole.
     *
     * @param percent such as {@code 40} or {@code 33.5}
     * @return such as {@code "40%"} or {@code "33.5%"}
     */
    static String percent(double percent) {
        String text = strip(String.format(Locale.ROOT, "%.4f", percent), 0);
        return (text.endsWith(".") ? text.substring(0, text.length() - 1) : text) + "%";
    }

    /** Drops trailing zeros of a plain decimal text, keeping at least {@code minDecimals} decimals. */
    private static String strip(String text, int minDecimals) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            return text;
        }
        int end = text.length();
        while (end > dot + 1 + minDecimals && text.charAt(end - 1) == '0') {
            end--;
        }
        return text.substring(0, end);
    }
}
