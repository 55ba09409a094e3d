package dev.quorum.core.portfolio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

import dev.quorum.api.Direction;
import dev.quorum.api.ExitReason;
import dev.quorum.api.Fill;
import dev.quorum.api.Position;
import dev.quorum.api.Side;
import dev.quorum.api.Trade;

/**
 * Cash, open positions and their marks, changed only by fills. One position per symbol; a long
 * costs {@code quantity × price + fee} in cash, a short credits {@code quantity × price − fee} and
 * owes the asset back. Equity is cash plus longs minus shorts, marked at each symbol's latest close.
 *
 * <p><b>Partial fills.</b> Entry fills build a position up: its quantity is their sum and its entry price
 * their volume-weighted average (the first fill's price, exactly, while there is one). Exit fills run it
 * down; each realises {@code (exit − average entry) × quantity} for a long, the negative for a short. When
 * the position is flat again it becomes one {@link Trade}: the total quantity entered, the entry time of the
 * first entry fill, the volume-weighted entry and exit prices, the time of the last exit fill and the reason
 * of the exit that made it flat, all fees of the round trip, and PnL = realised price PnL − fees.
 *
 * <p><b>Hedges.</b> A hedge is a second position on a symbol, opposite to the position there and kept in a book
 * of its own ({@link #openHedge}, {@link #reduceHedge}): it is built up and run down by fills the same way and
 * closes into a {@link Trade} with {@link Trade#hedge()} set and no bots. Its marked value counts in equity,
 * its notional in exposure and as committed equity, its price PnL as unrealised and then realised PnL.
 *
 * <p><b>Accounting.</b> {@code equity = initial cash + realised PnL + unrealised PnL − fees paid}, with
 * realised and unrealised PnL before fees and every fee ever paid in fees paid.
 */
public final class Portfolio {

    /** A remainder below this share of the quantity entered is rounding, not a position. */
    private static final double DUST = 1e-9;

    private final double initialCash;
    private final TreeMap<String, OpenPosition> open = new TreeMap<>();
    private final TreeMap<String, OpenPosition> hedges = new TreeMap<>();
    /** Latest close per symbol, in a mutable cell: marked on every bar, so no boxing there. */
    private final Map<String, double[]> lastPrice = new HashMap<>();
    private final TreeMap<Long, PendingEntry> pending = new TreeMap<>();
    private double cash;
    private double realised;
    private double feesPaid;
    private long tradeSeq;

    /** @param initialCash starting cash, {@code > 0} */
    public Portfolio(double initialCash) {
        this.initialCash = initialCash;
        this.cash = initialCash;
    }

    /**
     * Records a symbol's latest close.
     *
     * @param symbol the instrument
     * @param price  its close
     */
    public void mark(String symbol, double price) {
        double[] cell = lastPrice.get(symbol);
        if (cell != null) {
            cell[0] = price;
        } else {
            lastPrice.put(symbol, new double[] {price});
        }
    }

    /** @return whether an entry is waiting for its fill on any symbol */
    public boolean hasPending() {
        return !pending.isEmpty();
    }

    private double markOf(String symbol, double fallback) {
        double[] cell = lastPrice.get(symbol);
        return cell == null ? fallback : cell[0];
    }

    /** @return current cash */
    public double cash() {
        return cash;
    }

    /** @return cash plus marked positions */
    public double equity() {
        double equity = cash;
        for (OpenPosition p : open.values()) {
            equity += value(p.position());
        }
        if (!hedges.isEmpty()) {
            for (OpenPosition h : hedges.values()) {
                equity += value(h.position());
            }
        }
        return equity;
    }

    /** A position's marked value: its notional for a long, the negative for a short (owed back). */
    private double value(Position p) {
        double notional = p.notional(markOf(p));
        return p.direction() == Direction.LONG ? notional : -notional;
    }

    /** @return gross exposure: the marked notional of every open position and hedge, longs and shorts alike */
    public double exposure() {
        double exposure = 0;
        for (OpenPosition p : open.values()) {
            exposure += p.position().notional(markOf(p.position()));
        }
        for (OpenPosition h : hedges.values()) {
            exposure += h.position().notional(markOf(h.position()));
        }
        return exposure;
    }

