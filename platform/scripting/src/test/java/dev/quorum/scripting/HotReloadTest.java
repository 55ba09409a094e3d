package dev.quorum.scripting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.api.Bar;
import dev.quorum.api.BarStream;
import dev.quorum.api.Direction;
import dev.quorum.api.Signal;
import dev.quorum.core.config.BotConfig;
import dev.quorum.core.config.DataConfig;
import dev.quorum.core.config.EngineConfig;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.engine.InMemoryBacktest;
import dev.quorum.core.plugin.Registered;

/**
 * Hot reload during a run of the real engine on real candles: the file is edited between bars and the
 * reloader polls; a valid edit runs from the next bar (with a fresh init), a broken one is reported
 * and the last good version keeps voting, an incompatible one is refused, a deletion retires the bot.
 */
class HotReloadTest {

    @TempDir
    Path dir;

    private static String version(String tag, String extraParam) {
        return "const meta = { name: 'hot', version: '" + tag + "', params: { n: { type: 'int', default: 3, min: 1, max: 9 }"
                + extraParam + " } };\n"
                + "function init(ctx) { ctx.state.calls = 0; }\n"
                + "function onBar(ctx) { ctx.state.calls++; return buy(0.5, '" + tag + " call ' + ctx.state.calls); }\n";
    }

    @Test
    void editsTakeEffectAtTheNextBarBrokenEditsKeepTheLastGoodVersionAndDeletionRetires() throws IOException {
        Path file = dir.resolve("hot.js");
        Files.writeString(file, version("v1", ""));
        ScriptStrategy script = new ScriptStrategy(Scripts.RUNTIME, ScriptDefinition.load(Scripts.RUNTIME, file, "scripts/hot.js"));
        List<String> events = new ArrayList<>();
        ScriptReloader reloader = new ScriptReloader(Scripts.RUNTIME, List.of(script), new ScriptReloader.Listener() {
            @Override
            public void reloaded(ScriptStrategy s) {
                events.add("reloaded " + s.definition().meta().version());
            }

            @Override
            public void rejected(ScriptStrategy s, ScriptException error) {
                events.add("rejected " + error.oneLine());
            }

            @Override
            public void retired(ScriptStrategy s) {
                events.add("retired");
            }
        });
        List<Bar> bars = Scripts.candles("coinbase_BTC-USD_1m.csv", "BTC-USD", Instant.parse("2018-04-04T00:00:00Z"),
                Instant.parse("2018-04-04T00:50:00Z"));
        assertEquals(50, bars.size());
        // before bar 10: a valid edit; 20: a syntax error; 30: a parameter changes type; 40: the file is deleted
        Iterator<Bar> editing = new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < bars.size();
            }

            @Override
            public Bar next() {
                try {
                    switch (i) {
                        case 10 -> Files.writeString(file, version("v2", ""));
                        case 20 -> Files.writeString(file, "const meta = { name: 'hot', version: 'v3' };\nfunction onBar(ctx) {\n  return buy(;\n}\n");
                        case 30 -> Files.writeString(file, version("v4", "").replace("type: 'int', default: 3, min: 1, max: 9",
                                "type: 'number', default: 3"));
                        case 40 -> Files.delete(file);
                        default -> { }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (i % 10 == 0) {
                    reloader.poll();
                }
                return bars.get(i++);
            }
        };
        List<Signal> seen = new ArrayList<>();
        String day = "2018-04-04";
        QuorumConfig config = new QuorumConfig(new DataConfig(List.of("BTC-USD"), "1m", day, day, "unused"),
                new EngineConfig(10_000.0, 0.6, true, 1000, 500, 0.02, 0.04), null, null, List.of(new BotConfig("hot", "hot", null)), List.of());
        dev.quorum.api.Strategy recording = new dev.quorum.api.Strategy() {
            @Override
            public dev.quorum.api.ComponentInfo info() {
                return script.info();
            }

            @Override
            public dev.quorum.api.StrategyInstance create(dev.quorum.api.StrategyContext context) {
                var inner = script.create(context);
                return view -> {
                    Signal s = inner.onBar(view);
                    seen.add(s);
                    return s;
                };
            }
        };
        try (script; reloader) {
            InMemoryBacktest.run(config, List.of(new Registered<>("script:hot.js", recording, script.info())), List.of(),
                    BarStream.of(editing), dev.quorum.core.engine.RunSink.discarding(), (p, w, e) -> { throw new AssertionError(w + ": " + e); });
        }

        assertEquals(50, seen.size());
        assertEquals("v1 call 10", seen.get(9).reasons().get(0));
        assertEquals("v2 call 1", seen.get(10).reasons().get(0), "the edit runs from the next bar, with a fresh init");
        assertEquals("v2 call 20", seen.get(29).reasons().get(0), "the broken edit left v2 running");
        assertEquals("v2 call 30", seen.get(39).reasons().get(0), "the incompatible edit left v2 running");
        for (int i = 40; i < 50; i++) {
            assertEquals(Direction.FLAT, seen.get(i).direction());
            assertEquals("retired: scripts/hot.js was deleted", seen.get(i).reasons().get(0));
        }
        assertEquals(4, events.size(), events.toString());
        assertEquals("reloaded v2", events.get(0));
        assertTrue(events.get(1).startsWith("rejected scripts/hot.js:3:14: SyntaxError"), events.get(1));
        assertEquals("rejected scripts/hot.js: meta.params.n changed type from INTEGER to DECIMAL: parameters were bound when the"
                + " session started; restart it to apply", events.get(2));
        assertEquals("retired", events.get(3));
    }
}
