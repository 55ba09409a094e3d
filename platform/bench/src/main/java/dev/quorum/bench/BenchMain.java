package dev.quorum.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ta4j.core.BarSeries;

import dev.quorum.api.Bar;

/**
 * {@code ./quorum bench}: Quorum's engine and ta4j side by side on the same seeded random-walk
 * 1-minute bars, in one JVM, after warm-up, reporting medians:
 * <ol>
 *   <li>one strategy (EMA 12/26 cross, RSI filter, 2% stop, 4% target) on both, trade lists compared;</li>
 *   <li>Quorum with 10/40/87 bots (parameter variants of the bundled technical strategies, loaded from the
 *       plugin zip) voting through the ensemble on one symbol, each size in a child JVM with
 *       {@code -Xmx512m}, for time and peak heap;</li>
 *   <li>ta4j running the same 87 strategies' indicators and rules one by one, for the ratio.</li>
 * </ol>
 * Ends with machine-readable {@code key=value} lines. {@code --quick} runs a short version. {@code --scripts}
 * runs {@link ScriptBench} instead, {@code --reports} {@link ReportBench} (the daily PDF report), {@code --api}
 * {@link ApiBench} (the session API under load while the engine runs).
 */
public final class BenchMain {

    private static final String CHILD_HEAP = "-Xmx512m";
    private static final int WARM_UP_BARS = 8_000_000;

    private BenchMain() {
    }

