package dev.quorum.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.quorum.api.Bar;
import dev.quorum.api.Direction;
import dev.quorum.api.EntryLeg;
import dev.quorum.api.Order;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.Position;
import dev.quorum.api.Side;
import dev.quorum.core.broker.Execution;
import dev.quorum.core.broker.PaperBroker;
import dev.quorum.core.portfolio.PendingEntry;
import dev.quorum.core.portfolio.Portfolio;

/**
 * The entry side of the order desk: an approved entry goes out as one market order or in legs (the first a
 * market order, then limit orders resting at their prices, or market orders held back a number of bars after
 * the first fill). Each leg reserves its expected cost in free equity until it fills or is cancelled; before a
 * bar it could fill on, a market leg is checked against the equity left for it at the price it would fill at
 * and shrinks to what that buys, or is cancelled when nothing is left. The legs of a position never add up to
 * more than the risk chain approved.
 */
final class EntryLegs {

    /** A leg reserved in the portfolio whose market order goes out {@code afterBars} bars after the first fill. */
    private record DelayedLeg(long orderId, String symbol, Side side, int afterBars) {
    }

    private final PaperBroker broker;
    private final Portfolio portfolio;
    private final OrderBook orders;
    private final List<DelayedLeg> delayed = new ArrayList<>();
    // per symbol with delayed legs: bars since its position's first fill
    private final Map<String, int[]> barsSinceFirstFill = new HashMap<>();
    // legs cancelled while this bar's fills are applied (an exit came first): their fills are dropped
    private final Set<Long> cancelledThisBar = new HashSet<>();

    EntryLegs(PaperBroker broker, Portfolio portfolio, OrderBook orders) {
        this.broker = broker;
        this.portfolio = portfolio;
        this.orders = orders;
    }

    /**
     * Sends an approved entry and reserves each leg's expected cost.
     *
     * @param approved the intent as the risk chain left it
     * @param legs     the entry legs (fractions of the approved quantity), or empty for one market order
     * @param notes    the risk chain's notes
     * @param now      the engine clock
     */
    void send(OrderIntent approved, List<EntryLeg> legs, String notes, Instant now) {
        if (legs.isEmpty()) {
            send(approved, EntryLeg.market(1), notes, now);
            return;
        }
        double left = approved.quantity();
        for (EntryLeg leg : legs) {
            double quantity = Math.min(left, approved.quantity() * leg.fraction()); // rounding never buys more than approved
            left -= quantity;
            send(approved.withQuantity(quantity), leg, notes, now);
        }
    }

    private void send(OrderIntent part, EntryLeg leg, String notes, Instant now) {
        long id = orders.add(OrderBook.Role.ENTRY);
        if (leg.limitPrice().isPresent()) {
            double limit = leg.limitPrice().getAsDouble();
            portfolio.addPending(new PendingEntry(id, part, notes, part.quantity() * limit * (1 + broker.makerFee())));
            broker.submit(Order.limit(id, part.symbol(), part.side(), part.quantity(), now, limit));
            return;
        }
        portfolio.addPending(new PendingEntry(id, part, notes,
                part.notional() * (1 + broker.model().expectedSlippage()) * (1 + broker.takerFee())));
        if (leg.afterBars() > 0) {
            delayed.add(new DelayedLeg(id, part.symbol(), part.side(), leg.afterBars()));
        } else {
            broker.submit(Order.market(id, part.symbol(), part.side(), part.quantity(), now));
        }
    }

    /**
     * Before a symbol's bar executes: counts the bar for its delayed legs and sends those that are due (they
     * fill at this bar's open), then fits its market legs to the equity left for them.
     *
     * @param bar the bar
     * @return whether a position's first leg was cancelled for want of equity (its other legs with it)
     */
    boolean beforeBar(Bar bar) {
        cancelledThisBar.clear();
        if (!delayed.isEmpty()) {
            releaseDue(bar);
        }
        if (!portfolio.hasPending()) {
            return false;
        }
        for (PendingEntry entry : portfolio.pendingAllOn(bar.symbol())) {
            if (!fitToEquity(entry, bar)) {
                return true;
            }
        }
        return false;
    }

