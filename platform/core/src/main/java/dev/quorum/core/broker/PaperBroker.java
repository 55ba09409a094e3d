package dev.quorum.core.broker;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.quorum.api.Bar;
import dev.quorum.api.BrokerSession;
import dev.quorum.api.Fill;
import dev.quorum.api.Order;
import dev.quorum.api.Side;

/**
 * The backtest broker. A market order fills, whole, at the open of the next bar of its symbol
 * (the first bar after the one the decision was made on; a missing minute simply means a later
 * bar). Stop-loss and take-profit exits are executed by {@link #executeAt} at the level the engine
 * determined. Every fill pays {@code feeRate × notional}. No slippage model yet.
 */
public final class PaperBroker implements BrokerSession {

    private final double feeRate;
    private final Map<String, Order> pending = new HashMap<>();

    /** @param feeRate the fee per side as a fraction of notional */
    public PaperBroker(double feeRate) {
        this.feeRate = feeRate;
    }

    @Override
    public void submit(Order order) {
        Order previous = pending.putIfAbsent(order.symbol(), order);
        if (previous != null) {
            throw new IllegalStateException("order " + previous.id() + " on " + order.symbol() + " is still pending");
        }
    }

    /**
     * @param symbol the instrument
     * @return whether an order on it waits for the next bar
     */
    public boolean hasPending(String symbol) {
        return pending.containsKey(symbol);
    }

    @Override
    public List<Fill> onBar(Bar bar) {
        Order order = pending.remove(bar.symbol());
        if (order == null) {
            return List.of();
        }
        return List.of(executeAt(order.id(), bar.symbol(), order.side(), order.quantity(), bar.open(), bar.openTime()));
    }

    /**
     * Executes immediately at a given price (stop-loss, take-profit, end of data).
     *
     * @param orderId  the order id to record
     * @param symbol   the instrument
     * @param side     buy or sell
     * @param quantity units
     * @param price    the execution price
     * @param time     the engine clock
     * @return the fill
     */
    public Fill executeAt(long orderId, String symbol, Side side, double quantity, double price, Instant time) {
        return new Fill(orderId, symbol, side, quantity, price, quantity * price * feeRate, time);
    }

    /**
     * Changes the quantity of the order waiting on a symbol.
     *
     * @param symbol   the instrument
     * @param quantity the new quantity, {@code > 0}
     */
    public void amend(String symbol, double quantity) {
        Order order = pending.get(symbol);
        if (order == null) {
            throw new IllegalStateException("no pending order on " + symbol + " to amend");
        }
        pending.put(symbol, new Order(order.id(), symbol, order.side(), quantity, order.createdAt()));
    }

    /**
     * Cancels the order waiting on a symbol, if any.
     *
     * @param symbol the instrument
     */
    public void cancel(String symbol) {
        pending.remove(symbol);
    }

    /** Drops every pending order (end of data). */
    public void cancelAll() {
        pending.clear();
    }

    /** @return the fee rate */
    public double feeRate() {
        return feeRate;
    }
}
