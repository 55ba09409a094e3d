package dev.quorum.core.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The deepest fall of an equity curve from a running peak.
 *
 * @param depth    the fall as a fraction of the peak, in {@code [0, 1]}; 0 when the curve never fell
 * @param peak     when the peak before the fall was set (the period's start when it is the starting equity)
 * @param trough   when the lowest point after that peak was reached
 * @param recovery when the curve first got back to the peak after the trough; empty if it has not
 * @param duration peak to recovery, or peak to the end of the period when not recovered; zero without a fall
 */
public record Drawdown(double depth, Instant peak, Instant trough, Optional<Instant> recovery, Duration duration) {

    /** @return whether the curve was back at its peak by the end of the period */
    public boolean recovered() {
        return recovery.isPresent();
    }
}
