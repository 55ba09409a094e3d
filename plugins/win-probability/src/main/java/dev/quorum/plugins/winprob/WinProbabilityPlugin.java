package dev.quorum.plugins.winprob;

import org.pf4j.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle hook of the {@code win-probability} plugin: the learner is an {@link org.pf4j.Extension extension} the
 * host discovers on its own. On start it quiets Tribuo's java.util.logging output (it logs each training at INFO).
 */
public class WinProbabilityPlugin extends Plugin {

    private static final Logger LOG = LoggerFactory.getLogger(WinProbabilityPlugin.class);
    // held so that the level set on it is not lost when java.util.logging drops an unreferenced logger
    private static final java.util.logging.Logger TRIBUO = java.util.logging.Logger.getLogger("org.tribuo");

    /** Called by PF4J. */
    public WinProbabilityPlugin() {
    }

    @Override
    public void start() {
        TRIBUO.setLevel(java.util.logging.Level.WARNING);
        LOG.info("win-probability learner started");
    }

    @Override
    public void stop() {
        LOG.info("win-probability learner stopped");
    }
}
