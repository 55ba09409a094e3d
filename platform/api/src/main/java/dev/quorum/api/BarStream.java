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
}
