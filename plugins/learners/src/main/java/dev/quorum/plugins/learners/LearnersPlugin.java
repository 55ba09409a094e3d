package dev.quorum.plugins.learners;

import org.pf4j.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle hook of the {@code learners} plugin. It holds no state: the learners are
 * {@link org.pf4j.Extension extensions} the host discovers on its own; this class only logs.
 */
public class LearnersPlugin extends Plugin {

    private static final Logger LOG = LoggerFactory.getLogger(LearnersPlugin.class);

    /** Called by PF4J. */
    public LearnersPlugin() {
    }

    @Override
    public void start() {
        LOG.info("learners started");
    }

    @Override
    public void stop() {
        LOG.info("learners stopped");
    }
}
