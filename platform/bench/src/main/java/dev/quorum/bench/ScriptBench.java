package dev.quorum.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.quorum.api.Bar;
import dev.quorum.api.BarStream;
import dev.quorum.api.ComponentInfo;
import dev.quorum.api.Fill;
import dev.quorum.api.Indicator;
import dev.quorum.api.Signal;
import dev.quorum.api.Strategy;
import dev.quorum.api.StrategyContext;
import dev.quorum.api.StrategyInstance;
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
import dev.quorum.scripting.ScriptDefinition;
import dev.quorum.scripting.ScriptLimits;
import dev.quorum.scripting.ScriptRuntime;
import dev.quorum.scripting.ScriptStrategy;

/**
 * {@code ./quorum bench --scripts}: the JavaScript port of {@code ema-crossover}
 * (scripts/examples/ema_crossover.js) against its Java original (the bundled technical plugin, loaded
 * with PF4J), each alone through the same engine on the same seeded random-walk bars, in one JVM after
 * warm-up: trade lists compared, ns per bar for each and the ratio. Then 87 script bots (the four
 * example scripts with parameter variants) voting through the ensemble, and the cold start (a fresh JVM,
 * from its start to the first signal). Ends with machine-readable lines.
 */
final class ScriptBench {

    private static final Map<String, Object> PARAMS = Map.of("fast", 12, "slow", 26, "fullConfidenceSpread", 0.001);

    private ScriptBench() {
    }

    static void run(boolean quick, Path technicalZip, Path examples) throws Exception {
        int bars = quick ? 250_000 : 1_000_000;
        int runs = quick ? 3 : 5;
        out("Quorum script benchmark%s: %,d one-minute bars of a seeded random walk (seed %d)", quick ? " (quick)" : "", bars, RandomWalk.SEED);
        out("JDK %s (%s), %d cores, max heap %,d MiB", Runtime.version(), System.getProperty("java.vm.vendor"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1048576);
        List<Bar> data = RandomWalk.bars("BENCH", bars);
        try (PluginHost host = QuorumSide.technicalPlugin(technicalZip); ScriptRuntime runtime = ScriptRuntime.start(ScriptLimits.DEFAULT)) {
            out("JavaScript runtime: %s", runtime.runtimeName());
            Strategy java = host.strategies().stream().filter(r -> r.info().id().equals("ema-crossover")).findFirst().orElseThrow().extension();
            ScriptStrategy js = new ScriptStrategy(runtime, ScriptDefinition.load(runtime, examples.resolve("ema_crossover.js"),
                    "scripts/examples/ema_crossover.js"));

            // warm-up: at least 8M bars each (the JS side's compiled code settles after several million calls)
            int warmups = Math.max(3, 8_000_000 / bars);
            out("%n1. EMA crossover 12/26 alone, Java (bundled plugin) vs JavaScript port (%d warm-ups, %d runs, median)", warmups, runs);
            List<Double> firstRuns = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < warmups; i++) {
                long s = System.nanoTime();
                single(data, js, "ema-crossover-js");
                firstRuns.add((System.nanoTime() - s) / 1e9);
            }
            double jsWarmup = (System.nanoTime() - t0) / 1e9;
            Measure<List<String>> jsRun = Measure.of("js", 0, runs, () -> single(data, js, "ema-crossover-js"));
            Measure<List<String>> javaRun = Measure.of("java", warmups, runs, () -> single(data, java, "ema-crossover"));
            Measure<List<String>> baseline = Measure.of("baseline", warmups, runs, () -> single(data, new Baseline(), "baseline", null));
            boolean identical = javaRun.result().equals(jsRun.result());
            double javaNs = javaRun.median() * 1e9 / bars;
            double jsNs = jsRun.median() * 1e9 / bars;
            double baseNs = baseline.median() * 1e9 / bars;
            double ratio = jsNs / javaNs;
            out("   Java        %s, %.1f ns/bar", javaRun.summary(), javaNs);
            out("   JavaScript  %s, %.1f ns/bar", jsRun.summary(), jsNs);
            out("   trades: Java %d, JavaScript %d, identical: %s", javaRun.result().size(), jsRun.result().size(), identical);
            out("   JavaScript / Java per bar (the whole run: engine, indicators, strategy, trades): %.2f×", ratio);
            out("   the engine with the same two EMAs and a Java bot that always votes FLAT: %.1f ns/bar; above it, Java %.1f ns/bar,"
                    + " JavaScript %.1f ns/bar (the strategy, its trades, and for JavaScript the call into the script)", baseNs, javaNs - baseNs, jsNs - baseNs);
            out("   warm-up of the JavaScript side: %.1f s for %d runs; run times %s", jsWarmup, warmups, seconds(firstRuns));

            out("%n2. 87 script bots (the four examples with parameter variants) voting through the ensemble on one symbol");
            int ensembleBars = quick ? 50_000 : 250_000;
            List<ScriptStrategy> scripts = new ArrayList<>();
            for (String f : List.of("ema_crossover.js", "volatility_breakout.js", "streak_counter.js", "mtf_confluence.js")) {
                scripts.add(new ScriptStrategy(runtime, ScriptDefinition.load(runtime, examples.resolve(f), "scripts/examples/" + f)));
            }
            List<BotConfig> bots = scriptVariants(87);
            long w0 = System.nanoTime();
            EngineResult warm = ensemble(ensembleBars, scripts, bots);
            double firstEnsemble = (System.nanoTime() - w0) / 1e9;
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            Measure<EngineResult> ens = Measure.of("ensemble", quick ? 0 : 1, quick ? 1 : 3, () -> ensemble(ensembleBars, scripts, bots));
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            out("   %,d bars × 87 bots: first run (contexts created, code cold) %.2f s; then %s, %,.0f bot-bars/s, %.0f ns per bot-bar;"
                    + " peak heap %.1f MiB; %d trades", ensembleBars, firstEnsemble, ens.summary(), 87.0 * ensembleBars / ens.median(),
                    ens.median() * 1e9 / (87.0 * ensembleBars), peak / 1048576.0, ens.result().trades());
            scripts.forEach(ScriptStrategy::close);
            js.close();
            if (warm.bars() != ensembleBars) {
                throw new IllegalStateException("the ensemble run read " + warm.bars() + " bars");
            }

            out("%n3. Cold start: a fresh JVM with the same flags, from its start to the first signal of the JavaScript port");
            String cold = ColdStartChild.spawn(examples.resolve("ema_crossover.js"));
            out("   %s", cold);

            System.out.println();
            System.out.printf(Locale.ROOT, "bars=%d%n", bars);
            System.out.printf(Locale.ROOT, "ratio.js_vs_java=%.2f%n", ratio);
            System.out.printf(Locale.ROOT, "trades.identical=%s%n", identical);
            System.out.printf(Locale.ROOT, "runtime=%s%n", runtime.runtimeName());
            System.out.printf(Locale.ROOT, "js.ns_per_bar=%.1f%n", jsNs);
            System.out.printf(Locale.ROOT, "java.ns_per_bar=%.1f%n", javaNs);
            System.out.printf(Locale.ROOT, "scripts87.ns_per_bot_bar=%.1f%n", ens.median() * 1e9 / (87.0 * ensembleBars));
            if (!identical) {
                System.exit(3);
            }
        }
    }

