package dev.quorum.api;

/**
 * One bot's strategy state on one symbol, created by {@link Strategy#create(StrategyContext)}.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface StrategyInstance {

    /**
     * Votes on the bar that just closed.
     *
     * @param view the bar, history, clock and position for this symbol
     * @return the vote, never null (return {@link Signal#flat(String...)} for no view)
     * @since 1.0
     */
    Signal onBar(MarketView view);
}
