package dev.quorum.core.analytics;

import java.time.Instant;
import java.util.Objects;

/**
 * A span of engine time, {@code [from, to)}.
 *
 * @param from the start, inclusive
 * @param to   the end, exclusive; not before {@code from}
 */
public record Interval(Instant from, Instant to) {

    /** Validates. */
    public Interval {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("interval ends at " + to + ", before its start " + from);
        }
    }

    /** @return the length in milliseconds */
    public long millis() {
        return to.toEpochMilli() - from.toEpochMilli();
    }

    /**
     * @param t a time
     * @return whether {@code from <= t < to}
     */
    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }
}
