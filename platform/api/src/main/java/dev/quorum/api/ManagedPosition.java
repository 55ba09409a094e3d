package dev.quorum.api;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An open position as its {@link PositionPolicy} sees it on each bar.
 *
 * @param position          the position now: quantity, average entry price, entry time and current levels
 * @param barsHeld          bars of its symbol closed since the first entry fill, counting the bar of that fill
 *                          as 1 (so the first {@code manage} call after an entry at a bar's open sees 1)
 * @param initialStopLoss   where the stop-loss started
 * @param initialTakeProfit where the take-profit started
 * @param consensus         the ensemble's consensus share for the entry, in {@code [0, 1]}
 * @since 1.2
 */
public record ManagedPosition(Position position, long barsHeld, OptionalDouble initialStopLoss, OptionalDouble initialTakeProfit,
                              double consensus) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException for a negative bar count or a consensus outside {@code [0, 1]}
     */
    public ManagedPosition {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(initialStopLoss, "initialStopLoss");
        Objects.requireNonNull(initialTakeProfit, "initialTakeProfit");
        if (barsHeld < 0) {
            throw new IllegalArgumentException("barsHeld must be >= 0, was " + barsHeld);
        }
        if (!(consensus >= 0 && consensus <= 1)) {
            throw new IllegalArgumentException("consensus must be in [0, 1], was " + consensus);
        }
    }

    /**
     * The position's gain at a price as a fraction of its entry price, before fees: positive when the price
     * moved its way.
     *
     * @param price the mark price
     * @return {@code (price − entry) / entry} for a long, the negative for a short
     * @since 1.2
     */
    public double gain(double price) {
        double move = (price - position.entryPrice()) / position.entryPrice();
        return position.direction() == Direction.LONG ? move : -move;
    }
}
