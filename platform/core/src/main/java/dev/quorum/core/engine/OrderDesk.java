package dev.quorum.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quorum.api.Bar;
import dev.quorum.api.EntryLeg;
import dev.quorum.api.ExitReason;
import dev.quorum.api.Fill;
import dev.quorum.api.Order;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.Position;
import dev.quorum.api.Side;
import dev.quorum.core.broker.Execution;
import dev.quorum.core.broker.PaperBroker;
import dev.quorum.core.portfolio.ClosedTrade;
import dev.quorum.core.portfolio.OpenPosition;
import dev.quorum.core.portfolio.PendingEntry;
import dev.quorum.core.portfolio.Portfolio;
import dev.quorum.core.position.PositionDesk;
import dev.quorum.core.risk.RiskChain;

/**
 * The engine's side of the broker: it sends the orders, knows what each one is for, and applies the
 * fills to the portfolio and the journal.
 *
 * <ul>
 *   <li>An <b>entry</b> is a market order; it reserves its expected cost in free equity until it has
 *       filled. Before each bar it could fill on, it is checked against the equity left for it at the
 *       price it would fill at (the open plus slippage) and shrinks to what that equity buys, or is
 *       cancelled when nothing is left. Each entry fill builds the position up.</li>
 *   <li>Once a position exists, its <b>stop-loss</b> (a stop order) and <b>take-profit</b> (a limit order)
 *       rest at the broker as one one-cancels-other group, sized to the position after every fill. The
 *       broker checks the stop first, so when a bar reaches both, the stop-loss wins.</li>
 *   <li>An opposite consensus sends a <b>signal exit</b>, a market order for the whole position; the
 *       stop-loss and take-profit are cancelled, the exit order works the position off.</li>
 *   <li>The first exit fill (or a stop-loss trigger) cancels what is left of the entry. Exit fills run the
 *       position down; the one that makes it flat records the trade, in one commit with itself, and
 *       cancels whatever else still works on the symbol.</li>
 * </ul>
 */
final class OrderDesk {

    private enum Role { ENTRY, MARKET_EXIT, STOP_LOSS, TAKE_PROFIT }

    /** An entry leg reserved in the portfolio whose market order goes out {@code afterBars} bars after the first fill. */
    private record DelayedLeg(long orderId, String symbol, Side side, int afterBars) {
    }

    private final PaperBroker broker;
    private final Portfolio portfolio;
    private final RiskChain risk;
    private final PositionDesk positions;
    private final RunSink sink;
    private final Map<Long, Role> roles = new HashMap<>();
    // why a market exit closes its position (an opposite consensus, the position manager), by the order's id
    private final Map<Long, ExitReason> marketExits = new HashMap<>();
    // entry legs sent as market orders some bars after their position's first fill, not yet due
    private final List<DelayedLeg> delayedLegs = new ArrayList<>();
    // per symbol with delayed legs: bars since its position's first fill
    private final Map<String, int[]> barsSinceFirstFill = new HashMap<>();
    // entry legs cancelled while this bar's fills are applied (an exit came first): their fills are dropped
    private final java.util.Set<Long> cancelledThisBar = new java.util.HashSet<>();
    private final Map<String, List<Long>> protection = new HashMap<>();
    private long nextOrderId = 1;
    private long trades;
    private long cancelledEntries;

    OrderDesk(PaperBroker broker, Portfolio portfolio, RiskChain risk, PositionDesk positions, RunSink sink) {
        this.broker = broker;
        this.portfolio = portfolio;
        this.risk = risk;
        this.positions = positions;
        this.sink = sink;
    }

    /**
     * Everything the broker does on a symbol's new bar: the entry checked against equity, market orders
     * at the open, then stops and limits inside the bar, each fill applied as it comes.
     *
     * @param bar the bar
     */
    void onBar(Bar bar) {
        if (!broker.idle() || portfolio.hasPending()) { // most bars have nothing working: kept small to inline
            execute(bar);
        }
    }

    private void execute(Bar bar) {
        if (!delayedLegs.isEmpty()) {
            releaseDueLegs(bar);
        }
        fitPendingEntryToEquity(bar);
        // plain loops: this runs on every bar, and most bars have no fill
        cancelledThisBar.clear();
        applyAll(broker.atOpen(bar));
        applyAll(broker.intrabar(bar));
        cancelEntryIfStopTriggered(bar.symbol());
    }

