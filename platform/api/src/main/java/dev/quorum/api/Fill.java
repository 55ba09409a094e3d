package dev.quorum.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An executed order, whole or part.
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
public record Fill(long orderId, String symbol, Side side, double quantity, double price, double fee, Instant time) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the field and its value
     */
    public Fill {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(time, "time");
        if (!(quantity > 0) || !Double.isFinite(quantity)) {
            throw new IllegalArgumentException("quantity must be finite and > 0, was " + quantity);
        }
        if (!(price > 0) || !Double.isFinite(price)) {
            throw new IllegalArgumentException("price must be finite and > 0, was " + price);
        }
        if (!(fee >= 0) || !Double.isFinite(fee)) {
            throw new IllegalArgumentException("fee must be finite and >= 0, was " + fee);
        }
    }
}