    /** @return the open positions' and hedges' price PnL at their marks, before fees */
    public double unrealisedPnl() {
        double pnl = 0;
        for (OpenPosition p : open.values()) {
            pnl += p.position().unrealisedPnl(markOf(p.position()));
        }
        for (OpenPosition h : hedges.values()) {
            pnl += h.position().unrealisedPnl(markOf(h.position()));
        }
        return pnl;
    }

    /** @return the price PnL realised by exit fills so far, before fees */
    public double realisedPnl() {
        return realised;
    }

    /** @return every fee paid so far */
    public double feesPaid() {
        return feesPaid;
    }

    private double markOf(Position p) {
        return markOf(p.symbol(), p.entryPrice());
    }

    /**
     * Equity not already committed to positions or to entries waiting to fill: what a new position may use.
     *
     * @return equity minus the marked notional of every open position and hedge and the reserved notional of
     *         every pending entry (never below 0)
     */
    public double freeEquity() {
        double committed = 0;
        for (OpenPosition p : open.values()) {
            committed += p.position().notional(markOf(p.position()));
        }
        for (OpenPosition h : hedges.values()) {
            committed += h.position().notional(markOf(h.position()));
        }
        for (PendingEntry e : pending.values()) {
            committed += e.reserved();
        }
        return Math.max(0, equity() - committed);
    }

    /**
     * Reserves equity for an entry sent to the broker.
     *
     * @param entry the entry
     */
    public void addPending(PendingEntry entry) {
        pending.put(entry.orderId(), entry);
    }

    /**
     * Removes a pending entry (it filled, or was cancelled).
     *
     * @param orderId its order id
     * @return the entry, if it was pending
     */
    public Optional<PendingEntry> takePending(long orderId) {
        return Optional.ofNullable(pending.remove(orderId));
    }

    /**
     * @param orderId the entry's order id
     * @return the entry, if it is pending
     */
    public Optional<PendingEntry> pending(long orderId) {
        return Optional.ofNullable(pending.get(orderId));
    }

    /**
     * @param symbol the instrument
     * @return every entry waiting to fill on it (the legs of one position), in order id order
     */
    public List<PendingEntry> pendingAllOn(String symbol) {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<PendingEntry> on = new ArrayList<>(2);
        for (PendingEntry e : pending.values()) {
            if (e.intent().symbol().equals(symbol)) {
                on.add(e);
            }
        }
        return on;
    }

    /**
     * Replaces a pending entry, such as one clipped to what equity allows at the fill price, or one
     * partly filled.
     *
     * @param entry the new entry, with the same order id
     */
    public void replacePending(PendingEntry entry) {
        pending.put(entry.orderId(), entry);
    }

    /** Drops every pending entry (end of data). */
    public void clearPending() {
        pending.clear();
    }

    /**
     * @param symbol the instrument
     * @return the open position on it
     */
    public Optional<OpenPosition> position(String symbol) {
        return Optional.ofNullable(openOn(symbol));
    }

    /**
     * The engine's per-bar lookup, without an {@code Optional}.
     *
     * @param symbol the instrument
     * @return the open position on it, or null
     */
    public OpenPosition openOn(String symbol) {
        return open.isEmpty() ? null : open.get(symbol);
    }

    /** @return whether no position and no hedge is open */
    public boolean holdsNothing() {
        return open.isEmpty() && hedges.isEmpty();
    }

    /** @return the open positions by symbol */
    public List<OpenPosition> positions() {
        return List.copyOf(open.values());
    }

    /**
     * @param symbol the instrument
     * @return the hedge open on it, or null
     */
    public OpenPosition hedgeOn(String symbol) {
        return hedges.isEmpty() ? null : hedges.get(symbol);
    }

    /** @return the open hedges by symbol */
    public List<OpenPosition> hedges() {
        return List.copyOf(hedges.values());
    }

    /**
     * Opens a hedge from its first fill: a position in the hedge book, opposite to the position on its symbol.
     *
     * @param fill  the fill
     * @param notes why it was opened
     * @return the new hedge
     */
    public OpenPosition openHedge(Fill fill, String notes) {
        OpenPosition main = open.get(fill.symbol());
        if (main == null || Side.opening(main.position().direction()) == fill.side()) {
            throw new IllegalStateException("a " + fill.side() + " hedge on " + fill.symbol() + " without an opposite position to hedge");
        }
        return openIn(hedges, fill, OptionalDouble.empty(), OptionalDouble.empty(), List.of(), notes);
    }