    private void releaseDue(Bar bar) {
        int[] count = barsSinceFirstFill.get(bar.symbol());
        if (count == null) {
            return;
        }
        count[0]++;
        if (broker.hasMarketOrder(bar.symbol())) {
            return; // the position is being closed (its exit cancels the legs)
        }
        for (Iterator<DelayedLeg> it = delayed.iterator(); it.hasNext(); ) {
            DelayedLeg leg = it.next();
            if (leg.symbol().equals(bar.symbol()) && leg.afterBars() <= count[0]) {
                it.remove();
                PendingEntry entry = portfolio.pending(leg.orderId()).orElseThrow();
                broker.submit(Order.market(leg.orderId(), leg.symbol(), leg.side(), entry.intent().quantity(), bar.openTime()));
            }
        }
    }

    /**
     * A leg was sized at the decision bar's close but fills at this bar's open (plus slippage): if the price gapped
     * so that it would cost more than the equity left for it, it shrinks to what that equity buys at the fill price
     * (noted on the trade), or is cancelled if nothing is left.
     *
     * @return false when it was a position's first leg and was cancelled, with the other legs
     */
    private boolean fitToEquity(PendingEntry entry, Bar bar) {
        Optional<Execution> fill = broker.preview(entry.orderId(), bar);
        if (fill.isEmpty()) {
            return true; // nothing executes on this bar (or it is a limit, reserved at its price), so nothing is spent on it
        }
        double available = portfolio.freeEquity() + entry.reserved();
        double affordable = available / (fill.get().price() * (1 + broker.takerFee()));
        double quantity = entry.intent().quantity();
        if (quantity <= affordable) {
            return true;
        }
        if (!(affordable > 0)) {
            if (portfolio.position(bar.symbol()).isEmpty()) {
                cancelAll(bar.symbol()); // the first leg cannot be bought: no position, and no other leg
                return false;
            }
            cancel(entry);
            return true;
        }
        broker.amend(entry.orderId(), affordable);
        portfolio.replacePending(new PendingEntry(entry.orderId(), entry.intent().withQuantity(affordable),
                entry.notes() + (entry.notes().isEmpty() ? "" : "; ") + "clipped at the fill from " + quantity + " to "
                        + affordable + ": the open " + bar.open() + " left too little equity", available));
        return true;
    }

    /**
     * @param orderId an order
     * @return whether it is a leg cancelled while this bar's fills were applied (its fill is dropped)
     */
    boolean cancelledThisBar(long orderId) {
        return cancelledThisBar.contains(orderId);
    }

    /**
     * A position's first fill: its delayed legs start counting bars.
     *
     * @param symbol the instrument
     */
    void firstFill(String symbol) {
        for (DelayedLeg leg : delayed) {
            if (leg.symbol().equals(symbol)) {
                barsSinceFirstFill.put(symbol, new int[1]);
                return;
            }
        }
    }

    /**
     * Limit legs at or beyond a tightened stop could only fill after it: they are cancelled, freeing their equity.
     *
     * @param p the position with its new stop-loss
     */
    void cancelBeyondStop(Position p) {
        double stop = p.stopLoss().getAsDouble();
        boolean isLong = p.direction() == Direction.LONG;
        for (PendingEntry entry : portfolio.pendingAllOn(p.symbol())) {
            Optional<Order> order = broker.working(entry.orderId());
            if (order.isPresent() && order.get().type() == Order.Type.LIMIT) {
                double limit = order.get().price().getAsDouble();
                if (isLong ? limit <= stop : limit >= stop) {
                    cancel(entry);
                }
            }
        }
    }

    /**
     * Cancels every leg still waiting on a symbol (the position exits, or its data ends).
     *
     * @param symbol the instrument
     * @return whether there was any
     */
    boolean cancelAll(String symbol) {
        List<PendingEntry> waiting = portfolio.pendingAllOn(symbol);
        waiting.forEach(this::cancel);
        return !waiting.isEmpty();
    }

    private void cancel(PendingEntry entry) {
        broker.cancel(entry.orderId());
        orders.remove(entry.orderId());
        cancelledThisBar.add(entry.orderId());
        portfolio.takePending(entry.orderId());
        if (!delayed.isEmpty()) {
            delayed.removeIf(l -> l.orderId() == entry.orderId());
        }
    }

    /**
     * A position closed: its bar count goes.
     *
     * @param symbol the instrument
     */
    void closed(String symbol) {
        barsSinceFirstFill.remove(symbol);
    }

    /** Forgets every leg (end of data; the broker's orders and the portfolio's reservations are cleared there). */
    void clear() {
        delayed.clear();
        barsSinceFirstFill.clear();
    }
}
