package dev.quorum.api;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An order sent to a {@link Broker}: after risk, sized, ready to execute.
 *
 * <p>Three types ({@link Type}): a {@code MARKET} order executes at the next price available; a
 * {@code LIMIT} order executes only at its {@link #price() price} or better (a buy at or below it, a
 * sell at or above it); a {@code STOP} order waits until the market trades at or beyond its price
 * (a buy at or above, a sell at or below) and then executes like a market order. How a simulator
 * decides this on bars is documented by the broker (Quorum's paper broker: README, "How one bar is
 * processed").
 *
 * @param id        unique within a run, increasing
 * @param symbol    the instrument
 * @param side      buy or sell
 * @param quantity  units, {@code > 0}
 * @param createdAt the engine clock when it was submitted
 * @param type      market, limit or stop
 * @param price     the limit price of a {@code LIMIT} order or the trigger price of a {@code STOP} order,
 *                  finite and {@code > 0}; empty for a {@code MARKET} order
 * @since 1.0
 */
public record Order(long id, String symbol, Side side, double quantity, Instant createdAt, Type type, OptionalDouble price) {

    /**
     * How an order executes.
     *
     * @since 1.0
     */
    public enum Type {
        /** At the next price available; takes liquidity. */
        MARKET,
        /** At its price or better; rests in the book and provides liquidity. */
        LIMIT,
        /** Waits until the market trades at or beyond its price, then executes as a market order. */
        STOP
    }

    /**
     * Validates.
     *
     * @throws IllegalArgumentException for a non-positive quantity, a market order with a price, or a
     *                                  limit or stop order without a finite positive one
     */
    public Order {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(price, "price");
        if (!(quantity > 0) || !Double.isFinite(quantity)) {
            throw new IllegalArgumentException("quantity must be finite and > 0, was " + quantity);
        }
        if (type == Type.MARKET && price.isPresent()) {
            throw new IllegalArgumentException("a MARKET order has no price, was given " + price.getAsDouble());
        }
        if (type != Type.MARKET && (price.isEmpty() || !(price.getAsDouble() > 0) || !Double.isFinite(price.getAsDouble()))) {
            throw new IllegalArgumentException("a " + type + " order needs a finite price > 0, was " + price);
        }
    }

    /**
     * A market order; the same as {@link #market}.
     *
     * @param id        unique within a run, increasing
     * @param symbol    the instrument
     * @param side      buy or sell
     * @param quantity  units, {@code > 0}
     * @param createdAt the engine clock when it was submitted
     * @since 1.0
     */
    public Order(long id, String symbol, Side side, double quantity, Instant createdAt) {
        this(id, symbol, side, quantity, createdAt, Type.MARKET, OptionalDouble.empty());
    }

    /**
     * A market order.
     *
     * @param id        unique within a run, increasing
     * @param symbol    the instrument
     * @param side      buy or sell
     * @param quantity  units, {@code > 0}
     * @param createdAt the engine clock when it was submitted
     * @return the order
     * @since 1.0
     */
    public static Order market(long id, String symbol, Side side, double quantity, Instant createdAt) {
        return new Order(id, symbol, side, quantity, createdAt, Type.MARKET, OptionalDouble.empty());
    }

    /**
     * A limit order: a buy executes at {@code limit} or below, a sell at {@code limit} or above.
     *
     * @param id        unique within a run, increasing
     * @param symbol    the instrument
     * @param side      buy or sell
     * @param quantity  units, {@code > 0}
     * @param createdAt the engine clock when it was submitted
     * @param limit     the limit price, finite and {@code > 0}
     * @return the order
     * @since 1.0
     */
    public static Order limit(long id, String symbol, Side side, double quantity, Instant createdAt, double limit) {
        return new Order(id, symbol, side, quantity, createdAt, Type.LIMIT, OptionalDouble.of(limit));
    }

    /**
     * A stop order: a buy triggers when the market trades at {@code stop} or above, a sell at {@code stop}
     * or below; once triggered it executes as a market order.
     *
     * @param id        unique within a run, increasing
     * @param symbol    the instrument
     * @param side      buy or sell
     * @param quantity  units, {@code > 0}
     * @param createdAt the engine clock when it was submitted
     * @param stop      the trigger price, finite and {@code > 0}
     * @return the order
     * @since 1.0
     */
    public static Order stop(long id, String symbol, Side side, double quantity, Instant createdAt, double stop) {
        return new Order(id, symbol, side, quantity, createdAt, Type.STOP, OptionalDouble.of(stop));
    }

    /**
     * This order with another quantity (an amendment keeps the id, type and price).
     *
     * @param newQuantity units, {@code > 0}
     * @return a new order
     * @since 1.0
     */
    public Order withQuantity(double newQuantity) {
        return new Order(id, symbol, side, newQuantity, createdAt, type, price);
    }
}
