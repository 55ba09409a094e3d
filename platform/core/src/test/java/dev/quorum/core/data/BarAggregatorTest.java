package dev.quorum.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quorum.api.Bar;
import dev.quorum.api.Timeframe;

/** Building higher-timeframe bars from base bars, on hand-made 1-minute bars. */
class BarAggregatorTest {

    private static final Instant T0 = Instant.parse("2020-01-06T00:00:00Z"); // a Monday
    private final List<Bar> closed = new ArrayList<>();
    private final List<Integer> emittedAt = new ArrayList<>();

    @Test
    void aBucketIsEmittedOnTheBarThatClosesIt() {
        BarAggregator five = new BarAggregator("X", Timeframe.M1, Timeframe.M5);
        feed(five, bar(0, 10, 12, 9, 11, 1), bar(1, 11, 13, 10, 12, 2), bar(2, 12, 12, 8, 9, 3), bar(3, 9, 10, 9, 10, 4),
                bar(4, 10, 11, 10, 10.5, 5), bar(5, 10.5, 10.5, 10, 10, 1));
        assertEquals(1, closed.size());
        assertEquals(List.of(4), emittedAt, "emitted with the 00:04 bar, which closes at 00:05");
        Bar b = closed.get(0);
        assertEquals(new Bar("X", Timeframe.M5, T0, 10, 13, 8, 10.5, 15), b);
    }

    @Test
    void aBucketWhoseLastMinutesAreMissingIsEmittedByTheNextBarAndAnEmptyBucketMakesNoBar() {
        BarAggregator five = new BarAggregator("X", Timeframe.M1, Timeframe.M5);
        // minutes 0 and 2 of the first bucket, nothing in 00:05-00:10, then 00:11 and 00:14
        feed(five, bar(0, 10, 11, 9, 10, 1), bar(2, 10, 12, 10, 11, 1), bar(11, 11, 11, 11, 11, 1), bar(14, 11, 12, 11, 12, 1));
        assertEquals(2, closed.size());
        assertEquals(List.of(2, 3), emittedAt, "the first bucket on the 00:11 bar, the third on 00:14 (closing at 00:15)");
        assertEquals(new Bar("X", Timeframe.M5, T0, 10, 12, 9, 11, 2), closed.get(0));
        assertEquals(new Bar("X", Timeframe.M5, T0.plusSeconds(600), 11, 12, 11, 12, 2), closed.get(1));
    }

    @Test
    void theBucketStillFormingWhenTheDataEndsIsNeverEmitted() {
        BarAggregator hour = new BarAggregator("X", Timeframe.M1, Timeframe.H1);
        feed(hour, bar(0, 1, 1, 1, 1, 1), bar(30, 1, 1, 1, 1, 1));
        assertTrue(closed.isEmpty());
    }

    @Test
    void weeksStartOnMondayAndDaysAtMidnightUtc() {
        BarAggregator week = new BarAggregator("X", Timeframe.D1, Timeframe.parse("1w"));
        for (int d = 0; d < 7; d++) {
            week.add(new Bar("X", Timeframe.D1, T0.plusSeconds(86_400L * d), 1, 2, 1, 1, 1), closed::add);
        }
        assertEquals(1, closed.size());
        assertEquals(T0, closed.get(0).openTime());
        assertEquals(7, closed.get(0).volume());
    }

    @Test
    void aTimeframeThatIsNotAMultipleOfTheBaseIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BarAggregator("X", Timeframe.M5, Timeframe.parse("7m")));
        assertTrue(e.getMessage().contains("7m bars cannot be built from 5m bars"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BarAggregator("X", Timeframe.M5, Timeframe.M5));
    }

    private void feed(BarAggregator aggregator, Bar... bars) {
        for (int i = 0; i < bars.length; i++) {
            int index = i;
            aggregator.add(bars[i], b -> {
                closed.add(b);
                emittedAt.add(index);
            });
        }
    }

    private static Bar bar(int minute, double open, double high, double low, double close, double volume) {
        return new Bar("X", Timeframe.M1, T0.plusSeconds(60L * minute), open, high, low, close, volume);
    }
}
