package dev.quorum.core.journal;

import java.time.Instant;

import dev.quorum.api.Fill;
import dev.quorum.api.Side;

/**
 * A fill as the journal stores it (table {@code fills}).
 *
 * @param seq      its number in the run, from 1
 * @param orderId  the order it filled
 * @param symbol   the instrument
 * @param side     BUY or SELL
 * @param quantity units filled
 * @param price    the fill price
 * @param fee      the fee charged
 * @param time     when it filled (engine clock)
 */
public record StoredFill(long seq, long orderId, String symbol, Side side, double quantity, double price, double fee, Instant time) {

    /**
     * @param fill a fill the engine made
     * @return whether it is this one, in every stored field
     */
    public boolean sameAs(Fill fill) {
        return orderId == fill.orderId() && symbol.equals(fill.symbol()) && side == fill.side() && quantity == fill.quantity()
                && price == fill.price() && fee == fill.fee() && time.equals(fill.time());
    }
}
