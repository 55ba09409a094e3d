package dev.quorum.plugins.risk;

import org.pf4j.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle hook of the {@code risk-basic} plugin. It holds no state: the risk modules are
 * {@link org.pf4j.Extension extensions} the host discovers on its own; this class only logs.
 */
public class RiskBasicPlugin extends Plugin {

    private static final Logger LOG = LoggerFactory.getLogger(RiskBasicPlugin.class);

    /** Called by PF4J. */
    public RiskBasicPlugin() {
    }

    @Override
    public void start() {
        LOG.info("basic risk modules started");
    }

    @Override
    public void stop() {
        LOG.info("basic risk modules stopped");
    }
}
