package dev.quorum.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of the portfolio at the current bar. Amounts are in the account currency.
 *
 * <p>Accounting identity: {@code equity() = initialEquity() + realisedPnl() + unrealisedPnl() − feesPaid()}
 * (up to floating-point rounding). Realised and unrealised PnL are price moves only, before fees;
 * every fee paid so far, on entries and exits, open positions included, is in {@link #feesPaid()}.
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
     * Cash plus the value of open positions and hedges, marked at their latest close.
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
     * The hedges open against positions ({@link PositionPolicy#hedge(HedgeContext)}): each on the symbol of
     * a position in {@link #positions()}, in the opposite direction, at most as large. Their marked value is
     * part of {@link #equity()}, their price PnL of {@link #unrealisedPnl()}.
     *
     * @return an immutable list, ordered by symbol; empty without hedges
     * @since 1.3
     */
    default List<Position> hedges() {
        return List.of();
    }

    /**
     * The hedge open on a symbol.
     *
     * @param symbol the instrument
     * @return the hedge, or empty when none is open there
     * @since 1.3
     */
    default Optional<Position> hedge(String symbol) {
        return hedges().stream().filter(p -> p.symbol().equals(symbol)).findFirst();
    }

    /**
     * Entries the risk chain approved and the engine sent, waiting to fill at the next bar's open of
     * their symbol. A risk module that limits exposure or the number of positions counts these too:
     * several symbols can decide on the same minute before any of their orders fills. An entry that
     * has partly filled (a broker that caps each bar's participation fills it over several bars)
     * appears here with the quantity still to fill, while its filled part is already in
     * {@link #positions()}: the same symbol can then be in both lists.
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

    /**
     * Profit or loss locked in by exits so far (closed trades and the closed parts of positions still
     * open), from price moves only, before fees: for each exit fill, {@code (exit − average entry) ×
     * quantity} for a long, the negative for a short.
     *
     * @return realised PnL in the quote currency
     * @since 1.0
     */
    default double realisedPnl() {
        return equity() - initialEquity() - unrealisedPnl() + feesPaid();
    }

    /**
     * Profit or loss of the open positions if they closed at their symbol's latest close, before fees:
     * the sum of {@link Position#unrealisedPnl(double)} at {@link #lastPrice(String)} over the positions and
     * the hedges.
     *
     * @return unrealised PnL in the quote currency; 0 when flat
     * @since 1.0
     */
    default double unrealisedPnl() {
        double sum = 0;
        for (Position p : positions()) {
            double price = lastPrice(p.symbol());
            sum += Double.isNaN(price) ? 0 : p.unrealisedPnl(price);
        }
        for (Position h : hedges()) {
            double price = lastPrice(h.symbol());
            sum += Double.isNaN(price) ? 0 : h.unrealisedPnl(price);
        }
        return sum;
    }

    /**
     * Every fee paid since the start of the run, entries and exits, including the entry fees of
     * positions still open.
     *
     * @return fees in the quote currency, {@code >= 0}
     * @since 1.0
     */
    double feesPaid();
}
