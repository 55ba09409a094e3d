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
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate end = start.plusMonths(months).minusDays(1);
            windows.add(new Window(windows.size() + 1, start, end.isAfter(to) ? to : end));
            start = end.plusDays(1);
        }
        return windows;
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
