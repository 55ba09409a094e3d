package dev.quorum.api;

/**
 * The recent closed bars of one symbol on one timeframe, newest first. Bounded: it keeps at most the
 * number of bars the host is configured to keep (see {@code engine.historyBars}), so a strategy
 * that needs a longer memory keeps its own state.
 *
 * @since 1.0
 */
public interface BarHistory {

    /**
     * How many bars are available, at most the configured bound.
     *
     * @return the count: {@code >= 1} for the base timeframe while a strategy is being called, possibly 0
     *         for a higher timeframe before its first bar has closed
     * @since 1.0
     */
    int size();

    /**
     * A bar by age: {@code 0} is the bar that just closed, {@code 1} the one before.
     *
     * @param barsAgo the age, in {@code [0, size())}
     * @return the bar
     * @throws IndexOutOfBoundsException outside that range
     * @since 1.0
     */
    Bar get(int barsAgo);

    /**
     * The close of a bar by age.
     *
     * @param barsAgo the age, in {@code [0, size())}
     * @return its close price
     * @since 1.0
     */
    default double close(int barsAgo) {
        return get(barsAgo).close();
    }
}
