package dev.quorum.core.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One window of a walk-forward evaluation: whole days, inclusive.
 *
 * @param number its place, from 1
 * @param from   its first day
 * @param to     its last day
 */
public record Window(int number, LocalDate from, LocalDate to) {

    /**
     * Splits a span into consecutive windows of {@code months} months each (the last one may be shorter).
     *
     * @param from   the first day
     * @param to     the last day
     * @param months each window's length
     * @return the windows, in order
     */
    public static List<Window> split(LocalDate from, LocalDate to, int months) {
        if (months < 1) {
            throw new IllegalArgumentException("a window is at least 1 month, was " + months);
        }
        List<Window> windows = new ArrayList<>();
        // each bound counted from the first day, so that a start on the 31st does not drift (Jan 31, Feb 28, Mar 31, ...)
        for (int i = 0; !from.plusMonths((long) i * months).isAfter(to); i++) {
            LocalDate start = from.plusMonths((long) i * months);
            LocalDate end = from.plusMonths((long) (i + 1) * months).minusDays(1);
            windows.add(new Window(i + 1, start, end.isAfter(to) ? to : end));
        }
        return windows;
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
