package dev.quorum.scripting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quorum.api.Bar;
import dev.quorum.api.Signal;
import dev.quorum.core.config.BotConfig;

/**
 * Calls that run away are stopped by the watchdog and counted against their bot; the engine and the
 * other bots go on. Runs on the real engine with real candles.
 */
class ScriptLimitsTest {

    private static final List<Bar> BARS = Scripts.candles("coinbase_BTC-USD_1m.csv", "BTC-USD",
            Instant.parse("2018-04-04T00:00:00Z"), Instant.parse("2018-04-04T01:00:00Z"));

    private static final String STEADY = "const meta = { name: 'steady', version: '1' };\n"
            + "function onBar(ctx) { return buy(0.25, 'steady'); }\n";

    @Test
    void anInfiniteLoopIsStoppedSoonAfterItsBudgetAndTheScriptKeepsItsState() {
        String looping = "const meta = { name: 'looping', version: '1' };\n"
                + "let calls = 0;\n"
                + "function onBar(ctx) {\n"
                + "  calls++;\n"
                + "  if (calls === 3) { while (true) {} }\n"
                + "  return flat('call ' + calls);\n"
                + "}\n";
        Duration budget = Scripts.RUNTIME.limits().callBudget();
        // The interrupt keeps the context; once in a while (a loaded machine, a compilation in flight) it does not
        // take within Watchdog.INTERRUPT_WAIT_MILLIS and the watchdog falls back to closing the context, which this
        // test is not about (ScriptLimitsTest's other cases and the Watchdog's javadoc cover it): up to three fresh
        // attempts, each a complete run, and the assertions below hold for the first one whose interrupt took.
        Scripts.Run run = null;
        long elapsedMillis = 0;
        for (int attempt = 1; attempt <= 3; attempt++) {
            // a retry runs on a runtime of its own: after a fallback close, a late interrupt has been seen to reach the
            // next call on the same thread of the same engine ("Thread was interrupted"; noted in the README)
            ScriptRuntime runtime = attempt == 1 ? Scripts.RUNTIME : ScriptRuntime.start(Scripts.RUNTIME.limits());
            ScriptStrategy loop = new ScriptStrategy(runtime, Scripts.define("looping.js", looping));
            ScriptStrategy steady = new ScriptStrategy(runtime, Scripts.define("steady.js", STEADY));
            long start = System.nanoTime();
            try (loop; steady) {
                run = Scripts.backtest(BARS, List.of(new BotConfig("looping", "looping", null), new BotConfig("steady", "steady", null)),
                        List.of(loop, steady));
            } finally {
                if (runtime != Scripts.RUNTIME) {
                    runtime.close();
                }
            }
            elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            // the fallback shows either in the first error, or (when the interrupt took just as the watchdog gave up on
            // it) in the errors of the calls after it
            if (run.errors().stream().noneMatch(e -> e.contains("context was closed") || e.contains("Thread was interrupted"))) {
                break;
            }
            System.err.println("attempt " + attempt + ": the interrupt did not take in time, the context was closed; retrying");
        }
        assertEquals(1, run.errors().size(), run.errors().toString());
        String error = run.errors().get(0);
        assertTrue(error.contains("looping.js:5:"), error);
        assertTrue(error.contains("ran longer than its time budget of " + budget.toMillis() + " ms; interrupted"), error);
        List<Signal> seen = run.signals().get(0);
        assertEquals(BARS.size(), seen.size());
        assertEquals(null, seen.get(2));
        assertEquals("call 4", seen.get(3).reasons().get(0), "the context survived the interrupt, with its state");
        assertEquals(BARS.size(), run.signals().get(1).size(), "the other bot voted on every bar");
        // the whole run (an hour of bars, two bots, one stopped loop) takes the budget plus well under a second
        assertTrue(elapsedMillis < budget.toMillis() + 3000, "run took " + elapsedMillis + " ms");
    }

    @Test
    void aLoopIsStoppedWithinAbout100MsOfItsBudget() {
        ScriptRuntime tight = ScriptRuntime.start(ScriptLimits.DEFAULT.withCallBudget(Duration.ofMillis(200)));
        try (tight) {
            String text = "const meta = { name: 'spin', version: '1' };\nfunction onBar(ctx) { while (true) {} }\n";
            ScriptStrategy spin = new ScriptStrategy(tight, ScriptDefinition.of(tight, null, "spin.js", text));
            var view = new FixedView(BARS.get(0));
            long[] overrun = new long[4];
            for (int i = 0; i < overrun.length; i++) {
                // a fresh instance each time (the same source, so the same compiled code): each attempt is a real stop
                var instance = spin.create(dev.quorum.api.StrategyContext.of("spin", "BTC-USD", dev.quorum.api.Timeframe.M1,
                        dev.quorum.api.Parameters.none()));
                long t0 = System.nanoTime();
                ScriptException e = assertThrows(ScriptException.class, () -> instance.onBar(view));
                overrun[i] = (System.nanoTime() - t0) / 1_000_000 - 200;
                assertTrue(e.getMessage().contains("ran longer than its time budget of 200 ms"), e.getMessage());
            }
            // the first stop may be slow (the compiler and the interrupt path warm up); the later ones must be prompt
            for (int i = 1; i < overrun.length; i++) {
                assertTrue(overrun[i] < 100, "ms past the budget: " + java.util.Arrays.toString(overrun));
            }
            spin.close();
        }
    }

    @Test
    void aScriptThatKeepsAllocatingLosesItsContextAndTheHostStaysHealthy() {
        String hog = "const meta = { name: 'hog', version: '1' };\n"
                + "const keep = [];\n"
                + "function onBar(ctx) {\n"
                + "  while (true) { keep.push(new Array(100000).fill(1.5)); }\n"
                + "}\n";
        // a time budget long enough that the allocation budget (64 MiB here) is what stops it
        ScriptRuntime runtime = ScriptRuntime.start(new ScriptLimits(Duration.ofSeconds(20), Duration.ofSeconds(20), 64L << 20, 0.85, 10));
        ScriptStrategy s = new ScriptStrategy(runtime, ScriptDefinition.of(runtime, null, "hog.js", hog));
        ScriptStrategy steady = new ScriptStrategy(runtime, ScriptDefinition.of(runtime, null, "steady.js", STEADY));
        Scripts.Run run;
        try (runtime; s; steady) {
            run = Scripts.backtest(BARS, List.of(new BotConfig("hog", "hog", null), new BotConfig("steady", "steady", null)),
                    List.of(s, steady));
        }
        String first = run.errors().get(0);
        assertTrue(first.contains("stopped: allocated") && first.contains("MiB"), first);
        assertTrue(run.errors().get(1).contains("its context was closed"), run.errors().get(1));
        assertEquals(BARS.size(), run.errors().size(), "every later call fails at once");
        assertEquals(BARS.size(), run.signals().get(1).stream().filter(x -> x != null).count(), "the other bot voted on every bar");
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        assertTrue(used < Runtime.getRuntime().maxMemory() / 2, "heap after the closed context is collected: " + (used >> 20) + " MiB");
    }

    /** A market view on one fixed bar, for calling an instance directly. */
    private record FixedView(Bar bar) implements dev.quorum.api.MarketView {
        @Override
        public String symbol() {
            return bar.symbol();
        }

        @Override
        public Instant now() {
            return bar.closeTime();
        }

        @Override
        public dev.quorum.api.BarHistory history() {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.quorum.api.BarHistory history(dev.quorum.api.Timeframe timeframe) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<dev.quorum.api.Position> position() {
            return java.util.Optional.empty();
        }
    }
}
