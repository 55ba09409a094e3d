package dev.quorum.indicator;

import dev.quorum.api.Bar;
import dev.quorum.api.Indicator;

/**
 * One computation of the library, and the live {@link Indicator} handle of it: keeps the latest
 * value, the one before it and the number of bars seen. Nodes read the bar and the values of
 * nodes created before them (their inputs), which {@link NodeGraph} has already updated for the
 * same bar.
 *
 * <p>Subclasses compute in O(1) (amortised for the sliding extremes) from fixed-size state
 * allocated at construction, so {@link #update(Bar)} allocates nothing.
 */
abstract class Node implements Indicator {

    private final String name;
    private double value = Double.NaN;
    private double previous = Double.NaN;
    private long bars;

    Node(String name) {
        this.name = name;
    }

    /** Feeds the next bar: computes the new value, shifts the old one to {@link #previous()}. */
    final void update(Bar bar) {
        double next = compute(bar);
        previous = value;
        value = next;
        bars++;
    }

    /**
     * The value on {@code bar}, whose index in this node's own series is {@link #bars()} (0 for the
     * first bar it sees). {@link #value()} still holds the value on the bar before.
     *
     * @param bar the closed bar
     * @return the new value, NaN if there is none
     */
    abstract double compute(Bar bar);

    /**
     * How many values this node keeps: its window, or 0 for the recursive ones. Fixed at
     * construction; the tests use it to check that state does not grow with history.
     *
     * @return the capacity of its buffers
     */
    int retainedValues() {
        return 0;
    }

    @Override
    public final double value() {
        return value;
    }

    @Override
    public final double previous() {
        return previous;
    }

    @Override
    public final long bars() {
        return bars;
    }

    @Override
    public String toString() {
        return name;
    }
}
