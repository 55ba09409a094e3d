package dev.quorum.core.portfolio;

import dev.quorum.api.Trade;

/**
 * A trade the portfolio just closed, with the risk chain's notes on its entry.
 *
 * @param trade the trade
 * @param notes the risk notes, may be empty
 */
public record ClosedTrade(Trade trade, String notes) {
}
