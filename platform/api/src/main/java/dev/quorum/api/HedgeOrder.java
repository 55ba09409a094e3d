package dev.quorum.api;

import java.util.Objects;

/**
 * What a position manager's hedging rule wants done on a symbol: open a hedge against the position there,
 * or close the hedge. A hedge is a second position on the same symbol in the opposite direction, kept
 * apart from the position it protects (which keeps its own stop, target and management); it is never
 * larger than that position, so it can only reduce the symbol's net exposure, never reverse it.
 *
 * <p>The host sends an accepted order on the symbol of the bar just processed ({@link HedgeContext#symbol()})
 * as a market order that fills from that symbol's next bar's open, with the broker's fees and slippage.
 * Orders are idempotent: opening where a hedge is already open or opening, closing where none is open or
 * one is already closing, or anything while another market order works on the symbol (the position's own
 * entry or exit) does nothing, so a rule may ask again on every bar. The host refuses, and counts against
 * the plugin, opening where no position is open or with a quantity that is not finite and positive or
 * exceeds the position's. A hedge never stays larger than its position: when the position shrinks (a
 * partial exit), the host closes the hedge's excess at the same price.
 *
 * @param action   open or close
 * @param symbol   the instrument
 * @param quantity for {@code OPEN}, the units to hedge ({@code > 0}, at most the position's quantity); for
 *                 {@code CLOSE}, ignored (the whole hedge closes)
 * @param note     why, for the trade's exit notes (such as {@code "drawdown 10.4% ≥ 10%: 50% of 1.25"})
 * @since 1.3
 */
public record HedgeOrder(Action action, String symbol, double quantity, String note) {

    /** Open or close a hedge. */
    public enum Action {
        /** Open a hedge against the position on the symbol, in the opposite direction. */
        OPEN,
        /** Close the whole hedge on the symbol. */
        CLOSE
    }

    /** Checks for nulls. */
    public HedgeOrder {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(symbol, "symbol");
        note = note == null ? "" : note;
    }

    /**
     * @param symbol   the instrument, where a position is open
     * @param quantity the units to hedge, {@code > 0} and at most the position's quantity
     * @param note     why
     * @return an order to open a hedge
     * @since 1.3
     */
    public static HedgeOrder open(String symbol, double quantity, String note) {
        return new HedgeOrder(Action.OPEN, symbol, quantity, note);
    }

    /**
     * @param symbol the instrument, where a hedge is open
     * @param note   why
     * @return an order to close the hedge
     * @since 1.3
     */
    public static HedgeOrder close(String symbol, String note) {
        return new HedgeOrder(Action.CLOSE, symbol, 0, note);
    }
}
