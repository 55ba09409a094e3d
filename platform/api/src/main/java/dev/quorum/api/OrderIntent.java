package dev.quorum.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What the ensemble wants to do before risk has had its say: open a position on a symbol.
 *
 * <p>The engine starts an intent at the largest quantity the portfolio could take (all available
 * cash at the reference price, net of the fee) and each {@link RiskModule} in the chain may only keep
 * or shrink it. Exits never pass through the risk chain: risk can always reduce exposure, never
 * prevent its reduction.
 *
 * @param symbol         the instrument
 * @param direction      {@code LONG} or {@code SHORT}
 * @param quantity       units of the base asset requested, finite and {@code > 0}
 * @param referencePrice the close of the bar the decision was made on; the fill comes later, at the next bar's open
 * @param createdAt      the engine clock when the intent was made
 * @param consensus      the ensemble's consensus share for {@code direction}, in {@code [0, 1]}
 * @param voters         the bots that voted for {@code direction}, in config order
 * @param stopLoss       the stop-loss price the position will carry, if any
 * @param takeProfit     the take-profit price the position will carry, if any
 * @since 1.0
 */
public record OrderIntent(String symbol, Direction direction, double quantity, double referencePrice, Instant createdAt,
                          double consensus, List<String> voters, OptionalDouble stopLoss, OptionalDouble takeProfit) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException naming the field and its value
     */
    public OrderIntent {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(stopLoss, "stopLoss");
        Objects.requireNonNull(takeProfit, "takeProfit");
        if (direction == Direction.FLAT) {
            throw new IllegalArgumentException("an order intent is LONG or SHORT, not FLAT");
        }
        if (!(quantity > 0) || !Double.isFinite(quantity)) {
            throw new IllegalArgumentException("quantity must be finite and > 0, was " + quantity);
        }
        if (!(referencePrice > 0) || !Double.isFinite(referencePrice)) {
            throw new IllegalArgumentException("referencePrice must be finite and > 0, was " + referencePrice);
        }
        if (!(consensus >= 0 && consensus <= 1)) {
            throw new IllegalArgumentException("consensus must be in [0, 1], was " + consensus);
        }
        voters = List.copyOf(voters);
    }

    /**
     * The side of the opening order.
     *
     * @return {@code BUY} for long, {@code SELL} for short
     * @since 1.0
     */
    public Side side() {
        return Side.opening(direction);
    }

    /**
     * The requested notional at the reference price, {@code quantity * referencePrice}.
     *
     * @return notional in the quote currency
     * @since 1.0
     */
    public double notional() {
        return quantity * referencePrice;
    }

    /**
     * This intent with another quantity.
     *
     * @param newQuantity the quantity
     * @return a new intent
     * @since 1.0
     */
    public OrderIntent withQuantity(double newQuantity) {
        return new OrderIntent(symbol, direction, newQuantity, referencePrice, createdAt, consensus, voters, stopLoss, takeProfit);
    }

    /**
     * This intent with other exit levels.
     *
     * @param newStopLoss   the stop-loss, or empty
     * @param newTakeProfit the take-profit, or empty
     * @return a new intent
     * @since 1.2
     */
    public OrderIntent withLevels(OptionalDouble newStopLoss, OptionalDouble newTakeProfit) {
        return new OrderIntent(symbol, direction, quantity, referencePrice, createdAt, consensus, voters, newStopLoss, newTakeProfit);
    }
}
