package dev.quorum.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quorum.api.Bar;
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

    private enum Role { ENTRY, SIGNAL_EXIT, MANAGED_EXIT, STOP_LOSS, TAKE_PROFIT }

    private final PaperBroker broker;
    private final Portfolio portfolio;
    private final RiskChain risk;
    private final PositionDesk positions;
    private final RunSink sink;
    private final Map<Long, Role> roles = new HashMap<>();
    // why the position manager closes a position, by the exit order's id
    private final Map<Long, ExitReason> managedExits = new HashMap<>();
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
        fitPendingEntryToEquity(bar);
        // plain loops: this runs on every bar, and most bars have no fill
        List<Fill> atOpen = broker.atOpen(bar);
        for (int i = 0; i < atOpen.size(); i++) {
            apply(atOpen.get(i));
        }
        List<Fill> intrabar = broker.intrabar(bar);
        for (int i = 0; i < intrabar.size(); i++) {
            apply(intrabar.get(i));
        }
        cancelEntryIfStopTriggered(bar.symbol());
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
     * Sends an approved entry and reserves its expected cost.
     *
     * @param approved the intent as the risk chain left it
     * @param notes    the risk chain's notes
     * @param now      the engine clock
     */
    void enter(OrderIntent approved, String notes, Instant now) {
        long id = nextOrderId++;
        roles.put(id, Role.ENTRY);
        portfolio.addPending(new PendingEntry(id, approved, notes,
                approved.notional() * (1 + broker.model().expectedSlippage()) * (1 + broker.takerFee())));
        broker.submit(Order.market(id, approved.symbol(), approved.side(), approved.quantity(), now));
    }

    /**
     * Closes a position on an opposite consensus: a market order for all of it, at the next bar's open.
     *
     * @param p   the position
     * @param now the engine clock
     */
    void exitOnSignal(Position p, Instant now) {
        cancelProtection(p.symbol());
        long id = nextOrderId++;
        roles.put(id, Role.SIGNAL_EXIT);
        broker.submit(Order.market(id, p.symbol(), Side.opening(p.direction()).opposite(), p.quantity(), now));
    }

    /**
     * The position manager closes a position: a market order for all of it, at the next bar's open.
     *
     * @param p      the position
     * @param reason the exit reason the trade will carry
     * @param now    the engine clock
     */
    void exitManaged(Position p, ExitReason reason, Instant now) {
        cancelProtection(p.symbol());
        long id = nextOrderId++;
        roles.put(id, Role.MANAGED_EXIT);
        managedExits.put(id, reason);
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
        return moved;
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
        managedExits.clear();
        protection.clear();
        portfolio.clearPending();
        for (OpenPosition open : portfolio.positions()) {
            Position p = open.position();
            Bar last = lastBar.get(p.symbol());
            Fill fill = broker.executeAt(nextOrderId++, p.symbol(), Side.opening(p.direction()).opposite(), p.quantity(),
                    last.close(), last.closeTime());
            closed(fill, portfolio.reduce(fill, ExitReason.END_OF_DATA)
                    .orElseThrow(() -> new IllegalStateException("the end-of-data exit left " + p.symbol() + " open")));
        }
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
        Optional<PendingEntry> pending = portfolio.pendingOn(bar.symbol());
        if (pending.isEmpty()) {
            return;
        }
        PendingEntry entry = pending.get();
        Optional<Execution> fill = broker.preview(entry.orderId(), bar);
        if (fill.isEmpty()) {
            return; // nothing executes on this bar, so nothing is spent on it
        }
        double available = portfolio.freeEquity() + entry.reserved();
        double affordable = available / (fill.get().price() * (1 + broker.takerFee()));
        double quantity = entry.intent().quantity();
        if (quantity <= affordable) {
            return;
        }
        if (!(affordable > 0)) {
            cancelEntry(entry);
            if (portfolio.position(bar.symbol()).isEmpty()) {
                cancelledEntries++;
                positions.cancelled(bar.symbol());
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
            case SIGNAL_EXIT -> exitFilled(fill, ExitReason.SIGNAL);
            case MANAGED_EXIT -> exitFilled(fill, fill.isComplete() ? managedExits.remove(fill.orderId()) : managedExits.get(fill.orderId()));
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
        Position p = portfolio.position(fill.symbol()).isEmpty()
                ? portfolio.open(fill, intent.stopLoss(), intent.takeProfit(), intent.voters(), entry.notes()).position()
                : portfolio.add(fill).position();
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
        portfolio.pendingOn(fill.symbol()).ifPresent(this::cancelEntry);
        Optional<ClosedTrade> trade = portfolio.reduce(fill, reason);
        if (trade.isPresent()) {
            cancelAllOn(fill.symbol());
            closed(fill, trade.get());
            return;
        }
        sink.onPartialExit(fill);
        double left = portfolio.position(fill.symbol()).orElseThrow().position().quantity();
        for (long id : protection.getOrDefault(fill.symbol(), List.of())) {
            if (broker.working(id).isPresent()) {
                broker.amend(id, left);
            }
        }
    }

    /** A triggered stop-loss is the position's exit: what is left of the entry is not bought any more. */
    private void cancelEntryIfStopTriggered(String symbol) {
        Optional<PendingEntry> entry = portfolio.pendingOn(symbol);
        if (entry.isEmpty()) {
            return;
        }
        for (long id : protection.getOrDefault(symbol, List.of())) {
            if (roles.get(id) == Role.STOP_LOSS && broker.working(id).map(o -> o.type() == Order.Type.MARKET).orElse(false)) {
                cancelEntry(entry.get());
                return;
            }
        }
    }

    private void cancelEntry(PendingEntry entry) {
        broker.cancel(entry.orderId());
        roles.remove(entry.orderId());
        portfolio.takePending(entry.orderId());
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
        ClosedTrade recorded = positions.enabled() ? trade.withExitNotes(positions.exitNotes(trade.trade().symbol())) : trade;
        sink.onExit(exitFill, recorded);
        positions.closed(trade.trade());
        risk.onTradeClosed(trade.trade());
    }
}
