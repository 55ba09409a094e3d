package dev.quorum.core.engine;

import java.time.Instant;
import java.util.List;
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
    private final java.util.concurrent.atomic.AtomicReference<BarStream> opened;
    private Bar peeked;
    private boolean ended;
    private long lastClose;
    private int lastSymbol = Integer.MAX_VALUE;
    private int grace;

    private SourceFeed(Registered<MarketDataSource> source, BarStream bars, BarQuery query, CandleStore store, PluginErrors errors,
                       RunStop stop, Instant after) {
        this.source = source;
        this.opened = new java.util.concurrent.atomic.AtomicReference<>(bars);
        this.query = query;
        this.store = store;
        this.errors = errors;
        this.stop = stop;
        this.lastClose = after == null ? Long.MIN_VALUE : after.getEpochSecond();
        this.reader = Thread.ofPlatform().daemon().name("quorum-source-" + source.info().id()).unstarted(() -> read(bars));
    }

    /**
     * Asks a source for its bars, on the caller's thread, so that a source refusing its settings (a
     * {@link dev.quorum.api.ParameterException} or an {@code IllegalArgumentException}) is refused before a run is stored.
     *
     * @param source  the source and its plugin
     * @param context the configured parameters and the host's clock
     * @param query   the bars the run needs
     * @return the source's stream, not yet read
     * @throws dev.quorum.core.config.ConfigException when the source refuses the settings
     * @throws IllegalStateException                  when it fails otherwise, or returns null
     */
    static BarStream open(Registered<MarketDataSource> source, SourceContext context, BarQuery query) {
        String where = "data.source '" + source.info().id() + "'";
        BarStream bars;
        try {
            bars = source.extension().bars(query, context);
        } catch (dev.quorum.api.ParameterException e) {
            throw new dev.quorum.core.config.ConfigException(where + ": " + e.getMessage(), List.of("data", "source", "params", e.parameter()), e);
        } catch (IllegalArgumentException e) {
            throw new dev.quorum.core.config.ConfigException(where + ": " + e.getMessage(), List.of("data", "source"), e);
        } catch (StackOverflowError e) {
            throw new IllegalStateException(where + " (plugin " + source.pluginId() + ") implements neither bars(BarQuery) nor"
                    + " bars(BarQuery, SourceContext)", e);
        } catch (Throwable e) {
            PluginCalls.rethrowIfFatal(e);
            throw new IllegalStateException(where + " (plugin " + source.pluginId() + ") failed to open: " + PluginCalls.describe(e), e);
        }
        if (bars == null) {
            throw new IllegalStateException(where + " (plugin " + source.pluginId() + ") returned no stream (null) from bars()");
        }
        return bars;
    }

    /**
     * Starts reading a source's stream.
     *
     * @param source the source and its plugin
     * @param bars   its stream, from {@link #open}
     * @param query  the bars the run needs
     * @param store  where the bars are kept
     * @param errors where the source's failures are counted against its plugin
     * @param stop   the run's stop: once it may cut the run ({@link RunStop#mayCut}), the feed stops waiting for the next bar
     * @param after  the close of the bar the engine had before this feed's first (a resumed run's stop); null for none
     * @return the feed, reading
     */
    static SourceFeed start(Registered<MarketDataSource> source, BarStream bars, BarQuery query, CandleStore store, PluginErrors errors,
                            RunStop stop, Instant after) {
        SourceFeed feed = new SourceFeed(source, bars, query, store, errors, stop, after);
        feed.reader.start();
        return feed;
    }

    private String label() {
        return "data source '" + source.info().id() + "' (plugin " + source.pluginId() + ")";
    }

    private void read(BarStream bars) {
        Bar previous = null;
        try {
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
                if (stop.mayCut(lastClose)) {
                    if (lastSymbol < query.symbols().size() - 1 && grace-- > 0) {
                        continue; // the other symbols' bars of the same time may still be coming: the run stops between two times
                    }
                    log.info("stopping while waiting for {}: the run stops at its last bar, closed at {}", label(), Instant.ofEpochSecond(lastClose));
                    stop.cut();
                    ended = true;
                    return false;
                }
                if (stop.requested()) {
                    ended = true;
                    throw new IllegalStateException(lastClose == Long.MIN_VALUE ? "stopped before " + label() + " gave its first bar"
                            : "stopped while waiting for " + label() + " before the run could stop (a resumed run still replaying up to"
                            + " where it stopped)");
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
        lastSymbol = query.symbols().indexOf(bar.symbol());
        grace = 5;
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
        BarStream bars = opened.getAndSet(null);
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
