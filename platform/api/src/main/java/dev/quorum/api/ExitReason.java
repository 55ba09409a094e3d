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
    END_OF_DATA
}
