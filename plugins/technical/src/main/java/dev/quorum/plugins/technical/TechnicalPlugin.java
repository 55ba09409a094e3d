package dev.quorum.plugins.technical;

import org.pf4j.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle hook of the {@code technical} plugin. It holds no state: the strategies are
 * {@link org.pf4j.Extension extensions} the host discovers on its own; this class only logs.
 */
public class TechnicalPlugin extends Plugin {

    private static final Logger LOG = LoggerFactory.getLogger(TechnicalPlugin.class);

    /** Called by PF4J. */
    public TechnicalPlugin() {
    }

    @Override
    public void start() {
        LOG.info("technical strategies started");
    }

    @Override
    public void stop() {
        LOG.info("technical strategies stopped");
    }
}
