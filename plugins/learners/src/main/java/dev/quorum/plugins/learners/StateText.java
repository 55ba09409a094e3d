package dev.quorum.plugins.learners;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text the learners save their state as: a first line naming the format and its version, then one record per
 * line, fields separated by tabs (bot names hold no tabs: the host allows letters, digits and {@code . _ -}). Numbers
 * are written with {@link Double#toString} and read back exactly, so a resumed learner continues bit for bit.
 */
final class StateText {

    private final StringBuilder text = new StringBuilder();

    /** @param header the format's name and version, such as {@code meta-trust 1} */
    StateText(String header) {
        text.append(header).append('\n');
    }

    /** Appends a record. */
    StateText line(Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            text.append(fields[i] instanceof Double d ? Double.toString(d) : String.valueOf(fields[i]));
        }
        text.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /**
     * Splits saved text into records.
     *
     * @param key    the state key it was stored under, for messages
     * @param text   the saved text
     * @param header the expected first line
     * @return each record's fields, with its line number
     * @throws IllegalStateException naming the key and the line when the text is not of this format
     */
    static List<Line> parse(String key, String text, String header) {
        String[] lines = text.split("\n", -1);
        if (!lines[0].equals(header)) {
            throw new IllegalStateException("state '" + key + "' line 1: expected '" + header + "', found '" + abbreviate(lines[0]) + "'");
        }
        List<Line> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                out.add(new Line(key, i + 1, lines[i].split("\t", -1)));
            }
        }
        return out;
    }

    /**
     * Splits saved text into its records after the header and the line naming the bots, which must be this run's.
     *
     * @param key    the state key it was stored under, for messages
     * @param text   the saved text
     * @param header the expected first line
     * @param bots   this run's bots, in vote order
     * @return the records after the bots line, with their line numbers
     * @throws IllegalStateException naming the key and the line when the text is not of this format or of other bots
     */
    static List<Line> records(String key, String text, String header, List<String> bots) {
        List<Line> lines = parse(key, text, header);
        Bots.check(lines, bots);
        return lines.subList(1, lines.size());
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /** One saved record. */
    record Line(String key, int number, String[] fields) {

        /** @throws IllegalStateException unless the record has {@code n} fields */
        Line expect(int n) {
            if (fields.length != n) {
                throw bad("expected " + n + " fields, found " + fields.length);
            }
            return this;
        }

        String text(int i) {
            return fields[i];
        }

        double number(int i) {
            try {
                double d = Double.parseDouble(fields[i]);
                if (!Double.isFinite(d)) {
                    throw bad("field " + (i + 1) + " is " + fields[i] + ", expected a finite number");
                }
                return d;
            } catch (NumberFormatException e) {
                throw bad("field " + (i + 1) + " is '" + fields[i] + "', expected a number");
            }
        }

        int count(int i) {
            double d = number(i);
            if (d < 0 || d != Math.rint(d) || d > Integer.MAX_VALUE) {
                throw bad("field " + (i + 1) + " is " + fields[i] + ", expected a count");
            }
            return (int) d;
        }

        /** @throws IllegalStateException unless field {@code i} is a whole number in [0, size) */
        int index(int i, int size) {
            int v = count(i);
            if (v >= size) {
                throw bad("field " + (i + 1) + " is " + v + ", expected below " + size);
            }
            return v;
        }

        IllegalStateException bad(String what) {
            return new IllegalStateException(String.format(Locale.ROOT, "state '%s' line %d: %s", key, number, what));
        }
    }
}
