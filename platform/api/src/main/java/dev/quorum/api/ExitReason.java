package dev.quorum.api;

/**
 * Why a position was closed.
 *
 * @since 1.0
 */
public enum ExitReason {
    /** The bar's low (long) or high (short) reached the stop-loss. */
    STOP_LOSS,
    /** The bar's high (long) or low (short) reached the take-profit. */
    TAKE_PROFIT,
    /** The ensemble reached consensus in the opposite direction. */
    SIGNAL,
    /** The data ended with the position open; closed at the last close. */
    END_OF_DATA,
    /**
     * The bar reached a stop-loss that the position manager had moved from where it started (a trailing
     * stop, a break-even move).
     *
     * @since 1.2
     */
    TRAILING_STOP,
    /**
     * The position manager closed the position because it had been open too long.
     *
     * @since 1.2
     */
    TIME_EXIT,
    /**
     * The position manager closed the position for another reason, given in the trade's exit notes.
     *
     * @since 1.2
     */
    MANAGED,
    /**
     * A hedge closed: the position manager's hedging rule released it, or the position it hedged closed.
     * The trade's exit notes say which.
     *
     * @since 1.3
     */
    HEDGE_RELEASED
}
