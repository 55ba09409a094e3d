package dev.quorum.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Clocks for tests of code that reads the time from an injected {@link Clock} (a live market data source, the host):
 * one the test sets by hand, and one running faster than the wall clock. Always UTC.
 */
public final class TestClock extends Clock {

    private final Supplier<Instant> now;
    private volatile Instant set;

    private TestClock(Instant start, Supplier<Instant> running) {
        this.set = start;
        this.now = running;
    }

    /**
     * @param start the time it shows until {@link #set} is called
     * @return a clock that stands still until the test moves it
     */
    public static TestClock at(Instant start) {
        return new TestClock(Objects.requireNonNull(start, "start"), null);
    }

    /**
     * @param start where it starts
     * @param speed how many times faster than the wall clock it runs, such as 60 for a minute a second
     * @return a running clock
     */
    public static TestClock running(Instant start, double speed) {
        long t0 = System.nanoTime();
        return new TestClock(null, () -> start.plusNanos((long) ((System.nanoTime() - t0) * speed)));
    }

    /**
     * Moves a clock made with {@link #at}.
     *
     * @param time what it shows from now on
     * @throws IllegalStateException for a running clock
     */
    public void set(Instant time) {
        if (now != null) {
            throw new IllegalStateException("a running clock cannot be set");
        }
        set = Objects.requireNonNull(time, "time");
    }

    @Override
    public Instant instant() {
        return now != null ? now.get() : set;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock is UTC");
    }
}
