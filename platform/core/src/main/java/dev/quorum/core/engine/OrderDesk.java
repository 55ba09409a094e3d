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
import dev.quorum.core.broker.PaperBroker;
import dev.quorum.core.portfolio.ClosedTrade;
import dev.quorum.core.portfolio.OpenPosition;
import dev.quorum.core.portfolio.PendingEntry;
import dev.quorum.core.portfolio.Portfolio;
import dev.quorum.core.position.PositionDesk;
import dev.quorum.core.risk.RiskChain;

/**
 * The engine's side of the broker: it sends the orders, knows what each one is for ({@link OrderBook}), and
 * applies the fills to the portfolio and the journal.
 *
 * <ul>
 *   <li>An <b>entry</b> goes out as one market order or in legs ({@link EntryLegs}), each reserving its expected
 *       cost in free equity until it fills or is cancelled. Each entry fill builds the position up.</li>
 *   <li>Once a position exists, its <b>stop-loss</b> (a stop order) and <b>take-profit</b> (a limit order)
 *       rest at the broker as one one-cancels-other group, sized to the position after every fill. The
 *       broker checks the stop first, so when a bar reaches both, the stop-loss wins. The position manager
 *       may replace them ({@link #relevel}).</li>
 *   <li>An opposite consensus, or the position manager, sends a <b>market exit</b> for the whole position; the
 *       stop-loss, take-profit and unfilled entry legs are cancelled as it is sent.</li>
 *   <li>The first exit fill (or a stop-loss trigger) cancels what is left of the entry. Exit fills run the
 *       position down; the one that makes it flat records the trade, in one commit with itself, and
 *       cancels whatever else still works on the symbol.</li>
 *   <li>The position manager's <b>hedges</b> ({@link HedgeOrders}) are market orders too; when the position a
 *       hedge protects closes, the hedge closes from the next open.</li>
 * </ul>
 */
final class OrderDesk {

    private final PaperBroker broker;
    private final Portfolio portfolio;
    private final RiskChain risk;
    private final PositionDesk positions;
    private final RunSink sink;
    private final java.util.function.Consumer<dev.quorum.api.Trade> closedTrades;
    private final OrderBook orders = new OrderBook();
    private final EntryLegs entries;
    private final HedgeOrders hedges;
    private final Map<String, List<Long>> protection = new HashMap<>();
    private long trades;
    private long cancelledEntries;

    OrderDesk(PaperBroker broker, Portfolio portfolio, RiskChain risk, PositionDesk positions, RunSink sink) {
        this(broker, portfolio, risk, positions, sink, trade -> { });
    }

    /** @param closedTrades told of every closed position trade (not hedges) after the risk chain and the manager */
    OrderDesk(PaperBroker broker, Portfolio portfolio, RiskChain risk, PositionDesk positions, RunSink sink,
              java.util.function.Consumer<dev.quorum.api.Trade> closedTrades) {
        this.closedTrades = closedTrades;
        this.broker = broker;
        this.portfolio = portfolio;
        this.risk = risk;
        this.positions = positions;
        this.sink = sink;
        this.entries = new EntryLegs(broker, portfolio, orders);
        this.hedges = new HedgeOrders(broker, portfolio, orders, positions, sink);
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
        if (entries.beforeBar(bar)) {
            cancelledEntries++;
            positions.cancelled(bar.symbol());
        }
        applyAll(broker.atOpen(bar));
        applyAll(broker.intrabar(bar));
        cancelEntryIfStopTriggered(bar.symbol());
    }

