package dev.quorum.api;

import java.util.List;

/**
 * A broker connection for one run.
 *
 * @since 1.0
 */
public interface BrokerSession extends AutoCloseable {

    /**
     * Submits an order; it fills later, reported by {@link #onBar(Bar)}.
     *
     * @param order the order
     * @since 1.0
     */
    void submit(Order order);

    /**
     * Called with each new bar before strategies see it; returns the fills that happened since the
     * last call (a simulator fills pending market orders at this bar's open).
     *
     * @param bar the bar that just closed
     * @return the fills, in execution order; empty if none
     * @since 1.0
     */
    List<Fill> onBar(Bar bar);

    /**
     * Ends the session.
     *
     * @since 1.0
     */
    @Override
    default void close() {
    }
}
