package dev.quorum.api;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An open position on one symbol, as plugins see it. Immutable snapshot.
 *
 * @param symbol     the instrument
 * @param direction  {@code LONG} or {@code SHORT}, never {@code FLAT}
 * @param quantity   units of the base asset held, {@code > 0}
 * @param entryPrice the average fill price of the entry
 * @param entryTime  when the entry filled (engine clock)
 * @param stopLoss   the active stop-loss price, if any
 * @param takeProfit the active take-profit price, if any
 * @since 1.0
 */
public record Position(String symbol, Direction direction, double quantity, double entryPrice, Instant entryTime,
                      OptionalDouble stopLoss, OptionalDouble takeProfit) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException for a FLAT direction or a non-positive quantity or price
     */
    public Position {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(entryTime, "entryTime");
        Objects.requireNonNull(stopLoss, "stopLoss");
        Objects.requireNonNull(takeProfit, "takeProfit");
        if (direction == Direction.FLAT) {
            throw new IllegalArgumentException("a position is LONG or SHORT, not FLAT");
        }
        if (!(quantity > 0) || !Double.isFinite(quantity)) {
            throw new IllegalArgumentException("quantity must be finite and > 0, was " + quantity);
        }
        if (!(entryPrice > 0) || !Double.isFinite(entryPrice)) {
            throw new IllegalArgumentException("entryPrice must be finite and > 0, was " + entryPrice);
        }
    }

    /**
     * The position's value at a price, before fees: {@code quantity * price}.
     *
     * @param price the mark price
     * @return the notional value, always positive
     * @since 1.0
     */
    public double notional(double price) {
        return quantity * price;
    }

    /**
     * Profit or loss if closed at a price, before fees: positive when the price moved the position's way.
     *
     * @param price the mark price
     * @return unrealised PnL in the quote currency
     * @since 1.0
     */
    public double unrealisedPnl(double price) {
        double move = price - entryPrice;
        return direction == Direction.LONG ? move * quantity : -move * quantity;
    }
}
