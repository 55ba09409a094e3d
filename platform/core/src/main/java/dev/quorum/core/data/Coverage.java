package dev.quorum.core.data;

import java.time.Instant;
import java.util.Objects;

import dev.quorum.api.Timeframe;

/**
 * What the store holds for one symbol and timeframe. The range may contain gaps: {@code bars} is
 * the number of stored bars, not the number of timeframes between {@code first} and {@code last}.
 *
 * @param symbol    the instrument
 * @param timeframe the bar length
 * @param bars      stored bars, at least 1
 * @param first     the earliest stored open time
 * @param last      the latest stored open time
 */
public record Coverage(String symbol, Timeframe timeframe, long bars, Instant first, Instant last) {

    /** Validates. */
    public Coverage {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (bars < 1) {
            throw new IllegalArgumentException("coverage of " + symbol + " " + timeframe + " must hold at least one bar");
        }
    }
}
