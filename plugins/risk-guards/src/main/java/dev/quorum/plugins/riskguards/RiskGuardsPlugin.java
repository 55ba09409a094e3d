package dev.quorum.plugins.riskguards;

import org.pf4j.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle hook of the {@code risk-guards} plugin. It holds no state: the risk modules are
 * {@link org.pf4j.Extension extensions} the host discovers on its own; this class only logs.
 */
public class RiskGuardsPlugin extends Plugin {

    private static final Logger LOG = LoggerFactory.getLogger(RiskGuardsPlugin.class);

    /** Called by PF4J. */
    public RiskGuardsPlugin() {
    }

    @Override
    public void start() {
        LOG.info("guard risk modules started");
    }

    @Override
    public void stop() {
        LOG.info("guard risk modules stopped");
    }
}
