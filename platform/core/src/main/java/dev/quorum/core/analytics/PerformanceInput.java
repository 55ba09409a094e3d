package dev.quorum.core.analytics;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.quorum.api.Trade;
import dev.quorum.core.portfolio.EquityPoint;

/**
 * Everything the metrics of one period are computed from, all of it read from the store.
 *
 * @param period      the period, {@code [from, to)} in engine time
 * @param zone        the time zone of the hour-of-day and weekday breakdowns
 * @param trades      the trades that closed in the period (by exit time)
 * @param held        when positions were open, from every trade of the run and the positions still open
 *                    (clipped to the period here); for the exposure time
 * @param startEquity the equity at the period's start: the last stored point before it, or the run's
 *                    initial cash
 * @param equity      the stored equity points inside the period, in time order
 * @param sampling    the spacing of the equity points ({@code engine.equityResolution}); the Sharpe and
 *                    Sortino ratios are annualised by {@code sqrt(365.25 days / sampling)}
 * @param regimes     the market regime recorded for a trade, by trade id; trades without one are left out
 *                    of the by-regime breakdown (empty when no regime is recorded)
 */
public record PerformanceInput(Interval period, ZoneId zone, List<Trade> trades, List<Interval> held, double startEquity,
                               List<EquityPoint> equity, Duration sampling, Map<Long, String> regimes) {

    /** Validates and copies. */
    public PerformanceInput {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(sampling, "sampling");
        if (sampling.isZero() || sampling.isNegative()) {
            throw new IllegalArgumentException("sampling must be positive, not " + sampling);
        }
        trades = List.copyOf(trades);
        held = List.copyOf(held);
        equity = List.copyOf(equity);
        regimes = Map.copyOf(regimes);
    }
}
