package dev.quorum.api;

import java.util.Iterator;

/**
 * Bars delivered in time order (by open time, then by symbol in query order), read lazily so a
 * long history never has to sit in memory. Close it to release the source's resources.
 *
 * @since 1.0
 */
public interface BarStream extends Iterator<Bar>, AutoCloseable {

    /**
     * Releases the resources behind the stream; no exception is thrown.
     *
     * @since 1.0
     */
    @Override
    void close();

    /**
     * A stream over bars already at hand (in memory, or generated one at a time), with nothing to
     * release: for data sources that do not hold a resource, and for tests.
     *
     * @param bars the bars, in time order
     * @return a stream whose {@code close()} does nothing
     * @since 1.0
     */
    static BarStream of(Iterator<Bar> bars) {
        java.util.Objects.requireNonNull(bars, "bars");
        return new BarStream() {
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
        };
    }
}