    /**
     * Adds a further fill to an open hedge.
     *
     * @param fill a fill on the hedge's side
     * @return the hedge after it
     */
    public OpenPosition addHedge(Fill fill) {
        return addIn(hedges, fill);
    }

    /**
     * Applies a fill that runs a hedge down; the hedge closes into a trade ({@link Trade#hedge()}) when nothing
     * is left.
     *
     * @param fill   a fill on the opposite side, of at most the quantity held
     * @param reason why it exits
     * @return the trade, if the hedge is now flat
     */
    public Optional<ClosedTrade> reduceHedge(Fill fill, ExitReason reason) {
        return reduceIn(hedges, fill, reason, true);
    }

    /**
     * Opens a position from its first entry fill.
     *
     * @param fill       the fill
     * @param stopLoss   the stop-loss level it carries
     * @param takeProfit the take-profit level it carries
     * @param bots       the bots that voted for it
     * @param notes      the risk chain's notes
     * @return the new position
     */
    public OpenPosition open(Fill fill, OptionalDouble stopLoss, OptionalDouble takeProfit, List<String> bots, String notes) {
        return openIn(open, fill, stopLoss, takeProfit, bots, notes);
    }

    private OpenPosition openIn(TreeMap<String, OpenPosition> book, Fill fill, OptionalDouble stopLoss, OptionalDouble takeProfit,
                                List<String> bots, String notes) {
        if (book.containsKey(fill.symbol())) {
            throw new IllegalStateException("a " + (book == hedges ? "hedge" : "position") + " on " + fill.symbol() + " is already open");
        }
        Direction direction = fill.side() == Side.BUY ? Direction.LONG : Direction.SHORT;
        pay(fill, direction == Direction.LONG);
        OpenPosition p = new OpenPosition(new Position(fill.symbol(), direction, fill.quantity(), fill.price(), fill.time(),
                stopLoss, takeProfit), fill.quantity(), fill.fee(), 0, Double.NaN, 0, 0, bots, notes);
        book.put(fill.symbol(), p);
        return p;
    }

    /**
     * Adds a further entry fill to an open position: its quantity grows, its entry price becomes the
     * volume-weighted average of the entry fills.
     *
     * @param fill an entry fill on the position's side
     * @return the position after it
     */
    public OpenPosition add(Fill fill) {
        return addIn(open, fill);
    }

    private OpenPosition addIn(TreeMap<String, OpenPosition> book, Fill fill) {
        OpenPosition p = book.get(fill.symbol());
        if (p == null || Side.opening(p.position().direction()) != fill.side() || p.exitedQuantity() > 0) {
            throw new IllegalStateException("no position on " + fill.symbol() + " that a " + fill.side() + " entry fill can add to");
        }
        Position pos = p.position();
        pay(fill, pos.direction() == Direction.LONG);
        double quantity = pos.quantity() + fill.quantity();
        double price = (pos.quantity() * pos.entryPrice() + fill.quantity() * fill.price()) / quantity;
        OpenPosition added = new OpenPosition(new Position(pos.symbol(), pos.direction(), quantity, price, pos.entryTime(),
                pos.stopLoss(), pos.takeProfit()), p.enteredQuantity() + fill.quantity(), p.entryFees() + fill.fee(), 0, Double.NaN,
                0, 0, p.bots(), p.notes());
        book.put(fill.symbol(), added);
        return added;
    }

    /**
     * Replaces an open position's stop-loss and take-profit (the position manager moved them).
     *
     * @param symbol     the instrument
     * @param stopLoss   the new stop-loss, or empty for none
     * @param takeProfit the new take-profit, or empty for none
     * @return the position after it
     */
    public OpenPosition relevel(String symbol, OptionalDouble stopLoss, OptionalDouble takeProfit) {
        OpenPosition p = open.get(symbol);
        if (p == null) {
            throw new IllegalStateException("no position on " + symbol + " to move the levels of");
        }
        Position pos = p.position();
        OpenPosition moved = new OpenPosition(new Position(pos.symbol(), pos.direction(), pos.quantity(), pos.entryPrice(),
                pos.entryTime(), stopLoss, takeProfit), p.enteredQuantity(), p.entryFees(), p.exitedQuantity(), p.exitPrice(),
                p.exitFees(), p.realised(), p.bots(), p.notes());
        open.put(symbol, moved);
        return moved;
    }