    /**
     * @param args {@code [--quick] [--scripts [--examples DIR] | --reports] --plugins DIR}
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true"); // the report benchmark lays out charts and PDFs
        boolean quick = List.of(args).contains("--quick");
        Path plugins = Path.of(option(args, "--plugins", System.getProperty("quorum.benchPlugins", "platform/bench/target/bench/plugins")));
        Path technical = plugins.resolve("technical.zip");
        if (!Files.isRegularFile(technical)) {
            throw new IllegalStateException("no " + technical + ": build first (./quorum bench builds it)");
        }
        if (List.of(args).contains("--api")) {
            ApiBench.run(quick, plugins);
            return;
        }
        if (List.of(args).contains("--reports")) {
            if (List.of(args).contains("--scripts")) {
                throw new IllegalArgumentException("give --scripts or --reports, not both");
            }
            ReportBench.run(quick, plugins);
            return;
        }
        if (List.of(args).contains("--scripts")) {
            ScriptBench.run(quick, technical, Path.of(option(args, "--examples", "scripts/examples")));
            return;
        }
        int bars = quick ? 250_000 : 1_000_000;
        int runs = quick ? 3 : 5;
        out("Quorum benchmark%s: %,d one-minute bars of a seeded random walk (seed %d; see RandomWalk)", quick ? " (quick)" : "",
                bars, RandomWalk.SEED);
        out("JDK %s (%s), %d cores, max heap %,d MiB; ta4j 0.24.1 with DoubleNum", Runtime.version(),
                System.getProperty("java.vm.vendor"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1048576);

        List<Bar> data = RandomWalk.bars("BENCH", bars);
        BarSeries series = Ta4jPeer.series(data);

        // both sides warm up on at least 8M bars: measured, the engine's rarer paths (fills, trades) reach their
        // final compiled form only after 5-7M bars, and the quick run's 250k bars must be as warm as the full run's
        int warmups = Math.max(2, (WARM_UP_BARS + bars - 1) / bars);
        out("%n1. One strategy, EMA 12/26 cross + RSI(14) < 70, 2%% stop, 4%% target (%d warm-ups, %d runs, median)", warmups, runs);
        Measure<List<TradeRow>> ta = Measure.of("ta4j", warmups, runs,
                () -> Ta4jPeer.trades(Ta4jPeer.run(series, Ta4jPeer.emaCrossWithRsiFilter(series))));
        Measure<List<TradeRow>> qu = Measure.of("quorum", warmups, runs, () -> QuorumSide.single(data));
        boolean identical = ta.result().equals(qu.result());
        double ratio = ta.median() / qu.median();
        row("ta4j", ta, bars);
        row("Quorum", qu, bars);
        out("   trades: ta4j %d, Quorum %d, identical: %s%s", ta.result().size(), qu.result().size(), identical,
                identical ? "" : " (first difference: " + firstDifference(ta.result(), qu.result()) + ")");
        out("   Quorum / ta4j bars per second: %.1f×", ratio);

        out("%n3. ta4j, the 87 strategies one by one (1 warm-up, %d run%s)", quick ? 1 : 3, quick ? "" : "s");
        List<BotVariant> all = BotVariant.first(87);
        Measure<Integer> ta87 = Measure.of("ta4j-87", 1, quick ? 1 : 3, () -> {
            int trades = 0;
            for (BotVariant v : all) {
                trades += Ta4jPeer.run(series, Ta4jPeer.variant(series, v)).getPositionCount();
            }
            return trades;
        });
        out("   %s, %,.0f strategy-bars/s", ta87.summary(), 87.0 * bars / ta87.median());

        System.gc();

        out("%n2. Quorum, bots voting through the ensemble on one symbol, each run in a child JVM with %s", CHILD_HEAP);
        out("   %-10s %-6s %-12s %-18s %-12s %s", "bars", "bots", "seconds", "bot-bars/s", "peak heap", "trades");
        Map<String, Map<String, String>> results = new LinkedHashMap<>();
        int[] barSizes = quick ? new int[] {bars} : new int[] {250_000, 500_000, 1_000_000};
        int[] botSizes = quick ? new int[] {10, 87} : new int[] {10, 40, 87};
        for (int b : barSizes) {
            for (int n : botSizes) {
                Map<String, String> r = child(b, n, technical, quick);
                results.put(b + "x" + n, r);
                double seconds = Double.parseDouble(r.get("seconds"));
                out("   %-10s %-6d %-12.3f %-18s %-12s %s", String.format(Locale.ROOT, "%,d", b), n, seconds,
                        String.format(Locale.ROOT, "%,.0f", (double) b * n / seconds), r.get("heap_mib") + " MiB", r.get("trades"));
            }
        }
        Map<String, String> full = results.get(bars + "x87");
        double seconds87 = Double.parseDouble(full.get("seconds"));
        out("   87 bots on %,d bars: Quorum %.3f s vs ta4j one by one %.3f s: %.1f×", bars, seconds87, ta87.median(),
                ta87.median() / seconds87);

        System.out.println();
        System.out.printf(Locale.ROOT, "bars=%d%n", bars);
        System.out.printf(Locale.ROOT, "ratio.single_vs_ta4j=%.2f%n", ratio);
        System.out.printf(Locale.ROOT, "trades.identical=%s%n", identical);
        System.out.printf(Locale.ROOT, "bots87.seconds=%.3f%n", seconds87);
        System.out.printf(Locale.ROOT, "bots87.heap_mib=%s%n", full.get("heap_mib"));
        System.out.printf(Locale.ROOT, "ratio.bots87_vs_ta4j=%.2f%n", ta87.median() / seconds87);
        if (!identical) {
            System.exit(3);
        }
    }

    private static Map<String, String> child(int bars, int bots, Path technical, boolean quick) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, CHILD_HEAP, "-cp", System.getProperty("java.class.path"),
                EnsembleChild.class.getName(), Integer.toString(bars), Integer.toString(bots), quick ? "1" : "2",
                quick ? "1" : "3", technical.toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line;
        String result = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("ensemble ")) {
                    result = line;
                }
            }
        }
        int code = process.waitFor();
        if (code != 0 || result == null) {
            throw new IllegalStateException("the ensemble run with " + bots + " bots on " + bars + " bars failed (exit " + code
                    + "); with " + CHILD_HEAP + " an OutOfMemoryError means the heap target was missed");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : result.substring("ensemble ".length()).split(" ")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], kv[1]);
        }
        return values;
    }

    private static String firstDifference(List<TradeRow> a, List<TradeRow> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return "trade " + i + ": ta4j " + a.get(i) + ", Quorum " + b.get(i);
            }
        }
        return "counts differ";
    }

    private static void row(String who, Measure<?> m, int bars) {
        out("   %-7s %s, %,.0f bars/s", who, m.summary(), bars / m.median());
    }

    private static void out(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
