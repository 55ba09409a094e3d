package dev.quorum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.quorum.api.Bar;
import dev.quorum.api.BarStream;
import dev.quorum.api.Fill;
import dev.quorum.api.Strategy;
import dev.quorum.core.config.BotConfig;
import dev.quorum.core.config.DataConfig;
import dev.quorum.core.config.EngineConfig;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.engine.EngineResult;
import dev.quorum.core.engine.InMemoryBacktest;
import dev.quorum.core.engine.RunSink;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.plugin.Registered;
import dev.quorum.core.portfolio.ClosedTrade;

/**
 * Quorum's side: the real engine (bots → ensemble → risk chain → paper broker → portfolio) over bars
 * held in memory, with fills and trades collected in memory instead of the H2 journal, so that what
 * is timed is the engine, as ta4j's side times its engine.
 */
final class QuorumSide {

    private QuorumSide() {
    }

    /** Benchmark 1: the single EMA/RSI strategy, no stops of the engine's own, long only, no fees. */
    static List<TradeRow> single(List<Bar> bars) {
        QuorumConfig config = config(bars.get(0).symbol(), bars.get(0).openTime(),
                List.of(new BotConfig("ema-rsi", EmaRsiStrategy.ID, null)));
        Strategy strategy = new EmaRsiStrategy();
        Collector sink = new Collector(bars.get(0).openTime().getEpochSecond());
        InMemoryBacktest.run(config, List.of(new Registered<>("bench", strategy, strategy.info())), List.of(),
                BarStream.of(bars.iterator()), sink, (pluginId, what, error) -> {
                    throw new IllegalStateException("the benchmark strategy failed: " + what + ": " + error);
                });
        return sink.rows;
    }

    /**
     * Benchmark 2: the given bots of the bundled technical plugin voting through the ensemble on one
     * symbol, over bars generated as the engine reads them (the run holds only its windows).
     */
    static EngineResult ensemble(int barCount, List<BotVariant> variants, PluginHost host) {
        List<BotConfig> bots = variants.stream().map(v -> new BotConfig(v.name(), v.strategy(), v.params())).toList();
        java.util.Iterator<Bar> bars = RandomWalk.stream("BENCH", barCount);
        return InMemoryBacktest.run(config("BENCH", RandomWalk.START, bots), host.strategies(), host.riskModules(),
                BarStream.of(bars), new Collector(RandomWalk.START.getEpochSecond()), host);
    }

    /** Loads the bundled technical plugin from its zip, as the product does. */
    static PluginHost technicalPlugin(Path zip) throws IOException {
        Path dir = Files.createTempDirectory("quorum-bench-plugins");
        Files.copy(zip, dir.resolve(zip.getFileName()));
        return PluginHost.start(dir);
    }

    private static QuorumConfig config(String symbol, java.time.Instant start, List<BotConfig> bots) {
        String day = start.toString().substring(0, 10);
        DataConfig data = new DataConfig(List.of(symbol), "1m", day, day, "unused");
        EngineConfig engine = new EngineConfig(10_000.0, 0.6, false, 1_000_000, 200, 0.0, 0.0);
        return new QuorumConfig(data, engine, null, null, bots, List.of());
    }

    /** Collects trades as rows comparable with ta4j's (bar index of the entry and exit fills). */
    private static final class Collector implements RunSink {
        private final long startSecond;
        private final List<TradeRow> rows = new ArrayList<>();

        Collector(long startSecond) {
            this.startSecond = startSecond;
        }

        @Override
        public void onEntry(Fill fill) {
        }

        @Override
        public void onExit(Fill fill, ClosedTrade closed) {
            var t = closed.trade();
            if (t.exitReason() != dev.quorum.api.ExitReason.END_OF_DATA) {
                rows.add(new TradeRow(index(t.entryTime()), t.entryPrice(), index(t.exitTime()), t.exitPrice()));
            }
        }

        private int index(java.time.Instant time) {
            return (int) ((time.getEpochSecond() - startSecond) / 60);
        }
    }
}