    private void pay(Fill fill, boolean buy) {
        double notional = fill.quantity() * fill.price();
        cash += buy ? -notional - fill.fee() : notional - fill.fee();
        feesPaid += fill.fee();
    }

    /**
     * Applies an exit fill: the position shrinks by its quantity, and closes into a trade when nothing is left.
     *
     * @param fill   an exit fill on the opposite side, of at most the quantity held
     * @param reason why it exits; the trade keeps the reason of the fill that made the position flat
     * @return the trade, if the position is now flat
     */
    public Optional<ClosedTrade> reduce(Fill fill, ExitReason reason) {
        return reduceIn(open, fill, reason, false);
    }

    private Optional<ClosedTrade> reduceIn(TreeMap<String, OpenPosition> book, Fill fill, ExitReason reason, boolean hedge) {
        OpenPosition p = book.get(fill.symbol());
        if (p == null || Side.opening(p.position().direction()) == fill.side()) {
            throw new IllegalStateException("no position on " + fill.symbol() + " that a " + fill.side() + " exit fill can reduce");
        }
        Position pos = p.position();
        if (fill.quantity() > pos.quantity() * (1 + DUST)) {
            throw new IllegalStateException("exit fill of " + fill.quantity() + " on " + fill.symbol() + " exceeds the "
                    + pos.quantity() + " held");
        }
        pay(fill, pos.direction() == Direction.SHORT);
        double move = fill.price() - pos.entryPrice();
        double gain = pos.direction() == Direction.LONG ? move * fill.quantity() : -move * fill.quantity();
        realised += gain;
        boolean first = p.exitedQuantity() == 0;
        double exited = first ? fill.quantity() : p.exitedQuantity() + fill.quantity();
        double exitPrice = first ? fill.price() : (p.exitedQuantity() * p.exitPrice() + fill.quantity() * fill.price()) / exited;
        double exitFees = first ? fill.fee() : p.exitFees() + fill.fee();
        double tradeGain = first ? gain : p.realised() + gain;
        double left = pos.quantity() - fill.quantity();
        if (left > p.enteredQuantity() * DUST) {
            book.put(fill.symbol(), new OpenPosition(new Position(pos.symbol(), pos.direction(), left, pos.entryPrice(),
                    pos.entryTime(), pos.stopLoss(), pos.takeProfit()), p.enteredQuantity(), p.entryFees(), exited, exitPrice,
                    exitFees, tradeGain, p.bots(), p.notes()));
            return Optional.empty();
        }
        book.remove(fill.symbol());
        double fees = p.entryFees() + exitFees;
        Trade trade = new Trade(++tradeSeq, pos.symbol(), pos.direction(), p.enteredQuantity(), pos.entryTime(), pos.entryPrice(),
                fill.time(), exitPrice, fees, tradeGain - fees, reason, p.bots(), hedge);
        return Optional.of(new ClosedTrade(trade, p.notes()));
    }

    /**
     * An immutable copy for plugins.
     *
     * @param now the engine clock
     * @return the snapshot
     */
    public PortfolioSnapshot snapshot(Instant now) {
        List<Position> positions = new ArrayList<>();
        open.values().forEach(p -> positions.add(p.position()));
        List<Position> hedged = new ArrayList<>();
        hedges.values().forEach(h -> hedged.add(h.position()));
        return new PortfolioSnapshot(now, cash, equity(), initialCash, positions, hedged, pendingIntents(), marks(),
                realised, unrealisedPnl(), feesPaid);
    }

    /** @return the intents of the entries waiting to fill, ordered by symbol */
    private List<dev.quorum.api.OrderIntent> pendingIntents() {
        return pending.values().stream().map(PendingEntry::intent)
                .sorted(java.util.Comparator.comparing(dev.quorum.api.OrderIntent::symbol)).toList();
    }


    /**
     * The equity curve's view of the portfolio now.
     *
     * @param time the engine clock
     * @return equity, cash and gross exposure
     */
    public EquityPoint point(Instant time) {
        return new EquityPoint(time, equity(), cash, exposure());
    }

    /** @return the starting cash */
    public double initialCash() {
        return initialCash;
    }

    private Map<String, Double> marks() {
        TreeMap<String, Double> marks = new TreeMap<>();
        lastPrice.forEach((symbol, cell) -> marks.put(symbol, cell[0]));
        return marks;
    }
}