    /**
     * Applies one step's fills in the order the price must have reached them. A limit leg always lies between
     * the price and the position's stop-loss, so when a stop fills on a bar, the legs that fill on it filled
     * first, and the stop sells them too. Otherwise the exits go first and a leg filling on the same bar is
     * dropped (cancelled by the exit): a take-profit or a market exit before a leg is the worse of the two
     * unknown paths inside the bar. A fill of an order cancelled earlier in this bar is dropped too.
     */
    private void applyAll(List<Fill> fills) {
        if (fills.isEmpty()) {
            return;
        }
        if (fills.size() > 1) {
            fills = new ArrayList<>(fills);
            boolean stopHit = false;
            for (Fill f : fills) {
                stopHit |= roles.get(f.orderId()) == Role.STOP_LOSS;
            }
            boolean legsFirst = stopHit;
            fills.sort(java.util.Comparator.comparing(f -> (roles.get(f.orderId()) == Role.ENTRY) != legsFirst));
        }
        for (int i = 0; i < fills.size(); i++) {
            Fill fill = fills.get(i);
            if (!cancelledThisBar.contains(fill.orderId())) {
                apply(fill);
            }
        }
    }

    /**
     * @param symbol the instrument
     * @return whether an entry or exit is under way on it (the engine makes no new decision on it meanwhile)
     */
    boolean busy(String symbol) {
        return broker.hasMarketOrder(symbol);
    }

    /**
     * The cost of one unit bought at a price, as the engine estimates it before the fill: the price plus
     * the model's expected slippage, plus the taker fee.
     *
     * @param price the reference price
     * @return the cost per unit
     */
    double unitCost(double price) {
        return price * (1 + broker.model().expectedSlippage()) * (1 + broker.takerFee());
    }

    /**
     * Sends an approved entry in legs and reserves each leg's expected cost: the first leg a market order, a
     * limit leg resting at its price, a delayed leg held back until its bar. No legs: one market order.
     *
     * @param approved the intent as the risk chain left it
     * @param legs     the entry legs (fractions of the approved quantity), or empty for one market order
     * @param notes    the risk chain's notes
     * @param now      the engine clock
     */
    void enter(OrderIntent approved, List<EntryLeg> legs, String notes, Instant now) {
        if (legs.isEmpty()) {
            sendLeg(approved, EntryLeg.market(1), notes, now);
            return;
        }
        double left = approved.quantity();
        for (EntryLeg leg : legs) {
            double quantity = Math.min(left, approved.quantity() * leg.fraction()); // rounding never buys more than approved
            left -= quantity;
            sendLeg(approved.withQuantity(quantity), leg, notes, now);
        }
    }

    private void sendLeg(OrderIntent part, EntryLeg leg, String notes, Instant now) {
        long id = nextOrderId++;
        roles.put(id, Role.ENTRY);
        if (leg.limitPrice().isPresent()) {
            double limit = leg.limitPrice().getAsDouble();
            portfolio.addPending(new PendingEntry(id, part, notes, part.quantity() * limit * (1 + broker.makerFee())));
            broker.submit(Order.limit(id, part.symbol(), part.side(), part.quantity(), now, limit));
            return;
        }
        portfolio.addPending(new PendingEntry(id, part, notes,
                part.notional() * (1 + broker.model().expectedSlippage()) * (1 + broker.takerFee())));
        if (leg.afterBars() > 0) {
            delayedLegs.add(new DelayedLeg(id, part.symbol(), part.side(), leg.afterBars()));
        } else {
            broker.submit(Order.market(id, part.symbol(), part.side(), part.quantity(), now));
        }
    }

    /** Counts the bars since each position's first fill and sends the delayed legs that are due (they fill at this open). */
    private void releaseDueLegs(Bar bar) {
        int[] count = barsSinceFirstFill.get(bar.symbol());
        if (count == null) {
            return;
        }
        count[0]++;
        if (broker.hasMarketOrder(bar.symbol())) {
            return; // the position is being closed (its exit cancels the legs once it fills)
        }
        for (java.util.Iterator<DelayedLeg> it = delayedLegs.iterator(); it.hasNext(); ) {
            DelayedLeg leg = it.next();
            if (leg.symbol().equals(bar.symbol()) && leg.afterBars() <= count[0]) {
                it.remove();
                PendingEntry entry = portfolio.pending(leg.orderId()).orElseThrow();
                broker.submit(Order.market(leg.orderId(), leg.symbol(), leg.side(), entry.intent().quantity(), bar.openTime()));
            }
        }
    }