    /**
     * Applies one step's fills in the order the price must have reached them. A limit leg always lies between
     * the price and the position's stop-loss, so when a stop fills on a bar, the legs that fill on it filled
     * first, and the stop sells them too. Otherwise the exits go first and a leg filling on the same bar is
     * dropped (cancelled by the exit): a take-profit or a market exit before a leg is the worse of the two
     * unknown paths inside the bar. A fill of an order cancelled earlier in this bar is dropped too. Hedge fills
     * are applied first.
     */
    private void applyAll(List<Fill> fills) {
        if (fills.isEmpty()) {
            return;
        }
        if (fills.size() > 1) {
            fills = new ArrayList<>(fills);
            boolean stopHit = false;
            for (Fill f : fills) {
                stopHit |= orders.role(f.orderId()) == OrderBook.Role.STOP_LOSS;
            }
            boolean legsFirst = stopHit;
            // hedge orders fill at the open, like market exits; they go first, so a hedge is in place (or gone)
            // before its position's own fills of the bar
            fills.sort(java.util.Comparator.comparingInt(f -> {
                OrderBook.Role role = orders.role(f.orderId());
                return role != null && role.isHedge() ? 0 : (role == OrderBook.Role.ENTRY) != legsFirst ? 2 : 1;
            }));
        }
        for (int i = 0; i < fills.size(); i++) {
            Fill fill = fills.get(i);
            if (!entries.cancelledThisBar(fill.orderId())) {
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
        entries.send(approved, legs, notes, now);
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
        entries.cancelAll(p.symbol());
        long id = orders.addExit(reason);
        broker.submit(Order.market(id, p.symbol(), Side.opening(p.direction()).opposite(), p.quantity(), now));
    }

    /**
     * Sends the position manager's accepted hedge orders.
     *
     * @param accepted the orders
     * @param now      the engine clock
     */
    void hedge(List<dev.quorum.api.HedgeOrder> accepted, Instant now) {
        if (!accepted.isEmpty()) {
            hedges.send(accepted, now);
        }
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
            entries.cancelBeyondStop(moved);
        }
        return moved;
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
        boolean entering = entries.cancelAll(symbol);
        cancelAllOn(symbol);
        hedges.closeAt(symbol, last);
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
        orders.clear();
        entries.clear();
        protection.clear();
        hedges.cancelledAll();
        portfolio.clearPending();
        for (String symbol : hedges.hedgedSymbols()) {
            hedges.closeAt(symbol, lastBar.get(symbol));
        }
        for (OpenPosition open : portfolio.positions()) {
            closeAt(open.position(), lastBar.get(open.position().symbol()));
        }
    }

    /** Closes a whole position at a bar's close, stamped with its close time (END_OF_DATA). */
    private void closeAt(Position p, Bar last) {
        Fill fill = broker.executeAt(orders.nextId(), p.symbol(), Side.opening(p.direction()).opposite(), p.quantity(), last.close(),
                last.closeTime());
        closed(fill, portfolio.reduce(fill, ExitReason.END_OF_DATA)
                .orElseThrow(() -> new IllegalStateException("the end-of-data exit left " + p.symbol() + " open")));
    }

    /** @return trades closed so far, hedges included */
    long trades() {
        return trades + hedges.trades();
    }

    /** @return entries cancelled before any of them filled because no equity was left for them */
    long cancelledEntries() {
        return cancelledEntries;
    }

    private void apply(Fill fill) {
        OrderBook.Role role = orders.role(fill.orderId());
        if (role == null) {
            throw new IllegalStateException("a fill of order " + fill.orderId() + ", which the engine does not know");
        }
        ExitReason exitReason = orders.exitReason(fill.orderId());
        if (fill.isComplete()) {
            orders.remove(fill.orderId());
        }
        switch (role) {
            case ENTRY -> entryFilled(fill);
            case MARKET_EXIT -> exitFilled(fill, exitReason);
            case STOP_LOSS -> exitFilled(fill, positions.stopMoved(fill.symbol()) ? ExitReason.TRAILING_STOP : ExitReason.STOP_LOSS);
            case TAKE_PROFIT -> exitFilled(fill, ExitReason.TAKE_PROFIT);
            case HEDGE_OPEN, HEDGE_CLOSE -> hedges.filled(fill, role);
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
        if (first) {
            entries.firstFill(fill.symbol());
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
        List<Order> oco = new ArrayList<>(2);
        if (p.stopLoss().isPresent()) {
            oco.add(Order.stop(orders.add(OrderBook.Role.STOP_LOSS), p.symbol(), side, p.quantity(), p.entryTime(),
                    p.stopLoss().getAsDouble()));
        }
        if (p.takeProfit().isPresent()) {
            oco.add(Order.limit(orders.add(OrderBook.Role.TAKE_PROFIT), p.symbol(), side, p.quantity(), p.entryTime(),
                    p.takeProfit().getAsDouble()));
        }
        protection.put(p.symbol(), oco.stream().map(Order::id).toList());
        broker.submitOco(oco);
    }

    private void exitFilled(Fill fill, ExitReason reason) {
        entries.cancelAll(fill.symbol());
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
            Fill legs = broker.executeAt(orders.nextId(), rest.symbol(), Side.opening(rest.direction()).opposite(), rest.quantity(),
                    fill.price(), fill.time());
            exitFilled(legs, reason);
            return;
        }
        for (long id : protection.getOrDefault(fill.symbol(), List.of())) {
            if (broker.working(id).isPresent()) {
                broker.amend(id, rest.quantity());
            }
        }
        hedges.fitTo(fill.symbol(), rest.quantity(), fill.price(), fill.time());
    }

    /** A triggered stop-loss is the position's exit: what is left of its entry legs is not bought any more. */
    private void cancelEntryIfStopTriggered(String symbol) {
        if (!portfolio.hasPending() || portfolio.position(symbol).isEmpty()) {
            return;
        }
        for (long id : protection.getOrDefault(symbol, List.of())) {
            if (orders.role(id) == OrderBook.Role.STOP_LOSS && broker.working(id).map(o -> o.type() == Order.Type.MARKET).orElse(false)) {
                entries.cancelAll(symbol);
                return;
            }
        }
    }

    private void cancelProtection(String symbol) {
        List<Long> ids = protection.remove(symbol);
        if (ids != null) {
            ids.forEach(id -> {
                broker.cancel(id);
                orders.remove(id);
            });
        }
    }

    /** The position is flat: nothing of it may still work (such as a rest of an exit order rounded away), nor its hedge's order. */
    private void cancelAllOn(String symbol) {
        cancelProtection(symbol);
        hedges.cancel(symbol);
        broker.cancelAll(symbol).forEach(orders::remove);
    }

    private void closed(Fill exitFill, ClosedTrade trade) {
        trades++;
        entries.closed(trade.trade().symbol());
        ClosedTrade recorded = positions.enabled()
                ? trade.withExitNotes(positions.exitNotes(trade.trade().symbol(), trade.trade().exitReason())) : trade;
        sink.onExit(exitFill, recorded);
        positions.closed(trade.trade());
        risk.onTradeClosed(trade.trade());
        closedTrades.accept(trade.trade());
        hedges.positionClosed(trade.trade().symbol(), trade.trade().exitReason(), exitFill.time());
    }
}
