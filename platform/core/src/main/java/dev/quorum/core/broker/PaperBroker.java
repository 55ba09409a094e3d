package dev.quorum.core.broker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.quorum.api.Bar;
import dev.quorum.api.BrokerSession;
import dev.quorum.api.Fill;
import dev.quorum.api.Order;
import dev.quorum.api.Side;
import dev.quorum.core.config.BrokerConfig;

/**
 * The backtest broker: market, limit and stop orders executed on bars by the {@link IntrabarRules},
 * sized and priced by an {@link ExecutionModel}, charged maker or taker fees.
 *
 * <p>Each bar of a symbol is processed in two phases, {@link #atOpen} then {@link #intrabar}
 * ({@link #onBar} runs both):
 * <ol>
 *   <li><b>At the open</b>, the symbol's market orders execute at the bar's open (the first bar after the
 *       decision; a missing minute simply means a later bar), in submission order.</li>
 *   <li><b>Inside the bar</b>, its stop orders, then its limit orders, execute when the bar reaches them
 *       (at the open if it opened beyond the level, else at the level). A triggered stop that could not
 *       execute in full becomes a market order for the rest, which executes at the open of the symbol's
 *       following bars; an unfilled limit keeps resting at its level.</li>
 * </ol>
 * A fill at the open is stamped with the bar's open time; one at a level inside the bar with the bar's
 * close time, the first moment the engine can know of it. Limit fills pay {@code makerFee × notional} and
 * never slip; market and stop fills pay {@code takerFee × notional} and the model's slippage.
 *
 * <p><b>One-cancels-other groups</b> ({@link #submitOco}): when a stop of the group triggers, the group's
 * other orders are cancelled; when a limit of the group fills, the others are reduced by what it filled.
 * Because stops are checked before limits, a stop and a limit of one group that a bar both reaches
 * resolve in favour of the stop (the path inside a bar is unknown, so the broker assumes the worse).
 *
 * <p>At most one market order per symbol is working at a time. Deterministic: orders are kept per symbol
 * in submission order and maps are only used for lookups.
 */
public final class PaperBroker implements BrokerSession {

    private final double makerFee;
    private final double takerFee;
    private final ExecutionModel model;
    private final Map<String, List<WorkingOrder>> bySymbol = new HashMap<>();
    private final Map<Long, WorkingOrder> byId = new HashMap<>();
    private final Map<String, Taken> taken = new HashMap<>();
    private long nextGroup = 1;

    /** What this broker executed on the latest bar of a symbol, for participation caps shared by orders. */
    private record Taken(Instant barOpen, double quantity) {
    }

