package dev.quorum.core.portfolio;

import java.util.List;

import dev.quorum.api.Position;

/**
 * A position the portfolio holds, with what it needs to close it into a {@link dev.quorum.api.Trade}.
 *
 * @param position the position as plugins see it
 * @param entryFee the fee paid on entry
 * @param bots     the bots that voted for the entry
 * @param notes    the risk chain's notes on the entry order
 */
public record OpenPosition(Position position, double entryFee, List<String> bots, String notes) {

    /** Copies. */
    public OpenPosition {
        bots = List.copyOf(bots);
    }
}
