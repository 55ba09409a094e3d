package dev.quorum.core.broker;

/**
 * What an {@link ExecutionModel} lets execute of an order on one bar.
 *
 * @param quantity units that execute on this bar, finite and {@code > 0}
 * @param price    the execution price, slippage included, finite and {@code > 0}
 */
public record Execution(double quantity, double price) {

    /** Validates. */
    public Execution {
        if (!(quantity > 0) || !Double.isFinite(quantity)) {
            throw new IllegalArgumentException("quantity must be finite and > 0, was " + quantity);
        }
        if (!(price > 0) || !Double.isFinite(price)) {
            throw new IllegalArgumentException("price must be finite and > 0, was " + price);
        }
    }
}
