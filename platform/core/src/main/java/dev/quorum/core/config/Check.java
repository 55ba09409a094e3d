package dev.quorum.core.config;

import java.util.Locale;

/** Range checks shared by the config records; each failure names the key, the value and the allowed range. */
final class Check {

    private Check() {
    }

    static double range(String key, Double value, double fallback, double min, double max, boolean minExclusive) {
        double v = value == null ? fallback : value;
        boolean low = minExclusive ? !(v > min) : !(v >= min);
        if (low || !(v <= max) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s = %s is out of range: expected a number in %s%s, %s]",
                    key, value, minExclusive ? "(" : "[", plain(min), plain(max)));
        }
        return v;
    }

    static int range(String key, Integer value, int fallback, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new IllegalArgumentException(key + " = " + value + " is out of range: expected an integer in [" + min + ", " + max + "]");
        }
        return v;
    }

    static String notBlank(String key, String value, String fallback) {
        String v = value == null ? fallback : value;
        if (v.isBlank()) {
            throw new IllegalArgumentException(key + " must not be blank");
        }
        return v;
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
