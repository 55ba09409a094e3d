package dev.quorum.scripting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.quorum.api.Bar;
import dev.quorum.api.BarStream;
import dev.quorum.api.Fill;
import dev.quorum.api.MarketView;
import dev.quorum.api.Signal;
import dev.quorum.api.Strategy;
import dev.quorum.api.StrategyContext;
import dev.quorum.api.StrategyInstance;
import dev.quorum.api.Timeframe;
import dev.quorum.core.config.BotConfig;
import dev.quorum.core.config.DataConfig;
import dev.quorum.core.config.EngineConfig;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.engine.EngineResult;
import dev.quorum.core.engine.InMemoryBacktest;
import dev.quorum.core.engine.RunSink;
import dev.quorum.core.plugin.Registered;
import dev.quorum.core.portfolio.ClosedTrade;

/** What the scripting tests share: one runtime (an engine takes a second to start), real candles, the real engine. */
final class Scripts {

    /** Shared by every test class of the module (one JVM runs them all). */
    static final ScriptRuntime RUNTIME = ScriptRuntime.start(ScriptLimits.DEFAULT);

    private Scripts() {
    }

    static ScriptDefinition define(String name, String text) {
        return ScriptDefinition.of(RUNTIME, null, name, text);
    }

    static Path scriptsDir() {
        return Path.of(System.getProperty("quorum.scriptsDir", "../../scripts"));
    }

    static Path dataDir() {
        return Path.of(System.getProperty("quorum.dataDir", "../../data/candles"));
    }

    /** Bars of an embedded candle file, open times in [from, to). */
    static List<Bar> candles(String file, String symbol, Instant from, Instant to) {
        List<Bar> bars = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(dataDir().resolve(file));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                Instant t = Instant.parse(f[0]);
                if (!t.isBefore(from) && t.isBefore(to)) {
                    bars.add(new Bar(symbol, Timeframe.M1, t, Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bars;
    }

    /** A run's outcome: each bot's signal on every bar, the trades, the engine's result, the plugin errors. */
    record Run(List<List<Signal>> signals, List<String> trades, EngineResult result, List<String> errors) {
    }

    /**
     * Runs bots through the real engine (ensemble, risk chain none, paper broker) over the bars.
     *
     * @param bars       one symbol's bars
     * @param bots       the bots' configs
     * @param strategies what they may use; each is wrapped so that every signal it gives is recorded
     */
    static Run backtest(List<Bar> bars, List<BotConfig> bots, List<Strategy> strategies) {
        List<List<Signal>> signals = new ArrayList<>();
        List<Registered<Strategy>> registered = new ArrayList<>();
        for (Strategy s : strategies) {
            List<Signal> seen = new ArrayList<>();
            signals.add(seen);
            registered.add(new Registered<>("test", new Recording(s, seen), s.info()));
        }
        List<String> trades = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String day = bars.get(0).openTime().toString().substring(0, 10);
        QuorumConfig config = new QuorumConfig(new DataConfig(List.of(bars.get(0).symbol()), "1m", day, day, "unused"),
                new EngineConfig(10_000.0, 0.6, true, 1000, 500, 0.02, 0.04), null, null, bots, List.of());
        EngineResult result = InMemoryBacktest.run(config, registered, List.of(), BarStream.of(bars.iterator()), new RunSink() {
            @Override
            public void onEntry(Fill fill) {
            }

            @Override
            public void onExit(Fill fill, ClosedTrade closed) {
                var t = closed.trade();
                trades.add(t.direction() + " " + t.entryTime() + " " + t.entryPrice() + " -> " + t.exitTime() + " " + t.exitPrice()
                        + " " + t.exitReason());
            }
        }, (pluginId, what, error) -> errors.add(what + ": " + error));
        return new Run(signals, trades, result, errors);
    }

    /** Delegates, recording every signal the instances give (null for a failed call). */
    private record Recording(Strategy inner, List<Signal> seen) implements Strategy {
        @Override
        public dev.quorum.api.ComponentInfo info() {
            return inner.info();
        }

        @Override
        public List<Timeframe> timeframes() {
            return inner.timeframes();
        }

        @Override
        public StrategyInstance create(StrategyContext context) {
            StrategyInstance instance = inner.create(context);
            return (MarketView view) -> {
                Signal s = null;
                try {
                    s = instance.onBar(view);
                    return s;
                } finally {
                    seen.add(s);
                }
            };
        }
    }
}
