package dev.quorum.core.engine;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quorum.api.Bar;
import dev.quorum.api.ExitReason;
import dev.quorum.api.Fill;
import dev.quorum.api.HedgeOrder;
import dev.quorum.api.Order;
import dev.quorum.api.Position;
import dev.quorum.api.Side;
import dev.quorum.core.broker.PaperBroker;
import dev.quorum.core.portfolio.ClosedTrade;
import dev.quorum.core.portfolio.OpenPosition;
import dev.quorum.core.portfolio.Portfolio;
import dev.quorum.core.position.PositionDesk;

/**
 * The hedges' side of the order desk. A hedge is opened by a market order opposite to the position on its
 * symbol and closed by a market order for all of it, each filling from the symbol's next bar's open with
 * the broker's fees and slippage; at most one hedge order works on a symbol at a time. Orders are
 * idempotent: opening where a hedge is already open or opening, or closing where none is open or one is
 * already closing, does nothing. Closing while the opening still works cancels what is left of it.
 *
 * <p>Hedge trades carry {@link dev.quorum.api.Trade#hedge()}, no bots, and exit notes saying why the hedge
 * opened and why it closed ({@link ExitReason#HEDGE_RELEASED} or {@link ExitReason#END_OF_DATA}). They are
 * told to the position manager, not to the risk chain: risk modules judge the signals' positions.
 */
final class HedgeOrders {

    private final PaperBroker broker;
    private final Portfolio portfolio;
    private final OrderBook orders;
    private final PositionDesk positions;
    private final RunSink sink;
    /** per symbol, the hedge order working at the broker */
    private final Map<String, Long> working = new HashMap<>();
    /** per symbol, why its hedge opened and (once closing) why it closes */
    private final Map<String, String> openNotes = new HashMap<>();
    private final Map<String, String> closeNotes = new HashMap<>();
    private long trades;

    HedgeOrders(PaperBroker broker, Portfolio portfolio, OrderBook orders, PositionDesk positions, RunSink sink) {
        this.broker = broker;
        this.portfolio = portfolio;
        this.orders = orders;
        this.positions = positions;
        this.sink = sink;
    }

    /**
     * Sends the accepted orders of the position manager, in its order.
     *
     * @param accepted orders the position desk accepted
     * @param now      the engine clock
     */
    void send(List<HedgeOrder> accepted, Instant now) {
        for (HedgeOrder order : accepted) {
            if (order.action() == HedgeOrder.Action.OPEN) {
                open(order, now);
            } else {
                release(order.symbol(), order.note(), now);
            }
        }
    }

    private void open(HedgeOrder order, Instant now) {
        String symbol = order.symbol();
        OpenPosition main = portfolio.openOn(symbol);
        if (main == null || portfolio.hedgeOn(symbol) != null || working.containsKey(symbol) || broker.hasMarketOrder(symbol)) {
            return; // hedged already, under way, or the position's own market order works (one at a time per symbol)
        }
        Position p = main.position();
        long id = orders.add(OrderBook.Role.HEDGE_OPEN);
        working.put(symbol, id);
        openNotes.put(symbol, String.format(java.util.Locale.ROOT, "hedge of %.8g against the %s %.8g: %s", order.quantity(),
                p.direction(), p.quantity(), order.note()));
        broker.submit(Order.market(id, symbol, Side.opening(p.direction()).opposite(), order.quantity(), now));
    }

    /**
     * Closes the hedge on a symbol from its next bar's open (what is left of an opening is cancelled).
     *
     * @param symbol the instrument
     * @param note   why
     * @param now    the engine clock
     */
    void release(String symbol, String note, Instant now) {
        Long id = working.get(symbol);
        if (id != null) {
            if (orders.role(id) == OrderBook.Role.HEDGE_CLOSE) {
                return; // closing already
            }
            cancel(symbol);
        }
        if (broker.hasMarketOrder(symbol)) {
            return; // the position's own market order works: asked again on a later bar, or closed with the position
        }
        OpenPosition hedge = portfolio.hedgeOn(symbol);
        if (hedge == null) {
            openNotes.remove(symbol);
            return;
        }
        long close = orders.add(OrderBook.Role.HEDGE_CLOSE);
        working.put(symbol, close);
        closeNotes.put(symbol, note);
        Position h = hedge.position();
        broker.submit(Order.market(close, symbol, Side.opening(h.direction()).opposite(), h.quantity(), now));
    }

