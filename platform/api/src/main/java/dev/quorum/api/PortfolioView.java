package dev.quorum.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of the portfolio at the current bar. Amounts are in the account currency.
 *
 * @since 1.0
 */
public interface PortfolioView {

    /**
     * The engine clock: the close time of the bar being processed. Never the wall clock in a backtest.
     *
     * @return the current instant
     * @since 1.0
     */
    Instant now();

    /**
     * Cash not tied up in positions, after fees paid.
     *
     * @return cash, may be negative only if a short's loss exceeded it
     * @since 1.0
     */
    double cash();

    /**
     * Cash plus the value of open positions marked at their latest close.
     *
     * @return equity
     * @since 1.0
     */
    double equity();

    /**
     * Equity at the start of the run.
     *
     * @return initial equity, {@code > 0}
     * @since 1.0
     */
    double initialEquity();

    /**
     * The open positions, ordered by symbol.
     *
     * @return an immutable list, empty when flat
     * @since 1.0
     */
    List<Position> positions();

    /**
     * Entries the risk chain approved and the engine sent, waiting to fill at the next bar's open of
     * their symbol. A risk module that limits exposure or the number of positions counts these too:
     * several symbols can decide on the same minute before any of their orders fills.
     *
     * @return an immutable list, ordered by symbol; empty when nothing is pending
     * @since 1.0
     */
    List<OrderIntent> pendingEntries();

    /**
     * The open position on a symbol.
     *
     * @param symbol the instrument
     * @return the position, or empty when flat on that symbol
     * @since 1.0
     */
    default Optional<Position> position(String symbol) {
        return positions().stream().filter(p -> p.symbol().equals(symbol)).findFirst();
    }

    /**
     * The latest close seen for a symbol.
     *
     * @param symbol the instrument
     * @return the price, or NaN when no bar of that symbol has been seen yet
     * @since 1.0
     */
    double lastPrice(String symbol);
}