    /** One strategy alone on the bars (engine stops off, long and short), its trades as rows. */
    private static List<String> single(List<Bar> data, Strategy strategy, String id) {
        return single(data, strategy, id, PARAMS);
    }

    private static List<String> single(List<Bar> data, Strategy strategy, String id, Map<String, Object> params) {
        List<String> trades = new ArrayList<>();
        String day = data.get(0).openTime().toString().substring(0, 10);
        QuorumConfig config = new QuorumConfig(new DataConfig(List.of("BENCH"), "1m", day, day, "unused"),
                new EngineConfig(10_000.0, 0.6, true, 1_000_000, 200, 0.0, 0.0), null, null,
                List.of(new BotConfig("bot", id, params)), List.of());
        InMemoryBacktest.run(config, List.of(new Registered<>("bench", strategy, strategy.info())), List.of(),
                BarStream.of(data.iterator()), new RunSink() {
                    @Override
                    public void onEntry(Fill fill) {
                    }

                    @Override
                    public void onExit(Fill fill, ClosedTrade closed) {
                        var t = closed.trade();
                        trades.add(t.direction() + " " + t.entryTime() + " " + t.entryPrice() + " " + t.exitTime() + " " + t.exitPrice());
                    }
                }, (p, w, e) -> {
                    throw new IllegalStateException(w + ": " + e);
                });
        return trades;
    }

    private static EngineResult ensemble(int bars, List<ScriptStrategy> scripts, List<BotConfig> bots) {
        Iterator<Bar> walk = RandomWalk.stream("BENCH", bars);
        QuorumConfig config = new QuorumConfig(new DataConfig(List.of("BENCH"), "1m", "2020-01-01", "2020-01-01", "unused"),
                new EngineConfig(10_000.0, 0.6, false, 1_000_000, 200, 0.0, 0.0), null, null, bots, List.of());
        List<Registered<Strategy>> registered = scripts.stream().map(s -> new Registered<Strategy>("bench", s, s.info())).toList();
        return InMemoryBacktest.run(config, registered, List.of(), BarStream.of(walk), RunSink.discarding(), (p, w, e) -> {
            throw new IllegalStateException(w + ": " + e);
        });
    }

    /** 87 bots over the four example scripts, parameters varied within their ranges. */
    static List<BotConfig> scriptVariants(int n) {
        List<BotConfig> bots = new ArrayList<>();
        for (int i = 0; bots.size() < n; i++) {
            int k = i / 4;
            switch (i % 4) {
                case 0 -> bots.add(new BotConfig("ema-" + k, "ema-crossover-js", Map.of("fast", 5 + k % 10, "slow", 20 + 2 * k,
                        "fullConfidenceSpread", 0.001)));
                case 1 -> bots.add(new BotConfig("breakout-" + k, "volatility-breakout", Map.of("atr", 10 + k, "k", 1.0 + 0.1 * k)));
                case 2 -> bots.add(new BotConfig("streak-" + k, "streak-reversal", Map.of("minStreak", 3 + k % 8, "fullStreak", 12 + k)));
                default -> bots.add(new BotConfig("mtf-" + k, "mtf-confluence", Map.of("fast", 5 + k % 10, "slow", 20 + 2 * k)));
            }
        }
        return bots;
    }

    /** The engine's cost with the same indicators, for the per-strategy increment: reads EMA 12 and 26, votes FLAT. */
    private static final class Baseline implements Strategy {
        @Override
        public ComponentInfo info() {
            return ComponentInfo.of("baseline", "baseline", "reads EMA 12 and 26, votes FLAT");
        }

        @Override
        public StrategyInstance create(StrategyContext context) {
            Indicator fast = context.indicators().ema(12);
            Indicator slow = context.indicators().ema(26);
            Signal flat = Signal.flat();
            return view -> fast.value() > slow.value() && Double.isNaN(fast.value()) ? null : flat;
        }
    }

    private static String seconds(List<Double> s) {
        return s.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList().toString();
    }

    private static void out(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
