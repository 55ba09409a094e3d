package dev.quorum.plugins.positions;

import org.pf4j.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle hook of the {@code positions} plugin. It holds no state: the position manager is an
 * {@link org.pf4j.Extension extension} the host discovers on its own; this class only logs.
 */
public class PositionsPlugin extends Plugin {

    private static final Logger LOG = LoggerFactory.getLogger(PositionsPlugin.class);

    /** Called by PF4J. */
    public PositionsPlugin() {
    }

    @Override
    public void start() {
        LOG.info("position manager started");
    }

    @Override
    public void stop() {
        LOG.info("position manager stopped");
    }
}