    /**
     * Closes a position on an opposite consensus: a market order for all of it, at the next bar's open.
     *
     * @param p   the position
     * @param now the engine clock
     */
    void exitOnSignal(Position p, Instant now) {
        exit(p, ExitReason.SIGNAL, now);
    }

    /**
     * The position manager closes a position: a market order for all of it, at the next bar's open.
     *
     * @param p      the position
     * @param reason the exit reason the trade will carry
     * @param now    the engine clock
     */
    void exitManaged(Position p, ExitReason reason, Instant now) {
        exit(p, reason, now);
    }

    /** A market exit of the whole position: its stop, target and unfilled entry legs are cancelled as it is sent. */
    private void exit(Position p, ExitReason reason, Instant now) {
        cancelProtection(p.symbol());
        cancelEntries(p.symbol());
        long id = nextOrderId++;
        roles.put(id, Role.MARKET_EXIT);
        marketExits.put(id, reason);
        broker.submit(Order.market(id, p.symbol(), Side.opening(p.direction()).opposite(), p.quantity(), now));
    }

    /**
     * The position manager moved a position's levels: the position carries them, and its stop-loss and
     * take-profit orders are replaced (they work from the next bar).
     *
     * @param symbol     the instrument
     * @param stopLoss   the new stop-loss, or empty to keep the current one
     * @param takeProfit the new take-profit, or empty to keep the current one
     * @return the position after it
     */
    Position relevel(String symbol, java.util.OptionalDouble stopLoss, java.util.OptionalDouble takeProfit) {
        Position current = portfolio.openOn(symbol).position();
        Position moved = portfolio.relevel(symbol, stopLoss.isPresent() ? stopLoss : current.stopLoss(),
                takeProfit.isPresent() ? takeProfit : current.takeProfit()).position();
        cancelProtection(symbol);
        protect(moved);
        if (stopLoss.isPresent()) {
            cancelLegsBeyond(moved);
        }
        return moved;
    }

    /** Limit legs at or beyond a tightened stop could only fill after it: they are cancelled, freeing their equity. */
    private void cancelLegsBeyond(Position p) {
        double stop = p.stopLoss().getAsDouble();
        boolean isLong = p.direction() == dev.quorum.api.Direction.LONG;
        for (PendingEntry entry : portfolio.pendingAllOn(p.symbol())) {
            Optional<Order> order = broker.working(entry.orderId());
            if (order.isPresent() && order.get().type() == Order.Type.LIMIT) {
                double limit = order.get().price().getAsDouble();
                if (isLong ? limit <= stop : limit >= stop) {
                    cancelEntry(entry);
                }
            }
        }
    }

    /**
     * One symbol's data has ended before the run's: what works on it is cancelled and its position closes,
     * in full, at this last bar's close (END_OF_DATA), so that it neither holds equity nor counts as exposure
     * while the other symbols go on.
     *
     * @param last the symbol's last bar
     */
    void closeAtEnd(Bar last) {
        String symbol = last.symbol();
        boolean entering = !portfolio.pendingAllOn(symbol).isEmpty();
        cancelEntries(symbol);
        cancelAllOn(symbol);
        marketExits.keySet().removeIf(id -> !roles.containsKey(id));
        OpenPosition open = portfolio.openOn(symbol);
        if (open == null) {
            if (entering) {
                cancelledEntries++; // decided on the symbol's last bar: it has no bar left to fill on
            }
            positions.cancelled(symbol);
            return;
        }
        closeAt(open.position(), last);
    }

    /**
     * End of data: every working order is cancelled and every open position closes, in full, at its
     * symbol's last close (END_OF_DATA).
     *
     * @param lastBar the last bar of each symbol
     */
    void closeAllAtEnd(Map<String, Bar> lastBar) {
        broker.cancelAll();
        roles.clear();
        marketExits.clear();
        delayedLegs.clear();
        barsSinceFirstFill.clear();
        protection.clear();
        portfolio.clearPending();
        for (OpenPosition open : portfolio.positions()) {
            closeAt(open.position(), lastBar.get(open.position().symbol()));
        }
    }

