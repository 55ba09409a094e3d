package dev.quorum.core.portfolio;

import dev.quorum.api.Trade;

/**
 * A trade the portfolio just closed, with the risk chain's notes on its entry and the position manager's
 * on its exit.
 *
 * @param trade     the trade
 * @param notes     the risk notes, may be empty
 * @param exitNotes how the position manager set and moved its levels and why it exited; empty without one
 */
public record ClosedTrade(Trade trade, String notes, String exitNotes) {

    /**
     * A trade without exit notes.
     *
     * @param trade the trade
     * @param notes the risk notes
     */
    public ClosedTrade(Trade trade, String notes) {
        this(trade, notes, "");
    }

    /**
     * @param newExitNotes the position manager's notes
     * @return this trade with them
     */
    public ClosedTrade withExitNotes(String newExitNotes) {
        return new ClosedTrade(trade, notes, newExitNotes);
    }
}
