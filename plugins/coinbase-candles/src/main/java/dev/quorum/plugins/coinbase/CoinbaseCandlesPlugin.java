package dev.quorum.plugins.coinbase;

import org.pf4j.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle hook of the {@code coinbase-candles} plugin. It holds no state: the data source is an
 * {@link org.pf4j.Extension extension} the host discovers on its own; it opens no connection until a run asks it for bars.
 */
public class CoinbaseCandlesPlugin extends Plugin {

    private static final Logger LOG = LoggerFactory.getLogger(CoinbaseCandlesPlugin.class);

    /** Called by PF4J. */
    public CoinbaseCandlesPlugin() {
    }

    @Override
    public void start() {
        LOG.info("Coinbase candles source started");
    }
}
