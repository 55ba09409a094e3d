package dev.quorum.api;

import java.time.Instant;
import java.util.Objects;

/**
 * What a position manager's hedging rule sees after each bar ({@link PositionPolicy#hedge(HedgeContext)}).
 *
 * @param now        the engine clock: the close time of the bar just processed
 * @param symbol     the symbol of that bar: the host sends only the orders on this symbol (they fill from its
 *                   next bar's open, never from a bar that opened before the decision); orders on other
 *                   symbols are dropped, to be asked for again after their own bars
 * @param portfolio  the portfolio after the bar, its positions in {@link PortfolioView#positions()} and the
 *                   hedges against them in {@link PortfolioView#hedges()}
 * @param peakEquity the highest equity the portfolio has had at any bar's close of the run so far (the
 *                   initial equity before the first), marked the way {@link PortfolioView#equity()} is
 * @since 1.3
 */
public record HedgeContext(Instant now, String symbol, PortfolioView portfolio, double peakEquity) {

    /** Checks for nulls. */
    public HedgeContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(portfolio, "portfolio");
    }

    /**
     * The portfolio's drawdown from its peak now.
     *
     * @return {@code (peakEquity − equity) / peakEquity}, at least 0 (and 0 when the peak is not positive)
     * @since 1.3
     */
    public double drawdown() {
        return peakEquity > 0 ? Math.max(0, (peakEquity - portfolio.equity()) / peakEquity) : 0;
    }

    /**
     * A position's net exposure on its symbol: its quantity minus the quantity of the hedge against it.
     *
     * @param position an open position
     * @return units still exposed, in the position's direction
     * @since 1.3
     */
    public double netQuantity(Position position) {
        return position.quantity() - portfolio.hedge(position.symbol()).map(Position::quantity).orElse(0.0);
    }
}
