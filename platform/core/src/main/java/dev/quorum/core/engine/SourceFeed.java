package dev.quorum.core.engine;

import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.api.Bar;
import dev.quorum.api.BarQuery;
import dev.quorum.api.BarStream;
import dev.quorum.api.MarketDataSource;
import dev.quorum.api.SourceContext;
import dev.quorum.core.data.CandleStore;
import dev.quorum.core.plugin.PluginCalls;
import dev.quorum.core.plugin.PluginErrors;
import dev.quorum.core.plugin.Registered;

/**
 * The bars of a {@link MarketDataSource} plugin, as the engine reads them. A reader thread of its own drives the
 * plugin's stream (whose {@code hasNext()} may block until a live bar closes) into a bounded queue; the engine thread
 * takes them from there, so that a stop asked for while the source waits ends the run at once (the stream ends;
 * {@link RunStop#cutsShort} makes that a stop) instead of after the next bar. Every bar is checked (the query's symbols
 * and timeframe, inside its range, aligned to the timeframe, in the {@link BarStream} order) and kept in the candle
 * store as the engine takes it ({@link CandleStore#keep}). A source that throws or breaks the contract ends the run
 * with an error naming the source, its plugin and the bar; the plugin is counted DEGRADED.
 */
final class SourceFeed implements BarStream {

    private static final Logger log = LoggerFactory.getLogger(SourceFeed.class);
    /** Bars read ahead of the engine at most. */
    static final int READ_AHEAD = 4_096;
    private static final Object END = new Object();

    private final Registered<MarketDataSource> source;
    private final BarQuery query;
    private final CandleStore store;
    private final PluginErrors errors;
    private final RunStop stop;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(READ_AHEAD);
    private final Thread reader;
    private volatile boolean closed;
    private volatile BarStream opened;
    private Bar peeked;
    private boolean ended;
    private long lastClose = Long.MIN_VALUE;

    private SourceFeed(Registered<MarketDataSource> source, SourceContext context, BarQuery query, CandleStore store, PluginErrors errors,
                       RunStop stop) {
        this.source = source;
        this.query = query;
        this.store = store;
        this.errors = errors;
        this.stop = stop;
        this.reader = Thread.ofPlatform().daemon().name("quorum-source-" + source.info().id()).unstarted(() -> read(context));
    }

    /**
     * Starts reading a source.
     *
     * @param source  the source and its plugin
     * @param context the configured parameters and the host's clock
     * @param query   the bars the run needs
     * @param store   where the bars are kept
     * @param errors  where the source's failures are counted against its plugin
     * @param stop    the run's stop: while it is asked for, the feed stops waiting for the next bar
     * @return the feed, reading
     */
    static SourceFeed start(Registered<MarketDataSource> source, SourceContext context, BarQuery query, CandleStore store,
                            PluginErrors errors, RunStop stop) {
        SourceFeed feed = new SourceFeed(source, context, query, store, errors, stop);
        feed.reader.start();
        return feed;
    }

    private String label() {
        return "data source '" + source.info().id() + "' (plugin " + source.pluginId() + ")";
    }

    private void read(SourceContext context) {
        Bar previous = null;
        try {
            BarStream bars = source.extension().bars(query, context);
            if (bars == null) {
                throw new IllegalStateException("bars() returned null");
            }
            opened = bars;
            while (!closed && bars.hasNext()) {
                Bar bar = bars.next();
                check(bar, previous);
                previous = bar;
                queue.put(bar);
            }
            put(END);
        } catch (InterruptedException e) {
            // closed while waiting for room in the queue
        } catch (Throwable e) {
            if (closed) {
                log.debug("{} after it was closed: {}", label(), e.toString());
            } else {
                String message = e instanceof ContractBroken ? e.getMessage() : PluginCalls.describe(e);
                errors.record(source.pluginId(), "data source '" + source.info().id() + "'", message);
                put(new Failure(message, e));
            }
            PluginCalls.rethrowIfFatal(e);
        } finally {
            closeOpened();
        }
    }

    private void put(Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void check(Bar bar, Bar previous) {
        if (bar == null) {
            throw new ContractBroken("gave a null bar");
        }
        String what = bar.symbol() + " " + bar.timeframe() + " " + bar.openTime();
        int index = query.symbols().indexOf(bar.symbol());
        if (index < 0) {
            throw new ContractBroken("gave a bar of a symbol the run did not ask for: " + what + " (asked for " + query.symbols() + ")");
        }
        if (!bar.timeframe().equals(query.timeframe())) {
            throw new ContractBroken("gave a bar of another timeframe: " + what + " (asked for " + query.timeframe() + ")");
        }
        if (bar.openTime().isBefore(query.from()) || !bar.openTime().isBefore(query.to())) {
            throw new ContractBroken("gave a bar outside the asked range: " + what + " (asked for [" + query.from() + ", " + query.to() + "))");
        }
        long step = query.timeframe().duration().toMillis();
        if (bar.openTime().toEpochMilli() % step != 0) {
            throw new ContractBroken("gave a bar whose open time is not on the " + query.timeframe() + " grid: " + what);
        }
        if (previous != null) {
            int order = bar.openTime().compareTo(previous.openTime());
            if (order < 0 || order == 0 && index <= query.symbols().indexOf(previous.symbol())) {
                throw new ContractBroken("gave bars out of order: " + what + " after " + previous.symbol() + " " + previous.timeframe() + " " + previous.openTime()
                        + " (bars come by open time, then by symbol in the order " + query.symbols() + ", each once)");
            }
        }
    }

    @Override
    public boolean hasNext() {
        if (peeked != null) {
            return true;
        }
        if (ended) {
            return false;
        }
        while (true) {
            Object item;
            try {
                item = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + label(), e);
            }
            if (item == null) {
                if (stop.requested()) {
                    log.info("stop asked for while waiting for {}: ending at the last bar, {}", label(),
                            lastClose == Long.MIN_VALUE ? "none yet" : Instant.ofEpochSecond(lastClose));
                    ended = true;
                    return false;
                }
                continue;
            }
            if (item == END) {
                ended = true;
                return false;
            }
            if (item instanceof Failure f) {
                ended = true;
                throw new IllegalStateException(label() + " failed: " + f.message(), f.cause());
            }
            peeked = (Bar) item;
            return true;
        }
    }

    @Override
    public Bar next() {
        if (!hasNext()) {
            throw new java.util.NoSuchElementException(label() + " has no more bars");
        }
        Bar bar = peeked;
        peeked = null;
        store.keep(bar, source.info().id());
        lastClose = bar.closeTime().getEpochSecond();
        return bar;
    }

    /** Stops the reader (interrupting a source that waits) and closes the source's stream. */
    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reader.isAlive()) {
            log.warn("{} did not stop within 5 s of being interrupted; closing its stream from here", label());
            closeOpened();
        }
    }

    private void closeOpened() {
        BarStream bars = opened;
        opened = null;
        if (bars != null) {
            try {
                bars.close();
            } catch (Throwable e) {
                PluginCalls.rethrowIfFatal(e);
                log.warn("{}: closing its stream failed: {}", label(), e.toString());
            }
        }
    }

    private record Failure(String message, Throwable cause) {
    }

    /** A bar that breaks the {@link BarStream} contract. */
    private static final class ContractBroken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ContractBroken(String message) {
            super(message);
        }
    }
}