    /** Closes a whole position at a bar's close, stamped with its close time (END_OF_DATA). */
    private void closeAt(Position p, Bar last) {
        Fill fill = broker.executeAt(nextOrderId++, p.symbol(), Side.opening(p.direction()).opposite(), p.quantity(), last.close(),
                last.closeTime());
        closed(fill, portfolio.reduce(fill, ExitReason.END_OF_DATA)
                .orElseThrow(() -> new IllegalStateException("the end-of-data exit left " + p.symbol() + " open")));
    }

    /** @return trades closed so far */
    long trades() {
        return trades;
    }

    /** @return entries cancelled before any of them filled because no equity was left for them */
    long cancelledEntries() {
        return cancelledEntries;
    }

    /**
     * The entry was sized at the decision bar's close but fills at this bar's open (plus slippage): if the
     * price gapped so that what is left of the order would cost more than the equity left for it, it
     * shrinks to what that equity buys at the fill price (noted on the trade), or is cancelled if nothing
     * is left.
     */
    private void fitPendingEntryToEquity(Bar bar) {
        if (!portfolio.hasPending()) {
            return;
        }
        for (PendingEntry entry : portfolio.pendingAllOn(bar.symbol())) {
            fitToEquity(entry, bar);
        }
    }

    private void fitToEquity(PendingEntry entry, Bar bar) {
        Optional<Execution> fill = broker.preview(entry.orderId(), bar);
        if (fill.isEmpty()) {
            return; // nothing executes on this bar (or it is a limit, reserved at its price), so nothing is spent on it
        }
        double available = portfolio.freeEquity() + entry.reserved();
        double affordable = available / (fill.get().price() * (1 + broker.takerFee()));
        double quantity = entry.intent().quantity();
        if (quantity <= affordable) {
            return;
        }
        if (!(affordable > 0)) {
            if (portfolio.position(bar.symbol()).isEmpty()) {
                // the first leg cannot be bought: the position is not opened, and its other legs go too
                cancelEntries(bar.symbol());
                cancelledEntries++;
                positions.cancelled(bar.symbol());
            } else {
                cancelEntry(entry);
            }
            return;
        }
        broker.amend(entry.orderId(), affordable);
        portfolio.replacePending(new PendingEntry(entry.orderId(), entry.intent().withQuantity(affordable),
                entry.notes() + (entry.notes().isEmpty() ? "" : "; ") + "clipped at the fill from " + quantity + " to "
                        + affordable + ": the open " + bar.open() + " left too little equity", available));
    }

    private void apply(Fill fill) {
        Role role = roles.get(fill.orderId());
        if (role == null) {
            throw new IllegalStateException("a fill of order " + fill.orderId() + ", which the engine does not know");
        }
        if (fill.isComplete()) {
            roles.remove(fill.orderId());
        }
        switch (role) {
            case ENTRY -> entryFilled(fill);
            case MARKET_EXIT -> exitFilled(fill, fill.isComplete() ? marketExits.remove(fill.orderId()) : marketExits.get(fill.orderId()));
            case STOP_LOSS -> exitFilled(fill, positions.stopMoved(fill.symbol()) ? ExitReason.TRAILING_STOP : ExitReason.STOP_LOSS);
            case TAKE_PROFIT -> exitFilled(fill, ExitReason.TAKE_PROFIT);
        }
    }

    private void entryFilled(Fill fill) {
        PendingEntry entry = portfolio.pending(fill.orderId())
                .orElseThrow(() -> new IllegalStateException("entry fill of order " + fill.orderId() + " without its pending entry"));
        if (fill.isComplete()) {
            portfolio.takePending(fill.orderId());
        } else {
            portfolio.replacePending(entry.remaining(fill.remaining()));
        }
        sink.onEntry(fill);
        OrderIntent intent = entry.intent();
        boolean first = portfolio.position(fill.symbol()).isEmpty();
        Position p = first
                ? portfolio.open(fill, intent.stopLoss(), intent.takeProfit(), intent.voters(), entry.notes()).position()
                : portfolio.add(fill).position();
        if (first && delayedLegs.stream().anyMatch(l -> l.symbol().equals(fill.symbol()))) {
            barsSinceFirstFill.put(fill.symbol(), new int[1]);
        }
        positions.entryFilled(fill.symbol(), fill.orderId());
        protect(p);
    }