    /**
     * @param makerFee fee of limit fills, a fraction of notional, {@code >= 0}
     * @param takerFee fee of market and stop fills, a fraction of notional, {@code >= 0}
     * @param model    quantity and slippage of each execution
     */
    public PaperBroker(double makerFee, double takerFee, ExecutionModel model) {
        if (!(makerFee >= 0) || !(takerFee >= 0)) {
            throw new IllegalArgumentException("fees must be >= 0, were maker " + makerFee + ", taker " + takerFee);
        }
        this.makerFee = makerFee;
        this.takerFee = takerFee;
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * A broker with one fee for every fill and no slippage.
     *
     * @param feeRate the fee per side as a fraction of notional
     */
    public PaperBroker(double feeRate) {
        this(feeRate, feeRate, new NoSlippage());
    }

    /**
     * @param config the {@code broker} section
     * @return the broker it describes
     */
    public static PaperBroker of(BrokerConfig config) {
        return new PaperBroker(config.makerFee(), config.takerFee(), ExecutionModel.of(config.slippage()));
    }

    @Override
    public void submit(Order order) {
        if (order.type() == Order.Type.MARKET && hasMarketOrder(order.symbol())) {
            throw new IllegalStateException("a market order on " + order.symbol() + " is still working; order " + order.id()
                    + " must wait");
        }
        add(order, 0);
    }

    /**
     * Submits resting orders as one one-cancels-other group (such as a position's stop-loss and take-profit).
     *
     * @param orders limit and stop orders on one symbol and side
     */
    public void submitOco(List<Order> orders) {
        if (orders.isEmpty()) {
            return;
        }
        Order first = orders.get(0);
        for (Order o : orders) {
            if (o.type() == Order.Type.MARKET || !o.symbol().equals(first.symbol()) || o.side() != first.side()) {
                throw new IllegalArgumentException("a one-cancels-other group holds limit and stop orders on one symbol and side: " + orders);
            }
        }
        long group = orders.size() > 1 ? nextGroup++ : 0;
        orders.forEach(o -> add(o, group));
    }

    private void add(Order order, long group) {
        if (byId.containsKey(order.id())) {
            throw new IllegalStateException("order " + order.id() + " is already working");
        }
        WorkingOrder w = new WorkingOrder(order, group);
        byId.put(order.id(), w);
        bySymbol.computeIfAbsent(order.symbol(), s -> new ArrayList<>()).add(w);
    }

    @Override
    public List<Fill> onBar(Bar bar) {
        List<Fill> fills = new ArrayList<>(atOpen(bar));
        fills.addAll(intrabar(bar));
        return fills;
    }

    /**
     * Phase 1: the symbol's market orders execute at this bar's open.
     *
     * @param bar the symbol's new bar
     * @return the fills, in execution order
     */
    public List<Fill> atOpen(Bar bar) {
        if (!hasOrders(bar.symbol())) {
            return List.of();
        }
        List<Fill> fills = new ArrayList<>();
        for (WorkingOrder w : working(bar.symbol())) {
            if (w.order.type() == Order.Type.MARKET) {
                execute(w, bar, bar.open(), fills);
            }
        }
        return fills;
    }

    /**
     * Phase 2: the symbol's stop orders, then its limit orders, execute where this bar reaches them.
     *
     * @param bar the symbol's bar, after {@link #atOpen}
     * @return the fills, in execution order
     */
    public List<Fill> intrabar(Bar bar) {
        if (!hasOrders(bar.symbol())) {
            return List.of();
        }
        List<Fill> fills = new ArrayList<>();
        for (WorkingOrder w : working(bar.symbol())) {
            if (w.order.type() != Order.Type.STOP || !w.working) {
                continue;
            }
            OptionalDouble touch = IntrabarRules.touch(w.order, bar);
            if (touch.isPresent()) {
                siblings(w).forEach(this::remove);
                execute(w, bar, touch.getAsDouble(), fills);
                if (w.working) {
                    w.order = new Order(w.order.id(), w.order.symbol(), w.order.side(), w.order.quantity(), w.order.createdAt());
                    w.group = 0;
                }
            }
        }
        for (WorkingOrder w : working(bar.symbol())) {
            if (w.order.type() != Order.Type.LIMIT || !w.working) {
                continue;
            }
            OptionalDouble touch = IntrabarRules.touch(w.order, bar);
            if (touch.isPresent()) {
                double filled = execute(w, bar, touch.getAsDouble(), fills);
                for (WorkingOrder s : siblings(w)) {
                    reduce(s, filled);
                }
            }
        }
        return fills;
    }

    /**
     * What a working market order would execute at this bar's open, without executing it: the engine
     * checks an entry against the equity left for it before it fills.
     *
     * @param orderId the order
     * @param bar     the symbol's new bar
     * @return the execution, or empty when nothing would execute (or the order is not a working market order)
     */
    public Optional<Execution> preview(long orderId, Bar bar) {
        WorkingOrder w = byId.get(orderId);
        if (w == null || w.order.type() != Order.Type.MARKET) {
            return Optional.empty();
        }
        return model.execute(w.order, w.remaining, bar, bar.open(), takenOn(bar));
    }

    private double execute(WorkingOrder w, Bar bar, double touch, List<Fill> fills) {
        Optional<Execution> e = model.execute(w.order, w.remaining, bar, touch, takenOn(bar));
        if (e.isEmpty()) {
            return 0;
        }
        double quantity = e.get().quantity();
        double price = e.get().price();
        if (quantity > w.remaining) {
            throw new IllegalStateException("the execution model executed " + quantity + " of order " + w.order.id()
                    + ", which has only " + w.remaining + " left");
        }
        double remaining = w.remaining - quantity;
        reduce(w, quantity);
        taken.put(bar.symbol(), new Taken(bar.openTime(), takenOn(bar) + quantity));
        boolean maker = w.order.type() == Order.Type.LIMIT;
        double fee = quantity * price * (maker ? makerFee : takerFee);
        Instant time = touch == bar.open() ? bar.openTime() : bar.closeTime();
        fills.add(new Fill(w.order.id(), w.order.symbol(), w.order.side(), quantity, price, fee, time,
                maker ? Fill.Liquidity.MAKER : Fill.Liquidity.TAKER, Math.abs(price - touch) * quantity, remaining));
        return quantity;
    }

    private double takenOn(Bar bar) {
        Taken t = taken.get(bar.symbol());
        return t != null && t.barOpen().equals(bar.openTime()) ? t.quantity() : 0;
    }

    /**
     * Executes immediately at a given price, as a taker, without slippage: the close of every open
     * position at the end of the data, a valuation at the last close rather than an order the market
     * would see.
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
        return new Fill(orderId, symbol, side, quantity, price, quantity * price * takerFee, time);
    }

    /**
     * Changes what is left to fill of a working order.
     *
     * @param orderId   the order
     * @param remaining the new quantity left, {@code > 0}
     */
    public void amend(long orderId, double remaining) {
        WorkingOrder w = byId.get(orderId);
        if (w == null) {
            throw new IllegalStateException("order " + orderId + " is not working; it cannot be amended");
        }
        if (!(remaining > 0) || !Double.isFinite(remaining)) {
            throw new IllegalArgumentException("remaining must be finite and > 0, was " + remaining);
        }
        w.remaining = remaining;
    }

    /**
     * Cancels a working order; nothing happens if it is not working.
     *
     * @param orderId the order
     */
    public void cancel(long orderId) {
        WorkingOrder w = byId.get(orderId);
        if (w != null) {
            remove(w);
        }
    }

    /**
     * Cancels every working order on a symbol.
     *
     * @param symbol the instrument
     * @return the ids of the orders cancelled, in submission order
     */
    public List<Long> cancelAll(String symbol) {
        if (!hasOrders(symbol)) {
            return List.of();
        }
        List<WorkingOrder> orders = working(symbol);
        Long[] ids = new Long[orders.size()];
        for (int i = 0; i < ids.length; i++) {
            remove(orders.get(i));
            ids[i] = orders.get(i).order.id();
        }
        return List.of(ids);
    }

    /** Cancels every working order (end of data). */
    public void cancelAll() {
        byId.values().forEach(w -> w.working = false);
        byId.clear();
        bySymbol.clear();
    }

    /**
     * @param orderId the order
     * @return the order as it works now (a triggered stop is a market order), if it is working
     */
    public Optional<Order> working(long orderId) {
        WorkingOrder w = byId.get(orderId);
        return w == null ? Optional.empty() : Optional.of(w.order);
    }

    /**
     * @param orderId the order
     * @return what is left to fill of it, if it is working
     */
    public OptionalDouble remaining(long orderId) {
        WorkingOrder w = byId.get(orderId);
        return w == null ? OptionalDouble.empty() : OptionalDouble.of(w.remaining);
    }

    /**
     * @param symbol the instrument
     * @return whether a market order (an entry, an exit, or a triggered stop's rest) is working on it
     */
    public boolean hasMarketOrder(String symbol) {
        return !bySymbol.isEmpty() && hasMarketOrderOn(symbol);
    }

    /** @return whether no order works on any symbol */
    public boolean idle() {
        return bySymbol.isEmpty();
    }

    private boolean hasMarketOrderOn(String symbol) {
        List<WorkingOrder> orders = bySymbol.get(symbol);
        if (orders != null) {
            for (WorkingOrder w : orders) {
                if (w.order.type() == Order.Type.MARKET) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return the fee of limit fills */
    public double makerFee() {
        return makerFee;
    }

    /** @return the fee of market and stop fills */
    public double takerFee() {
        return takerFee;
    }

    /** @return the execution model */
    public ExecutionModel model() {
        return model;
    }

    /** Hot path: most bars of most symbols have no order working. */
    private boolean hasOrders(String symbol) {
        if (bySymbol.isEmpty()) {
            return false; // no order works on any symbol: no lookup
        }
        List<WorkingOrder> orders = bySymbol.get(symbol);
        return orders != null && !orders.isEmpty();
    }

    private List<WorkingOrder> working(String symbol) {
        return List.copyOf(bySymbol.getOrDefault(symbol, List.of()));
    }

    private List<WorkingOrder> siblings(WorkingOrder w) {
        if (w.group == 0) {
            return List.of();
        }
        return working(w.order.symbol()).stream().filter(o -> o != w && o.group == w.group).toList();
    }

    private void reduce(WorkingOrder w, double quantity) {
        if (quantity >= w.remaining) {
            w.remaining = 0;
            remove(w);
        } else {
            w.remaining -= quantity;
        }
    }

    private void remove(WorkingOrder w) {
        w.working = false;
        byId.remove(w.order.id());
        List<WorkingOrder> list = bySymbol.get(w.order.symbol());
        if (list != null) {
            list.remove(w);
            if (list.isEmpty()) {
                bySymbol.remove(w.order.symbol());
            }
        }
    }

    /** An order the broker holds, with what is left of it. Mutable; never leaves the broker. */
    private static final class WorkingOrder {
        private Order order;
        private double remaining;
        private long group;
        private boolean working = true;

        private WorkingOrder(Order order, long group) {
            this.order = order;
            this.remaining = order.quantity();
            this.group = group;
        }
    }
}
