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

    /**
     * Told of every bar once the host has applied its fills and marked the positions at its close, and
     * before the bots vote on it (so before any entry decided on it reaches the chain): a module can follow equity
     * through the day (a daily loss limit, a drawdown guard) or count bars (a cooldown). The host
     * calls it only on modules that override it, so the default costs nothing per bar. The portfolio
     * view is an immutable copy taken after the bar.
     *
     * @param bar       the bar that just closed, of any traded symbol
     * @param portfolio the portfolio after that bar
     * @since 1.2
     */
    default void onBar(Bar bar, PortfolioView portfolio) {
    }
}
