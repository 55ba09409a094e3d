package dev.quorum.api;

import java.util.List;

/**
 * One configured position manager's state for a run, created by
 * {@link PositionManager#create(PositionContext)}.
 *
 * @since 1.2
 */
public interface PositionPolicy {

    /**
     * Where a new position's stop-loss and take-profit start. Called once for each entry the risk chain
     * approved, on the bar it was decided, before the order is sent (it fills from the next bar's open).
     * The levels must lie on the right sides of {@code entry.referencePrice()} (for a long, stop below and
     * target above); a level on the wrong side is refused and counted, and the position opens without it.
     *
     * @param entry     the approved intent; its {@code stopLoss()} and {@code takeProfit()} are the levels the
     *                  voting bots suggested, if any, for the manager to use or bound
     * @param portfolio the portfolio at the decision bar
     * @return the levels, never null
     * @since 1.2
     */
    EntryPlan open(OrderIntent entry, PortfolioView portfolio);

    /**
     * Called on every bar of a symbol while a position is open on it, after the bar's fills and before the
     * bots vote: keep the levels, move them, or close the position (from the next bar's open).
     *
     * @param position  the position, how long it has been open, and where its levels started
     * @param market    the symbol's market: the bar that just closed and its history
     * @param portfolio the portfolio after the bar
     * @return the update, never null; {@link PositionUpdate#keep()} to change nothing
     * @since 1.2
     */
    PositionUpdate manage(ManagedPosition position, MarketView market, PortfolioView portfolio);

    /**
     * Portfolio-level hedging, independent of the signals: called after every bar (of any symbol) while the
     * portfolio holds a position or a hedge, after the bar's fills, {@link #manage} and the bots' vote, with
     * the portfolio and its peak equity. The manager may open a hedge against an open position or close one
     * ({@link HedgeOrder}); the host takes the orders on the bar's symbol ({@link HedgeContext#symbol()}). The
     * default does neither, and the host calls this only on policies that override it.
     *
     * <p>The host also closes a hedge on its own when the position it hedges closes (exit reason
     * {@link ExitReason#HEDGE_RELEASED}, from the symbol's next bar's open) and at the end of the data
     * ({@link ExitReason#END_OF_DATA}). Hedges are told to {@link #onTradeClosed} like every trade
     * ({@link Trade#hedge()} is true).
     *
     * @param context the portfolio after the bar, with its hedges, and its peak equity
     * @return the orders, never null; empty to change nothing
     * @since 1.3
     */
    default List<HedgeOrder> hedge(HedgeContext context) {
        return List.of();
    }

    /**
     * Told of every closed trade, in order. The default does nothing.
     *
     * @param trade the closed trade
     * @since 1.2
     */
    default void onTradeClosed(Trade trade) {
    }
}
