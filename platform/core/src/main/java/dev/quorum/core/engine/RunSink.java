package dev.quorum.core.engine;

import dev.quorum.api.Fill;
import dev.quorum.core.portfolio.ClosedTrade;

/** Where the engine records what happened, as it happens (the run journal in H2). */
public interface RunSink {

    /**
     * An entry fill; recorded before the engine goes on.
     *
     * @param fill the fill
     */
    void onEntry(Fill fill);

    /**
     * An exit fill and the trade it closed, recorded together (one transaction): when this returns
     * both are durable, before the next bar is processed.
     *
     * @param fill  the exit fill
     * @param trade the closed trade and its risk notes
     */
    void onExit(Fill fill, ClosedTrade trade);
}
