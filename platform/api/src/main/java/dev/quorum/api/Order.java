package dev.quorum.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An order sent to a {@link Broker}: after risk, sized, ready to execute. Only market orders in 1.0.
 *
 * @param id        unique within a run, increasing
 * @param symbol    the instrument
 * @param side      buy or sell
 * @param quantity  units, {@code > 0}
 * @param createdAt the engine clock when it was submitted
 * @since 1.0
 */
public record Order(long id, String symbol, Side side, double quantity, Instant createdAt) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException for a non-positive quantity
     */
    public Order {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!(quantity > 0) || !Double.isFinite(quantity)) {
            throw new IllegalArgumentException("quantity must be finite and > 0, was " + quantity);
        }
    }
}
