package dev.quorum.indicator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.quorum.api.Bar;

/**
 * The nodes of one {@link IndicatorLibrary}, memoised by kind and parameters, and kept in the
 * order they were created. A node's inputs are obtained from this graph inside its factory, so
 * they are created, and listed, before it: creation order is a dependency order, and
 * {@link #update(Bar)} feeds every node once, after its inputs.
 */
final class NodeGraph {

    private final Map<List<Object>, Object> byKey = new HashMap<>();
    private final List<Node> order = new ArrayList<>();

    /**
     * The node or handle memoised under {@code key}, made by {@code factory} the first time.
     * Keys are lists of the kind, the input nodes (by identity) and the parameters.
     */
    <T> T get(List<Object> key, Class<T> type, Supplier<T> factory) {
        Object existing = byKey.get(key);
        if (existing != null) {
            return type.cast(existing);
        }
        T created = factory.get();
        byKey.put(key, created);
        if (created instanceof Node node) {
            order.add(node);
        }
        return created;
    }

    /** Feeds the bar to every node, inputs first. */
    void update(Bar bar) {
        for (int i = 0, n = order.size(); i < n; i++) {
            order.get(i).update(bar);
        }
    }

    /** The nodes in update order. */
    List<Node> nodes() {
        return List.copyOf(order);
    }

    Price price(Price.Field field) {
        return get(List.of("price", field), Price.class, () -> new Price(field));
    }

    Sma sma(Node input, int period) {
        return get(List.of("sma", input, period), Sma.class, () -> new Sma(input, period));
    }

    /** An EMA of an input that is stable from its first bar (a price). */
    Ema ema(Node input, int period) {
        return ema(input, period, period + Decay.afterSeed(1 - 2.0 / (period + 1), 1));
    }

    /** An EMA of any input, with the unstable period its caller worked out. */
    Ema ema(Node input, int period, int unstableBars) {
        return get(List.of("ema", input, period), Ema.class, () -> Ema.exponential(input, period, unstableBars));
    }

    /** Wilder's average of an input that is stable from its second bar. */
    Ema mma(Node input, int period) {
        return mma(input, period, period + Decay.afterSeed(1 - 1.0 / period, 1));
    }

    /** Wilder's average of any input, with the unstable period its caller worked out. */
    Ema mma(Node input, int period, int unstableBars) {
        return get(List.of("mma", input, period), Ema.class, () -> Ema.wilder(input, period, unstableBars));
    }

    Wma wma(Node input, int period) {
        return get(List.of("wma", input, period), Wma.class, () -> new Wma(input, period));
    }

    Extreme extreme(Node input, int period, boolean highest) {
        String name = (highest ? "highest(" : "lowest(") + input + ", " + period + ")";
        return get(List.of(highest ? "highest" : "lowest", input, period), Extreme.class,
                () -> new Extreme(name, input, period, highest));
    }

    StdDev stdDev(Node input, int period) {
        return get(List.of("stddev", input, period), StdDev.class, () -> new StdDev(input, period));
    }

    Change change(Node input, boolean gain) {
        return get(List.of(gain ? "gain" : "loss", input), Change.class, () -> new Change(input, gain));
    }

    TrueRange trueRange() {
        return get(List.of("tr"), TrueRange.class, TrueRange::new);
    }

    /** ATR(n) = Wilder's average of the true range. */
    Ema atr(int period) {
        return mma(trueRange(), period);
    }

    DirectionalMovement directionalMovement(boolean plus) {
        return get(List.of(plus ? "+dm" : "-dm"), DirectionalMovement.class, () -> new DirectionalMovement(plus));
    }
}
