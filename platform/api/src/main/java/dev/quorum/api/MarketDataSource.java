package dev.quorum.api;

import org.pf4j.ExtensionPoint;

/**
 * A source of bars: history for backtests, and (later) a live feed.
 *
 * @since 1.0
 */
public interface MarketDataSource extends ExtensionPoint {

    /**
     * The source's id, name and description.
     *
     * @return the info
     * @since 1.0
     */
    ComponentInfo info();

    /**
     * Streams the bars a query asks for, in time order. Gaps (intervals without trades) are left
     * as gaps: a source never invents bars.
     *
     * @param query symbols, timeframe and time range
     * @return a stream the caller closes
     * @since 1.0
     */
    BarStream bars(BarQuery query);
}
