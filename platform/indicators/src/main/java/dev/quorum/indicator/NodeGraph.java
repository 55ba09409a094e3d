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
    // the same nodes as arrays, with each node's concrete class as a small number: update() switches on it
    // and calls the node through its final class, so the JIT inlines every compute() instead of making a
    // megamorphic virtual call per node per bar (measured: about half the library's time per bar)
    private Node[] nodes = new Node[0];
    private byte[] kinds = new byte[0];

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
            nodes = order.toArray(new Node[0]);
            kinds = java.util.Arrays.copyOf(kinds, nodes.length);
            kinds[nodes.length - 1] = kindOf(node);
        }
        return created;
    }

    /** Feeds the bar to every node, inputs first. */
    void update(Bar bar) {
        Node[] nodes = this.nodes;
        byte[] kinds = this.kinds;
        for (int i = 0; i < nodes.length; i++) {
            Node node = nodes[i];
            switch (kinds[i]) {
                case 0 -> ((Price) node).update(bar);
                case 1 -> ((Ema) node).update(bar);
                case 2 -> ((Change) node).update(bar);
                case 3 -> ((Rsi) node).update(bar);
                case 4 -> ((Sma) node).update(bar);
                case 5 -> ((StdDev) node).update(bar);
                case 6 -> ((Wma) node).update(bar);
                case 7 -> ((Extreme) node).update(bar);
                case 8 -> ((TrueRange) node).update(bar);
                case 9 -> ((DirectionalMovement) node).update(bar);
                case 10 -> ((Dx) node).update(bar);
                case 11 -> ((DirectionalIndex) node).update(bar);
                case 12 -> ((Difference) node).update(bar);
                case 13 -> ((BandLine) node).update(bar);
                case 14 -> ((Midpoint) node).update(bar);
                case 15 -> ((Obv) node).update(bar);
                case 16 -> ((StochasticK) node).update(bar);
                case 17 -> ((Vwap) node).update(bar);
                case 18 -> ((ZScore) node).update(bar);
                default -> node.update(bar);
            }
        }
    }

    /** The number {@link #update} switches on; a class not listed takes the virtual call. */
    static byte kindOf(Node node) {
        if (node instanceof Price) {
            return 0;
        }
        if (node instanceof Ema) {
            return 1;
        }
        if (node instanceof Change) {
            return 2;
        }
        if (node instanceof Rsi) {
            return 3;
        }
        if (node instanceof Sma) {
            return 4;
        }
        if (node instanceof StdDev) {
            return 5;
        }
        if (node instanceof Wma) {
            return 6;
        }
        if (node instanceof Extreme) {
            return 7;
        }
        if (node instanceof TrueRange) {
            return 8;
        }
        if (node instanceof DirectionalMovement) {
            return 9;
        }
        if (node instanceof Dx) {
            return 10;
        }
        if (node instanceof DirectionalIndex) {
            return 11;
        }
        if (node instanceof Difference) {
            return 12;
        }
        if (node instanceof BandLine) {
            return 13;
        }
        if (node instanceof Midpoint) {
            return 14;
        }
        if (node instanceof Obv) {
            return 15;
        }
        if (node instanceof StochasticK) {
            return 16;
        }
        if (node instanceof Vwap) {
            return 17;
        }
        if (node instanceof ZScore) {
            return 18;
        }
        return -1;
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
