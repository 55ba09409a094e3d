package dev.quorum.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.quorum.api.Bar;
import dev.quorum.api.BarHistory;
import dev.quorum.api.Indicators;
import dev.quorum.api.MarketView;
import dev.quorum.api.Parameters;
import dev.quorum.api.Position;
import dev.quorum.api.Signal;
import dev.quorum.api.StrategyContext;
import dev.quorum.api.StrategyInstance;
import dev.quorum.api.Timeframe;
import dev.quorum.indicator.IndicatorLibrary;
import dev.quorum.scripting.ScriptDefinition;
import dev.quorum.scripting.ScriptLimits;
import dev.quorum.scripting.ScriptRuntime;
import dev.quorum.scripting.ScriptStrategy;

/**
 * The cold start of a script, in its own JVM: from the JVM's start to the first signal, split into
 * the JavaScript engine's start, the script's load and check, and its first instance and bar. Prints
 * one line.
 */
public final class ColdStartChild {

    private ColdStartChild() {
    }

    /** Runs a child JVM with this JVM's flags and class path; returns its line. */
    static String spawn(Path script) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-Xmx")) {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdStartChild.class.getName(), script.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String l;
            while ((l = r.readLine()) != null) {
                if (l.startsWith("cold ")) {
                    line = l.substring(5);
                }
            }
        }
        if (p.waitFor() != 0 || line == null) {
            throw new IllegalStateException("the cold-start child failed (exit " + p.exitValue() + ")");
        }
        return line;
    }

    /**
     * @param args the script file
     */
    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainAt = System.currentTimeMillis();
        try (ScriptRuntime runtime = ScriptRuntime.start(ScriptLimits.DEFAULT)) {
            long engineAt = System.currentTimeMillis();
            ScriptStrategy s = new ScriptStrategy(runtime, ScriptDefinition.load(runtime, Path.of(args[0]), "ema_crossover.js"));
            long loadedAt = System.currentTimeMillis();
            IndicatorLibrary lib = new IndicatorLibrary(Timeframe.M1);
            Parameters params = new Parameters(java.util.Map.of("fast", 12, "slow", 26, "fullConfidenceSpread", 0.002));
            StrategyInstance instance = s.create(new StrategyContext() {
                @Override
                public String botName() {
                    return "cold";
                }

                @Override
                public String symbol() {
                    return "BENCH";
                }

                @Override
                public Timeframe timeframe() {
                    return Timeframe.M1;
                }

                @Override
                public Parameters parameters() {
                    return params;
                }

                @Override
                public Indicators indicators(Timeframe tf) {
                    return lib;
                }
            });
            Bar bar = new Bar("BENCH", Timeframe.M1, Instant.parse("2020-01-01T00:00:00Z"), 100, 101, 99, 100.5, 10);
            lib.update(bar);
            Signal first = instance.onBar(new MarketView() {
                @Override
                public String symbol() {
                    return "BENCH";
                }

                @Override
                public Instant now() {
                    return bar.closeTime();
                }

                @Override
                public Bar bar() {
                    return bar;
                }

                @Override
                public BarHistory history() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public BarHistory history(Timeframe timeframe) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Optional<Position> position() {
                    return Optional.empty();
                }
            });
            long signalAt = System.currentTimeMillis();
            System.out.printf(Locale.ROOT, "cold JVM start -> first signal %.2f s (JVM to main %.2f s, JavaScript engine %.2f s, load and"
                            + " check the script %.2f s, first instance and bar %.2f s; runtime %s; signal %s)%n",
                    (signalAt - jvmStart) / 1e3, (mainAt - jvmStart) / 1e3, (engineAt - mainAt) / 1e3, (loadedAt - engineAt) / 1e3,
                    (signalAt - loadedAt) / 1e3, runtime.runtimeName(), first.direction());
            s.close();
        }
    }
}
