package dev.quorum.core.portfolio;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
 * @param lastPrices    latest close per symbol
 */
public record PortfolioSnapshot(Instant now, double cash, double equity, double initialEquity,
                                List<Position> positions, Map<String, Double> lastPrices) implements PortfolioView {

    /** Copies. */
    public PortfolioSnapshot {
        positions = List.copyOf(positions);
        lastPrices = Map.copyOf(lastPrices);
    }

    @Override
    public double lastPrice(String symbol) {
        return lastPrices.getOrDefault(symbol, Double.NaN);
    }
}
