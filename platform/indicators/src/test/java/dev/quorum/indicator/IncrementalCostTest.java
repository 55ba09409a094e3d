package dev.quorum.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.api.Bar;
import dev.quorum.api.Timeframe;

/**
 * {@code update} costs the same on the millionth bar as on the first: state is window-sized and
 * fixed at creation (a {@code highest(50)} never holds more than 50 entries), the time per bar
 * does not grow with history, and a bar allocates nothing.
 */
class IncrementalCostTest {

    private static final Logger LOG = LoggerFactory.getLogger(IncrementalCostTest.class);
    private static final int CHUNK = 100_000;
    private static final int CHUNKS = 10;

    /** A library with every indicator, some twice. */
    private static IndicatorLibrary everything() {
        IndicatorLibrary lib = new IndicatorLibrary(Timeframe.M1);
        lib.sma(20);
        lib.sma(200);
        lib.ema(12);
        lib.ema(200);
        lib.wma(30);
        lib.rsi(14);
        lib.macd(12, 26, 9);
        lib.bollinger(20, 2);
        lib.atr(14);
        lib.adx(14);
        lib.stochastic(14, 3);
        lib.vwap(20);
        lib.obv();
        lib.donchian(20);
        lib.keltner(20, 10, 2);
        lib.stdDev(50);
        lib.zScore(50);
        lib.highest(50);
        lib.lowest(50);
        return lib;
    }

    private static long retained(IndicatorLibrary lib) {
        return lib.nodes().stream().mapToLong(Node::retainedValues).sum();
    }

    @Test
    void aMillionBarsNeedNoMoreStateOrTimePerBarThanTheFirst() {
        IndicatorLibrary lib = everything();
        Extreme highest = (Extreme) lib.highest(50);
        int nodes = lib.nodes().size();
        long state = retained(lib);
        assertEquals(50, highest.retainedValues());
        Bars source = new Bars(42);
        long[] nanos = new long[CHUNKS];
        for (int c = 0; c < CHUNKS; c++) {
            Bar[] chunk = source.next(CHUNK);
            long start = System.nanoTime();
            for (Bar bar : chunk) {
                lib.update(bar);
            }
            nanos[c] = System.nanoTime() - start;
            assertTrue(highest.entries() <= 50, "highest(50) holds " + highest.entries());
        }
        for (int i = 0; i < 1000; i++) {
            lib.update(source.next());
            assertTrue(highest.entries() <= 50, "highest(50) holds " + highest.entries());
        }
        assertEquals(nodes, lib.nodes().size());
        assertEquals(state, retained(lib), "buffers are allocated once, window-sized");
        assertEquals(CHUNKS * CHUNK + 1000, highest.bars());
        for (Node node : lib.nodes()) {
            assertTrue(Double.isFinite(node.value()) || node instanceof StochasticK || node instanceof Sma
                    || node instanceof ZScore || node instanceof Vwap, node + " is " + node.value());
        }
        // The fastest of three chunks on each side: the machine is shared, a slow chunk is noise.
        long early = Math.min(nanos[1], Math.min(nanos[2], nanos[3]));
        long late = Math.min(nanos[CHUNKS - 3], Math.min(nanos[CHUNKS - 2], nanos[CHUNKS - 1]));
        List<Long> perBar = new ArrayList<>();
        for (long n : nanos) {
            perBar.add(n / CHUNK);
        }
        LOG.info("{} nodes, ns per bar by chunk of {} bars: {}", nodes, CHUNK, perBar);
        assertTrue(late < 3 * early, "bars 700k-1M took " + late / CHUNK + " ns/bar, bars 100k-400k " + early / CHUNK);
    }

    @Test
    void everyKindOfNodeIsUpdatedThroughItsOwnClass() {
        // a node class missing from NodeGraph's switch still works, through a slower virtual call;
        // this keeps the list complete when an indicator is added
        for (Node node : everything().nodes()) {
            assertTrue(NodeGraph.kindOf(node) >= 0, node.getClass().getSimpleName() + " (" + node + ") is not in NodeGraph.kindOf");
        }
    }

    @Test
    void aBarAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        IndicatorLibrary lib = everything();
        Bars source = new Bars(7);
        for (Bar bar : source.next(50_000)) {
            lib.update(bar);
        }
        Bar[] bars = source.next(CHUNK);
        long before = threads.getCurrentThreadAllocatedBytes();
        for (Bar bar : bars) {
            lib.update(bar);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        LOG.info("{} bytes allocated over {} bars", allocated, CHUNK);
        assertTrue(allocated < CHUNK / 10, allocated + " bytes allocated over " + CHUNK + " bars");
    }
}
