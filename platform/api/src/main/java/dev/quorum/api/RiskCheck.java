package dev.quorum.api;

/**
 * One configured risk module's state for a run, created by {@link RiskModule#create(RiskContext)}.
 *
 * @since 1.0
 */
public interface RiskCheck {

    /**
     * Judges an order intent.
     *
     * @param intent    the intent as left by the modules before this one
     * @param portfolio the portfolio at the decision bar
     * @return approve, resize smaller, or reject; never null
     * @since 1.0
     */
    RiskDecision evaluate(OrderIntent intent, PortfolioView portfolio);

    /**
     * Told of every closed trade, in order, so a module can keep streaks or daily totals.
     * The default does nothing.
     *
     * @param trade the closed trade
     * @since 1.0
     */
    default void onTradeClosed(Trade trade) {
    }
}
