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
 */
public final class Portfolio {

    private final double initialCash;
    private final TreeMap<String, OpenPosition> open = new TreeMap<>();
    private final Map<String, Double> lastPrice = new HashMap<>();
    private final TreeMap<Long, PendingEntry> pending = new TreeMap<>();
    private double cash;
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
        lastPrice.put(symbol, price);
    }

    /** @return current cash */
    public double cash() {
        return cash;
    }

    /** @return cash plus marked positions */
    public double equity() {
        double equity = cash;
        for (OpenPosition p : open.values()) {
            double price = lastPrice.getOrDefault(p.position().symbol(), p.position().entryPrice());
            equity += p.position().direction() == Direction.LONG ? p.position().notional(price) : -p.position().notional(price);
        }
        return equity;
    }

    /**
     * Equity not already committed to positions or to entries waiting to fill: what a new position may use.
     *
     * @return equity minus the marked notional of every open position and the reserved notional of every
     *         pending entry (never below 0)
     */
    public double freeEquity() {
        double committed = 0;
        for (OpenPosition p : open.values()) {
            committed += p.position().notional(lastPrice.getOrDefault(p.position().symbol(), p.position().entryPrice()));
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
     * @param symbol the instrument
     * @return the entry waiting to fill on it, if any
     */
    public Optional<PendingEntry> pendingOn(String symbol) {
        return pending.values().stream().filter(e -> e.intent().symbol().equals(symbol)).findFirst();
    }

    /**
     * Replaces a pending entry, such as one clipped to what equity allows at the fill price.
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
        return Optional.ofNullable(open.get(symbol));
    }

    /** @return the open positions by symbol */
    public List<OpenPosition> positions() {
        return List.copyOf(open.values());
    }

    /**
     * Opens a position from an entry fill.
     *
     * @param fill       the fill
     * @param stopLoss   the stop-loss level it carries
     * @param takeProfit the take-profit level it carries
     * @param bots       the bots that voted for it
     * @param notes      the risk chain's notes
     * @return the new position
     */
    public OpenPosition open(Fill fill, OptionalDouble stopLoss, OptionalDouble takeProfit, List<String> bots, String notes) {
        if (open.containsKey(fill.symbol())) {
            throw new IllegalStateException("a position on " + fill.symbol() + " is already open");
        }
        Direction direction = fill.side() == Side.BUY ? Direction.LONG : Direction.SHORT;
        double notional = fill.quantity() * fill.price();
        cash += direction == Direction.LONG ? -notional - fill.fee() : notional - fill.fee();
        OpenPosition p = new OpenPosition(new Position(fill.symbol(), direction, fill.quantity(), fill.price(), fill.time(),
                stopLoss, takeProfit), fill.fee(), bots, notes);
        open.put(fill.symbol(), p);
        return p;
    }

    /**
     * Closes a position from an exit fill.
     *
     * @param fill   the exit fill, of the whole quantity, on the opposite side
     * @param reason why it closed
     * @return the closed trade
     */
    public ClosedTrade close(Fill fill, ExitReason reason) {
        OpenPosition p = open.remove(fill.symbol());
        if (p == null) {
            throw new IllegalStateException("no position on " + fill.symbol() + " to close");
        }
        Position pos = p.position();
        double notional = fill.quantity() * fill.price();
        cash += pos.direction() == Direction.LONG ? notional - fill.fee() : -notional - fill.fee();
        double fees = p.entryFee() + fill.fee();
        double pnl = pos.unrealisedPnl(fill.price()) - fees;
        Trade trade = new Trade(++tradeSeq, pos.symbol(), pos.direction(), pos.quantity(), pos.entryTime(), pos.entryPrice(),
                fill.time(), fill.price(), fees, pnl, reason, p.bots());
        return new ClosedTrade(trade, p.notes());
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
        List<dev.quorum.api.OrderIntent> entries = pending.values().stream().map(PendingEntry::intent)
                .sorted(java.util.Comparator.comparing(dev.quorum.api.OrderIntent::symbol)).toList();
        return new PortfolioSnapshot(now, cash, equity(), initialCash, positions, entries, new TreeMap<>(lastPrice));
    }

    /** @return the starting cash */
    public double initialCash() {
        return initialCash;
    }
}
