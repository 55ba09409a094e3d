package dev.quorum.api;

import org.pf4j.ExtensionPoint;

/**
 * A source of bars: history for backtests, or a live feed for a paper session ({@code ./quorum run}). The operator
 * picks one with {@code data.source.use} (its {@link ComponentInfo#id() id}) and sets its declared parameters under
 * {@code data.source.params}; without that, the host reads the bars stored in its own database.
 *
 * <p>Implement one of the two {@code bars} methods: {@link #bars(BarQuery, SourceContext)} for a source with
 * parameters or one that needs the clock, {@link #bars(BarQuery)} for one without (each calls the other by default).
 * The host always calls the two-argument method, on one thread, and consumes the stream on another one of its own: a
 * live stream's {@code hasNext()} may block until the next bar has closed. The host checks every bar (its symbol and
 * timeframe are the query's, it is inside the query's range, time order), stores it in its candle store (a bar that
 * differs from one stored already stops the run: stored candles are never overwritten), and closes the stream when the
 * run ends or stops, possibly from another thread while {@code hasNext()} blocks; it then interrupts that thread.
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
     * @since 1.0 (a default method since 1.5: it calls {@link #bars(BarQuery, SourceContext)} with no parameters and
     *        the system clock)
     */
    default BarStream bars(BarQuery query) {
        return bars(query, new SourceContext(Parameters.none(), java.time.Clock.systemUTC()));
    }

    /**
     * Streams the bars a query asks for, in time order, with the configured parameters and the host's clock. A live
     * source delivers history up to now first, then each bar once it has closed (never the bar still forming), and
     * ends when the query's range has passed. Gaps are left as gaps.
     *
     * @param query   symbols, timeframe and time range
     * @param context the configured parameters and the host's clock
     * @return a stream the caller closes
     * @since 1.5
     */
    default BarStream bars(BarQuery query, SourceContext context) {
        return bars(query);
    }
}
