package dev.quorum.core.portfolio;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.quorum.api.OrderIntent;
import dev.quorum.api.PortfolioView;
import dev.quorum.api.Position;

/**
 * An immutable copy of the portfolio handed to plugins, so none can reach or change the engine's state.
 *
 * @param now           the engine clock
 * @param cash          cash
 * @param equity        cash plus marked positions
 * @param initialEquity equity at the start
 * @param positions     open positions by symbol
 * @param hedges        open hedges by symbol
 * @param pendingEntries entries waiting to fill, by symbol
 * @param lastPrices    latest close per symbol, sorted by symbol
 * @param realisedPnl   price PnL realised by exit fills so far, before fees
 * @param unrealisedPnl open positions' and hedges' price PnL at their latest close, before fees
 * @param feesPaid      every fee paid so far
 */
public record PortfolioSnapshot(Instant now, double cash, double equity, double initialEquity,
                                List<Position> positions, List<Position> hedges, List<OrderIntent> pendingEntries,
                                Map<String, Double> lastPrices, double realisedPnl, double unrealisedPnl,
                                double feesPaid) implements PortfolioView {

    /** Copies, keeping a stable (sorted) order. */
    public PortfolioSnapshot {
        positions = List.copyOf(positions);
        hedges = List.copyOf(hedges);
        pendingEntries = List.copyOf(pendingEntries);
        lastPrices = Collections.unmodifiableSortedMap(new TreeMap<>(lastPrices));
    }

    @Override
    public double lastPrice(String symbol) {
        return lastPrices.getOrDefault(symbol, Double.NaN);
    }
}
