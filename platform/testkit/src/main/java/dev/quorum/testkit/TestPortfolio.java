package dev.quorum.testkit;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.quorum.api.OrderIntent;
import dev.quorum.api.PortfolioView;
import dev.quorum.api.Position;

/**
 * An immutable {@link PortfolioView} for tests; the {@code with…} methods return changed copies. Cash equals
 * equity and no fee has been paid (a test that needs otherwise implements the view itself).
 *
 * @param now            the engine clock
 * @param equity         the equity
 * @param initialEquity  equity at the start of the run
 * @param positions      open positions
 * @param hedges         open hedges against them
 * @param pendingEntries entries waiting to fill
 * @param prices         last prices by symbol; a symbol not given has NaN
 */
public record TestPortfolio(Instant now, double equity, double initialEquity, List<Position> positions,
                            List<Position> hedges, List<OrderIntent> pendingEntries, Map<String, Double> prices) implements PortfolioView {

    /** Copies. */
    public TestPortfolio {
        positions = List.copyOf(positions);
        hedges = List.copyOf(hedges);
        pendingEntries = List.copyOf(pendingEntries);
        prices = Map.copyOf(prices);
    }

    /**
     * A portfolio without hedges, as before quorum-api 1.3.
     *
     * @param now            the engine clock
     * @param equity         the equity
     * @param initialEquity  equity at the start of the run
     * @param positions      open positions
     * @param pendingEntries entries waiting to fill
     * @param prices         last prices by symbol
     */
    public TestPortfolio(Instant now, double equity, double initialEquity, List<Position> positions,
                         List<OrderIntent> pendingEntries, Map<String, Double> prices) {
        this(now, equity, initialEquity, positions, List.of(), pendingEntries, prices);
    }

    /**
     * @param now    the engine clock
     * @param equity the equity, all cash
     * @return a flat portfolio that started with 10,000
     */
    public static TestPortfolio of(Instant now, double equity) {
        return new TestPortfolio(now, equity, 10_000, List.of(), List.of(), List.of(), Map.of());
    }

    /**
     * @param time the engine clock
     * @return this portfolio at another time
     */
    public TestPortfolio at(Instant time) {
        return new TestPortfolio(time, equity, initialEquity, positions, hedges, pendingEntries, prices);
    }

    /**
     * @param isoInstant the engine clock, such as {@code 2018-04-05T12:00:00Z}
     * @return this portfolio at another time
     */
    public TestPortfolio at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    /**
     * @param value the equity
     * @return this portfolio with another equity
     */
    public TestPortfolio withEquity(double value) {
        return new TestPortfolio(now, value, initialEquity, positions, hedges, pendingEntries, prices);
    }

    /**
     * @param value the equity at the start of the run
     * @return this portfolio with another initial equity
     */
    public TestPortfolio withInitialEquity(double value) {
        return new TestPortfolio(now, equity, value, positions, hedges, pendingEntries, prices);
    }

    /**
     * @param open the open positions
     * @return this portfolio holding them (instead of the ones it held)
     */
    public TestPortfolio with(Position... open) {
        return new TestPortfolio(now, equity, initialEquity, List.of(open), hedges, pendingEntries, prices);
    }

    /**
     * @param open the open hedges
     * @return this portfolio holding them (instead of the ones it held)
     */
    public TestPortfolio hedged(Position... open) {
        return new TestPortfolio(now, equity, initialEquity, positions, List.of(open), pendingEntries, prices);
    }

    /**
     * @param entries entries waiting to fill
     * @return this portfolio with them pending (instead of the ones it had)
     */
    public TestPortfolio pending(OrderIntent... entries) {
        return new TestPortfolio(now, equity, initialEquity, positions, hedges, List.of(entries), prices);
    }

    /**
     * @param symbol the instrument
     * @param price  its last price
     * @return this portfolio with that price
     */
    public TestPortfolio price(String symbol, double price) {
        Map<String, Double> copy = new HashMap<>(prices);
        copy.put(symbol, price);
        return new TestPortfolio(now, equity, initialEquity, positions, hedges, pendingEntries, copy);
    }

    @Override
    public double cash() {
        return equity;
    }

    @Override
    public double lastPrice(String symbol) {
        return prices.getOrDefault(symbol, Double.NaN);
    }

    @Override
    public double feesPaid() {
        return 0;
    }
}
