package dev.quorum.api;

import org.pf4j.ExtensionPoint;

/**
 * A broker: orders in, fills out. The paper simulator that backtests use is one; a live exchange
 * connection is another.
 *
 * @since 1.0
 */
public interface Broker extends ExtensionPoint {

    /**
     * The broker's id, name, description and declared parameters.
     *
     * @return the info
     * @since 1.0
     */
    ComponentInfo info();

    /**
     * Opens a session for one run.
     *
     * @param parameters the validated parameter values (fees, credentials reference, …)
     * @return the session
     * @since 1.0
     */
    BrokerSession open(Parameters parameters);
}
