package dev.quorum.core.engine;

import dev.quorum.api.Bar;
import dev.quorum.api.BarHistory;

/** The last {@code capacity} bars of one symbol in a ring buffer, newest first; O(1) per bar. */
final class BarWindow implements BarHistory {

    private final Bar[] ring;
    private int newest = -1;
    private int size;

    BarWindow(int capacity) {
        this.ring = new Bar[capacity];
    }

    void add(Bar bar) {
        int next = newest + 1;
        newest = next == ring.length ? 0 : next; // no division: this runs on every bar
        ring[newest] = bar;
        if (size < ring.length) {
            size++;
        }
    }

    /** @return the newest bar; the engine's per-bar read, kept small enough for the JIT to inline */
    Bar latest() {
        return size == 0 ? get(0) : ring[newest];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Bar get(int barsAgo) {
        if (barsAgo < 0 || barsAgo >= size) {
            throw new IndexOutOfBoundsException("barsAgo " + barsAgo + " is outside [0, " + size + ")");
        }
        int i = newest - barsAgo;
        return ring[i < 0 ? i + ring.length : i];
    }
}
