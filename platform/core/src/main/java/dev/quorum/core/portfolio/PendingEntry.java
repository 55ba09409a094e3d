package dev.quorum.core.portfolio;

import dev.quorum.api.OrderIntent;

/**
 * An approved entry sent to the broker and waiting to fill; its notional is reserved so that
 * decisions on other symbols in the same minute cannot spend the same equity.
 *
 * @param orderId  the broker order id
 * @param intent   the intent as the risk chain left it
 * @param notes    the risk chain's notes
 * @param reserved the equity held back for it: its notional at the reference price plus the entry fee
 */
public record PendingEntry(long orderId, OrderIntent intent, String notes, double reserved) {
}
