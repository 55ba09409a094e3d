package dev.quorum.core.engine;

import dev.quorum.api.Fill;
import dev.quorum.core.portfolio.ClosedTrade;

/** Where the engine records what happened, as it happens (the run journal in H2). */
public interface RunSink {

    /**
     * A fill; recorded before the engine goes on.
     *
     * @param fill the fill
     */
    void onFill(Fill fill);

    /**
     * A closed trade; must be durable when this returns, before the next bar is processed.
     *
     * @param trade the trade and its risk notes
     */
    void onTradeClosed(ClosedTrade trade);
}
