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

    /**
     * Prints rows as columns, each as wide as its widest cell, two spaces apart.
     *
     * @param out  where
     * @param rows the rows, the header first; every row as long as the first
     * @param left how many leading columns are aligned left (the others right)
     */
    static void table(java.io.PrintWriter out, java.util.List<java.util.List<String>> rows, int left) {
        int[] width = new int[rows.get(0).size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        });
        for (java.util.List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format(Locale.ROOT, i < left ? "%-" + width[i] + "s" : "%" + width[i] + "s", row.get(i))).append("  ");
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
