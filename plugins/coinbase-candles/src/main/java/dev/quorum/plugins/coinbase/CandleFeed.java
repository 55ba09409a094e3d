package dev.quorum.plugins.coinbase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.api.Bar;
import dev.quorum.api.BarQuery;
import dev.quorum.api.BarStream;
import dev.quorum.api.Timeframe;

/**
 * The bars of one query, window by window: a window ends at the query's end, 299 buckets after its start, or at the
 * last bar closed {@code settle} ago by the clock, whichever comes first. When the feed has caught up with the clock it
 * waits (checking every {@code poll}) until the next bar has closed and settled, then asks for it. A bucket that is
 * absent once settled (no trades) stays absent: nothing is invented, and nothing is asked for twice.
 */
final class CandleFeed implements BarStream {

    private static final Logger LOG = LoggerFactory.getLogger(CandleFeed.class);
    /** Coinbase Exchange's granularities. */
    static final Set<Timeframe> SERVED = Set.of(Timeframe.parse("1m"), Timeframe.parse("5m"), Timeframe.parse("15m"),
            Timeframe.parse("1h"), Timeframe.parse("6h"), Timeframe.parse("1d"));
    /** Buckets per request: the API rejects more than 300, counting both ends. */
    static final int WINDOW = 299;

    private final BarQuery query;
    private final Clock clock;
    private final CandlesClient client;
    private final Duration settle;
    private final Duration poll;
    private final Deque<Bar> ready = new ArrayDeque<>();
    private final Map<String, Integer> order = new java.util.HashMap<>();
    private Instant cursor;
    private boolean live;

    CandleFeed(BarQuery query, Clock clock, CandlesClient client, Duration settle, Duration poll) {
        this.query = query;
        this.clock = clock;
        this.client = client;
        this.settle = settle;
        this.poll = poll;
        long step = query.timeframe().duration().toSeconds();
        this.cursor = Instant.ofEpochSecond(Math.ceilDiv(query.from().getEpochSecond(), step) * step);
        for (int i = 0; i < query.symbols().size(); i++) {
            order.put(query.symbols().get(i), i);
        }
    }

    @Override
    public boolean hasNext() {
        try {
            while (ready.isEmpty() && cursor.isBefore(query.to())) {
                Instant settled = closedBy(clock.instant().minus(settle));
                if (!cursor.isBefore(settled)) {
                    if (!live) {
                        live = true;
                        LOG.info("{} {}: caught up with the clock at {}; now each bar {} s after it closes", query.symbols(),
                                query.timeframe(), cursor, settle.toSeconds());
                    }
                    waitUntil(cursor.plus(query.timeframe().duration()).plus(settle));
                    continue;
                }
                Instant end = min(query.to(), settled, cursor.plus(query.timeframe().duration().multipliedBy(WINDOW)));
                List<Bar> window = new ArrayList<>();
                for (String symbol : query.symbols()) {
                    window.addAll(client.candles(symbol, query.timeframe(), cursor, end));
                }
                window.sort(Comparator.comparing(Bar::openTime).thenComparing(b -> order.get(b.symbol())));
                ready.addAll(window);
                cursor = end;
            }
            return !ready.isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading candles from Coinbase", e);
        }
    }

    @Override
    public Bar next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more bars in " + query);
        }
        return ready.removeFirst();
    }

    /** The open time of the first bar not closed by {@code time}: every bar opening before it has closed. */
    private Instant closedBy(Instant time) {
        long step = query.timeframe().duration().toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(time.getEpochSecond(), step) * step);
    }

    private void waitUntil(Instant due) throws InterruptedException {
        Duration left = Duration.between(clock.instant(), due);
        if (left.isPositive()) {
            Thread.sleep(Math.max(1, Math.min(left.toMillis(), poll.toMillis())));
        }
    }

    private static Instant min(Instant a, Instant b, Instant c) {
        Instant m = a.isBefore(b) ? a : b;
        return m.isBefore(c) ? m : c;
    }

    /** Drops what is buffered and shuts the HTTP client down, aborting a request in flight. */
    @Override
    public void close() {
        ready.clear();
        client.close();
    }
}
