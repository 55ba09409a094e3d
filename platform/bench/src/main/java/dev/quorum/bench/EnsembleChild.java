package dev.quorum.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import dev.quorum.core.engine.EngineResult;
import dev.quorum.core.plugin.PluginHost;

/**
 * Benchmark 2 in its own JVM, started by {@link BenchMain} with a fixed maximum heap: the run either
 * fits or dies with OutOfMemoryError, and the peak heap it reports is its own, not ta4j's series'.
 * Prints one line: {@code ensemble bars=… bots=… seconds=… heap_mib=… trades=…}.
 */
public final class EnsembleChild {

    private EnsembleChild() {
    }

    /**
     * @param args bars, bots, warm-up runs, measured runs, the technical plugin zip
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int barCount = Integer.parseInt(args[0]);
        int botCount = Integer.parseInt(args[1]);
        int warmups = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        Path zip = Path.of(args[4]);
        List<BotVariant> variants = BotVariant.first(botCount);
        try (PluginHost host = QuorumSide.technicalPlugin(zip)) {
            // warm-up on a shorter slice, so the measured runs are compiled code, then reset the heap peaks
            Measure.of("warm-up", warmups, 0, () -> QuorumSide.ensemble(Math.min(barCount, 100_000), variants, host));
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            Measure<EngineResult> m = Measure.of("ensemble", 0, runs, () -> QuorumSide.ensemble(barCount, variants, host));
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf(Locale.ROOT, "ensemble bars=%d bots=%d seconds=%.4f heap_mib=%.1f trades=%d max_heap_mib=%d%n",
                    barCount, botCount, m.median(), peak / 1048576.0, m.result().trades(),
                    Runtime.getRuntime().maxMemory() / 1048576);
        }
    }
}
