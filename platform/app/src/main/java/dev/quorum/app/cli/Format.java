package dev.quorum.app.cli;

import java.util.Locale;

/** Number formatting for the console: Locale.ROOT, explicit signs, ∞ and n/a spelled out. */
final class Format {

    private Format() {
    }

    static String money(double v) {
        return String.format(Locale.ROOT, "%+,.2f", v);
    }

    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    static String signedPercent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%+.2f%%", fraction * 100);
    }

    static String ratio(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return Double.isInfinite(v) ? (v > 0 ? "∞ (no losing trade)" : "-∞") : String.format(Locale.ROOT, "%.3f", v);
    }

    static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
