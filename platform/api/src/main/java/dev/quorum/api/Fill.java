package dev.quorum.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An executed order, whole or part. An order may fill in several parts (over several bars, when a
 * simulator caps how much of a bar's volume one order may take); {@link #remaining()} says how much
 * of it is still open after this part.
 *
 * @param orderId    the id of the order it fills
 * @param symbol     the instrument
 * @param side       buy or sell
 * @param quantity   units filled, {@code > 0}
 * @param price      the execution price, slippage included, {@code > 0}
 * @param fee        the fee charged, in the quote currency, {@code >= 0}
 * @param time       when it filled (engine clock)
 * @param liquidity  whether the fill provided liquidity (a resting limit order: maker fee) or took it
 *                   (market and stop orders: taker fee)
 * @param slippage   what slippage cost on this fill, in the quote currency: {@code quantity × |price − p|}
 *                   where {@code p} is the price before slippage (the open, or the order's level), {@code >= 0}
 * @param remaining  units of the order still open after this fill, {@code >= 0}; 0 when the order is complete
 * @since 1.0
 */
public record Fill(long orderId, String symbol, Side side, double quantity, double price, double fee, Instant time,
                   Liquidity liquidity, double slippage, double remaining) {

    /**
     * Whether a fill provided or took liquidity, which decides its fee rate.
     *
     * @since 1.0
     */
    public enum Liquidity {
        /** A resting limit order was executed against: the maker fee applies. */
        MAKER,
        /** The order executed against the market (market orders, triggered stops): the taker fee applies. */
        TAKER
    }

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the field and its value
     */
    public Fill {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(liquidity, "liquidity");
        if (!(quantity > 0) || !Double.isFinite(quantity)) {
            throw new IllegalArgumentException("quantity must be finite and > 0, was " + quantity);
        }
        if (!(price > 0) || !Double.isFinite(price)) {
            throw new IllegalArgumentException("price must be finite and > 0, was " + price);
        }
        if (!(fee >= 0) || !Double.isFinite(fee)) {
            throw new IllegalArgumentException("fee must be finite and >= 0, was " + fee);
        }
        if (!(slippage >= 0) || !Double.isFinite(slippage)) {
            throw new IllegalArgumentException("slippage must be finite and >= 0, was " + slippage);
        }
        if (!(remaining >= 0) || !Double.isFinite(remaining)) {
            throw new IllegalArgumentException("remaining must be finite and >= 0, was " + remaining);
        }
    }

    /**
     * A complete taker fill without slippage: the order filled whole, at {@code price}.
     *
     * @param orderId  the id of the order it fills
     * @param symbol   the instrument
     * @param side     buy or sell
     * @param quantity units filled, {@code > 0}
     * @param price    the execution price, {@code > 0}
     * @param fee      the fee charged, in the quote currency, {@code >= 0}
     * @param time     when it filled (engine clock)
     * @since 1.0
     */
    public Fill(long orderId, String symbol, Side side, double quantity, double price, double fee, Instant time) {
        this(orderId, symbol, side, quantity, price, fee, time, Liquidity.TAKER, 0, 0);
    }

    /**
     * Whether this fill completed its order.
     *
     * @return {@code remaining() == 0}
     * @since 1.0
     */
    public boolean isComplete() {
        return remaining == 0;
    }

    /**
     * The traded value, {@code quantity * price}.
     *
     * @return notional in the quote currency
     * @since 1.0
     */
    public double notional() {
        return quantity * price;
    }
}
