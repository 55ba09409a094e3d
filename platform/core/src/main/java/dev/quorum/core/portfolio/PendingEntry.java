package dev.quorum.core.portfolio;

import dev.quorum.api.OrderIntent;

/**
 * An approved entry sent to the broker and waiting to fill; its notional is reserved so that
 * decisions on other symbols in the same minute cannot spend the same equity. When the entry fills in
 * parts, the intent's quantity is what is still to fill and the reservation shrinks in proportion.
 *
 * @param orderId  the broker order id
 * @param intent   the intent as the risk chain left it, with the quantity still to fill
 * @param notes    the risk chain's notes
 * @param reserved the equity held back for the quantity still to fill: its notional at the expected fill
 *                 price (reference price plus expected slippage) plus the entry fee
 */
public record PendingEntry(long orderId, OrderIntent intent, String notes, double reserved) {

    /**
     * This entry after a part of it filled.
     *
     * @param remaining the quantity still to fill, {@code > 0} and below the current one
     * @return the entry with that quantity and the reservation scaled to it
     */
    public PendingEntry remaining(double remaining) {
        return new PendingEntry(orderId, intent.withQuantity(remaining), notes, reserved * (remaining / intent.quantity()));
    }
}
