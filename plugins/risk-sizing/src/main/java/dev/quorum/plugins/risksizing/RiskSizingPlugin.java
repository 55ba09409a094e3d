package dev.quorum.plugins.risksizing;

import org.pf4j.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle hook of the {@code risk-sizing} plugin. It holds no state: the risk modules are
 * {@link org.pf4j.Extension extensions} the host discovers on its own; this class only logs.
 */
public class RiskSizingPlugin extends Plugin {

    private static final Logger LOG = LoggerFactory.getLogger(RiskSizingPlugin.class);

    /** Called by PF4J. */
    public RiskSizingPlugin() {
    }

    @Override
    public void start() {
        LOG.info("sizing risk modules started");
    }

    @Override
    public void stop() {
        LOG.info("sizing risk modules stopped");
    }
}