    /** Places the position's stop-loss and take-profit, or resizes them to the position. */
    private void protect(Position p) {
        List<Long> ids = protection.get(p.symbol());
        if (ids != null) {
            for (long id : ids) {
                if (broker.working(id).isPresent()) {
                    broker.amend(id, p.quantity());
                }
            }
            return;
        }
        if (p.stopLoss().isEmpty() && p.takeProfit().isEmpty()) {
            return; // nothing to protect with
        }
        Side side = Side.opening(p.direction()).opposite();
        List<Order> orders = new ArrayList<>(2);
        if (p.stopLoss().isPresent()) {
            orders.add(Order.stop(nextOrderId++, p.symbol(), side, p.quantity(), p.entryTime(), p.stopLoss().getAsDouble()));
            roles.put(orders.get(orders.size() - 1).id(), Role.STOP_LOSS);
        }
        if (p.takeProfit().isPresent()) {
            orders.add(Order.limit(nextOrderId++, p.symbol(), side, p.quantity(), p.entryTime(), p.takeProfit().getAsDouble()));
            roles.put(orders.get(orders.size() - 1).id(), Role.TAKE_PROFIT);
        }
        protection.put(p.symbol(), orders.size() == 1 ? List.of(orders.get(0).id()) : List.of(orders.get(0).id(), orders.get(1).id()));
        broker.submitOco(orders);
    }

    private void exitFilled(Fill fill, ExitReason reason) {
        cancelEntries(fill.symbol());
        Optional<ClosedTrade> trade = portfolio.reduce(fill, reason);
        if (trade.isPresent()) {
            cancelAllOn(fill.symbol());
            closed(fill, trade.get());
            return;
        }
        sink.onPartialExit(fill);
        Position rest = portfolio.position(fill.symbol()).orElseThrow().position();
        if ((reason == ExitReason.STOP_LOSS || reason == ExitReason.TRAILING_STOP) && fill.isComplete()) {
            // the stop was sized before a leg filled on the same bar, on the way down to it: the stop sells that too
            Fill legs = broker.executeAt(nextOrderId++, rest.symbol(), Side.opening(rest.direction()).opposite(), rest.quantity(),
                    fill.price(), fill.time());
            exitFilled(legs, reason);
            return;
        }
        for (long id : protection.getOrDefault(fill.symbol(), List.of())) {
            if (broker.working(id).isPresent()) {
                broker.amend(id, rest.quantity());
            }
        }
    }

    /** A triggered stop-loss is the position's exit: what is left of its entry legs is not bought any more. */
    private void cancelEntryIfStopTriggered(String symbol) {
        if (!portfolio.hasPending() || portfolio.position(symbol).isEmpty()) {
            return;
        }
        for (long id : protection.getOrDefault(symbol, List.of())) {
            if (roles.get(id) == Role.STOP_LOSS && broker.working(id).map(o -> o.type() == Order.Type.MARKET).orElse(false)) {
                cancelEntries(symbol);
                return;
            }
        }
    }

    /** Cancels every entry leg still waiting on a symbol. */
    private void cancelEntries(String symbol) {
        for (PendingEntry entry : portfolio.pendingAllOn(symbol)) {
            cancelEntry(entry);
        }
    }

    private void cancelEntry(PendingEntry entry) {
        broker.cancel(entry.orderId());
        roles.remove(entry.orderId());
        cancelledThisBar.add(entry.orderId());
        portfolio.takePending(entry.orderId());
        if (!delayedLegs.isEmpty()) {
            delayedLegs.removeIf(l -> l.orderId() == entry.orderId());
        }
    }

    private void cancelProtection(String symbol) {
        List<Long> ids = protection.remove(symbol);
        if (ids != null) {
            ids.forEach(id -> {
                broker.cancel(id);
                roles.remove(id);
            });
        }
    }

    /** The position is flat: nothing of it may still work (such as a rest of an exit order rounded away). */
    private void cancelAllOn(String symbol) {
        cancelProtection(symbol);
        broker.cancelAll(symbol).forEach(roles::remove);
    }

    private void closed(Fill exitFill, ClosedTrade trade) {
        trades++;
        barsSinceFirstFill.remove(trade.trade().symbol());
        ClosedTrade recorded = positions.enabled()
                ? trade.withExitNotes(positions.exitNotes(trade.trade().symbol(), trade.trade().exitReason())) : trade;
        sink.onExit(exitFill, recorded);
        positions.closed(trade.trade());
        risk.onTradeClosed(trade.trade());
    }
}
