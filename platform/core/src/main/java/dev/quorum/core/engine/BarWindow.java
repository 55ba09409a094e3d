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
        newest = (newest + 1) % ring.length;
        ring[newest] = bar;
        size = Math.min(size + 1, ring.length);
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
        return ring[Math.floorMod(newest - barsAgo, ring.length)];
    }
}
