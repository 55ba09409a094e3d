package dev.quorum.core.data;

import java.time.Instant;
import java.util.Objects;

/**
 * A hole in a bar series: two consecutive bars that are more than one timeframe apart, such as
 * minutes without a trade, nights and weekends, or days missing from a sample. Gaps are real; no
 * bar is ever invented to fill one.
 *
 * @param after       the open time of the last bar before the gap
 * @param before      the open time of the first bar after the gap
 * @param missingBars how many bar slots lie between the two bars, at least 1 for aligned bars
 */
public record Gap(Instant after, Instant before, long missingBars) {

    /** Validates. */
    public Gap {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(before, "before");
        if (!before.isAfter(after)) {
            throw new IllegalArgumentException("gap end " + before + " must be after its start " + after);
        }
    }
}
