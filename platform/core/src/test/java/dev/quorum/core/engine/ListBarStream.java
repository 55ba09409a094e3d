package dev.quorum.core.engine;

import java.util.Iterator;
import java.util.List;

import dev.quorum.api.Bar;
import dev.quorum.api.BarStream;

/** A bar stream over a list, for engine tests on hand-built bars. */
final class ListBarStream implements BarStream {

    private final Iterator<Bar> bars;

    ListBarStream(List<Bar> bars) {
        this.bars = bars.iterator();
    }

    @Override
    public boolean hasNext() {
        return bars.hasNext();
    }

    @Override
    public Bar next() {
        return bars.next();
    }

    @Override
    public void close() {
    }
}