    /**
     * The position a hedge protects closed: the hedge closes too, from the symbol's next bar's open.
     *
     * @param symbol the instrument
     * @param reason why the position closed
     * @param now    the engine clock (the exit fill's time)
     */
    void positionClosed(String symbol, ExitReason reason, Instant now) {
        if (portfolio.hedgeOn(symbol) != null || working.containsKey(symbol)) {
            release(symbol, "the hedged position closed (" + reason + ")", now);
        }
    }

    /**
     * Applies a fill of a hedge order.
     *
     * @param fill the fill
     * @param role {@code HEDGE_OPEN} or {@code HEDGE_CLOSE}
     */
    void filled(Fill fill, OrderBook.Role role) {
        String symbol = fill.symbol();
        if (fill.isComplete()) {
            working.remove(symbol, fill.orderId());
        }
        if (role == OrderBook.Role.HEDGE_OPEN) {
            sink.onEntry(fill);
            if (portfolio.hedgeOn(symbol) == null) {
                portfolio.openHedge(fill, "");
            } else {
                portfolio.addHedge(fill);
            }
            OpenPosition main = portfolio.openOn(symbol);
            fitTo(symbol, main == null ? 0 : main.position().quantity(), fill.price(), fill.time());
            return;
        }
        reduce(fill, ExitReason.HEDGE_RELEASED);
    }

    /**
     * Keeps a hedge no larger than its position: the excess closes at once, at the given price (the position's
     * partial exit's, or the hedge fill's own), so that the symbol's net exposure never reverses.
     *
     * @param symbol      the instrument
     * @param maxQuantity the position's quantity now
     * @param price       the price of the fill that shrank the position (or grew the hedge)
     * @param time        its time
     */
    void fitTo(String symbol, double maxQuantity, double price, Instant time) {
        OpenPosition hedge = portfolio.hedgeOn(symbol);
        if (hedge == null || hedge.position().quantity() <= maxQuantity * (1 + 1e-9)) {
            return;
        }
        Position h = hedge.position();
        double excess = h.quantity() - maxQuantity;
        closeNotes.put(symbol, String.format(java.util.Locale.ROOT, "the hedged position shrank to %.8g", maxQuantity));
        Fill fill = broker.executeAt(orders.nextId(), symbol, Side.opening(h.direction()).opposite(), excess, price, time);
        reduce(fill, ExitReason.HEDGE_RELEASED);
    }

    private void reduce(Fill fill, ExitReason reason) {
        String symbol = fill.symbol();
        Optional<ClosedTrade> closed = portfolio.reduceHedge(fill, reason);
        if (closed.isEmpty()) {
            sink.onPartialExit(fill);
            return;
        }
        cancel(symbol); // a rest rounded away
        String opened = openNotes.remove(symbol);
        String why = closeNotes.remove(symbol);
        String notes = (opened == null ? "" : opened) + (reason == ExitReason.HEDGE_RELEASED && why != null ? "; released: " + why : "");
        trades++;
        sink.onExit(fill, closed.get().withExitNotes(notes));
        positions.hedgeClosed(closed.get().trade());
    }

    /**
     * Closes the hedge on a symbol at a bar's close (END_OF_DATA), cancelling its working order.
     *
     * @param symbol the instrument
     * @param last   its last bar
     */
    void closeAt(String symbol, Bar last) {
        cancel(symbol);
        OpenPosition hedge = portfolio.hedgeOn(symbol);
        if (hedge == null) {
            openNotes.remove(symbol);
            return;
        }
        Position h = hedge.position();
        Fill fill = broker.executeAt(orders.nextId(), symbol, Side.opening(h.direction()).opposite(), h.quantity(), last.close(),
                last.closeTime());
        reduce(fill, ExitReason.END_OF_DATA);
    }

    /**
     * Cancels the hedge order working on a symbol, if any.
     *
     * @param symbol the instrument
     */
    void cancel(String symbol) {
        Long id = working.remove(symbol);
        if (id != null) {
            broker.cancel(id);
            orders.remove(id);
        }
    }

    /** Forgets every working hedge order: the broker cancelled them all (end of data). */
    void cancelledAll() {
        working.clear();
    }

    /** @return the symbols with an open hedge, in order */
    List<String> hedgedSymbols() {
        return portfolio.hedges().stream().map(h -> h.position().symbol()).toList();
    }

    /** @return hedge trades closed so far */
    long trades() {
        return trades;
    }
}
