package dev.quorum.core.journal;

import java.time.Instant;
import java.util.List;

import dev.quorum.api.Timeframe;

/**
 * What a run is about to replay, recorded before its first bar.
 *
 * @param kind        {@code backtest} or {@code replay} (paper sessions later)
 * @param configJson  the effective configuration, as canonical JSON
 * @param symbols     the instruments
 * @param timeframe   the base timeframe
 * @param from        first bar open time, inclusive
 * @param to          last bar open time, exclusive
 * @param initialCash starting cash
 */
public record RunSpec(String kind, String configJson, List<String> symbols, Timeframe timeframe, Instant from, Instant to,
                      double initialCash) {

    /** Copies. */
    public RunSpec {
        symbols = List.copyOf(symbols);
    }
}
