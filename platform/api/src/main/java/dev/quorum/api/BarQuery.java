package dev.quorum.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Which bars a {@link MarketDataSource} should deliver.
 *
 * @param symbols   the instruments, not empty
 * @param timeframe the bar length
 * @param from      the first bar's earliest open time, inclusive
 * @param to        the last bar's latest open time, exclusive
 * @since 1.0
 */
public record BarQuery(List<String> symbols, Timeframe timeframe, Instant from, Instant to) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException for no symbols or {@code to} not after {@code from}
     */
    public BarQuery {
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("a bar query needs at least one symbol");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to " + to + " must be after from " + from);
        }
    }
}
