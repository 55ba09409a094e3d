package dev.quorum.core.portfolio;

import java.util.List;

import dev.quorum.api.Position;

/**
 * A position the portfolio holds, with what it needs to close it into a {@link dev.quorum.api.Trade}:
 * its entry and exit fills so far, summed. The position may be built up by several entry fills and run
 * down by several exit fills; it becomes a trade when it is flat again.
 *
 * @param position        the position as plugins see it: quantity held now, average entry price
 * @param enteredQuantity units bought (long) or sold (short) by the entry fills, in total
 * @param entryFees       the fees of the entry fills
 * @param exitedQuantity  units closed by exit fills so far, 0 before the first
 * @param exitPrice       the volume-weighted price of the exit fills so far; NaN before the first
 * @param exitFees        the fees of the exit fills so far
 * @param realised        the price PnL of the exit fills so far, before fees
 * @param bots            the bots that voted for the entry
 * @param notes           the risk chain's notes on the entry order
 */
public record OpenPosition(Position position, double enteredQuantity, double entryFees, double exitedQuantity, double exitPrice,
                           double exitFees, double realised, List<String> bots, String notes) {

    /** Copies. */
    public OpenPosition {
        bots = List.copyOf(bots);
    }

    /** @return the fee paid on entry (all entry fills) */
    public double entryFee() {
        return entryFees;
    }
}
