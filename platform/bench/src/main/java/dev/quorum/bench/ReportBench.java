package dev.quorum.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dev.quorum.api.Bar;
import dev.quorum.api.Timeframe;
import dev.quorum.core.config.BotConfig;
import dev.quorum.core.config.DataConfig;
import dev.quorum.core.config.EngineConfig;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.config.ReportsConfig;
import dev.quorum.core.config.RiskConfig;
import dev.quorum.core.config.StorageConfig;
import dev.quorum.core.data.CsvBarImporter;
import dev.quorum.core.data.ImportResult;
import dev.quorum.core.engine.BacktestReport;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.engine.ProgressListener;
import dev.quorum.core.journal.RunJournal;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.plugin.Registered;
import dev.quorum.core.report.ReportFolder;
import dev.quorum.core.store.Database;
import dev.quorum.api.ReportSection;
import dev.quorum.report.DailyReportLoader;
import dev.quorum.report.DailyReports;

/**
 * {@code ./quorum bench --reports}: the daily PDF report on a month of 1-minute data with thousands of
 * trades. In a fresh H2 database in a temporary directory it imports 31 days (2020-01-01..31; 7 with
 * {@code --quick}) of 1-minute bars of three symbols, each a seeded random walk ({@link RandomWalk} with its
 * own seed and start price: the embedded real 1-minute candles cover only about nine days), runs a backtest
 * over them through the real {@link BacktestRunner} with the bundled technical strategies tuned to trade
 * often and the basic risk chain (both plugins loaded from their zips with PF4J), reports off during the
 * run, then writes each day's report with {@link DailyReports} (the technical plugin's report section on,
 * retention 0) after one warm-up report, timing each. Targets: under 2 s per daily report, under 2 MB.
 * Ends with machine-readable {@code key=value} lines.
 */
final class ReportBench {

    /** The three symbols: name, seed, start price. */
    static final List<Walk> WALKS = List.of(new Walk("WALK-A", RandomWalk.SEED, 10_000),
            new Walk("WALK-B", RandomWalk.SEED + 1, 500), new Walk("WALK-C", RandomWalk.SEED + 2, 50));
    static final LocalDate FIRST_DAY = LocalDate.parse("2020-01-01");
    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final long TARGET_MILLIS = 2_000;
    private static final long TARGET_BYTES = 2_000_000;
    private static final int MIN_TRADES_PER_MONTH = 2_000;

    private ReportBench() {
    }

    record Walk(String symbol, long seed, double startPrice) {
    }

    static void run(boolean quick, Path pluginsDir) throws Exception {
        long started = System.nanoTime();
        int days = quick ? 7 : 31;
        LocalDate lastDay = FIRST_DAY.plusDays(days - 1);
        int barsPerSymbol = days * 24 * 60;
        Path technical = pluginsDir.resolve("technical.zip");
        Path riskBasic = pluginsDir.resolve("risk-basic.zip");
        if (!Files.isRegularFile(riskBasic)) {
            throw new IllegalStateException("no " + riskBasic + ": build first (./quorum bench builds it)");
        }
        out("Quorum report benchmark%s: the daily PDF report of each of %d days of 1-minute bars, %s .. %s", quick ? " (quick)" : "",
                days, FIRST_DAY, lastDay);
        out("JDK %s (%s), %d cores, max heap %,d MiB, headless AWT: %s", Runtime.version(), System.getProperty("java.vm.vendor"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1048576,
                System.getProperty("java.awt.headless"));
        out("Data: NOT real candles. Each symbol is a seeded random walk (RandomWalk: normal 1-minute log-returns of 0.1%%),");
        out("      the embedded real 1-minute candles cover only about 9 days: %s",
                String.join(", ", WALKS.stream().map(w -> String.format(Locale.ROOT, "%s seed %d from %,.0f", w.symbol(), w.seed(),
                        w.startPrice())).toList()));

        Path work = Files.createTempDirectory("quorum-bench-reports");
        try {
            run(quick, days, lastDay, barsPerSymbol, technical, riskBasic, work, started);
        } finally {
            deleteTree(work);
        }
    }

    private static void run(boolean quick, int days, LocalDate lastDay, int barsPerSymbol, Path technical, Path riskBasic, Path work,
                            long started) throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Files.copy(technical, plugins.resolve(technical.getFileName()));
        Files.copy(riskBasic, plugins.resolve(riskBasic.getFileName()));
        Path reportsDir = work.resolve("reports");
        String url = Database.fileUrl(work.resolve("db/quorum"));
        QuorumConfig config = config(url, plugins, reportsDir, lastDay);

        try (Database db = Database.open(url); PluginHost host = PluginHost.start(plugins)) {
            // 1. the candles, through the importer (./quorum data import's path): one CSV per symbol
            long t0 = System.nanoTime();
            long stored = 0;
            for (Walk w : WALKS) {
                Path csv = work.resolve(w.symbol() + "_1m.csv");
                writeCsv(csv, RandomWalk.stream(w.symbol(), barsPerSymbol, w.seed(), w.startPrice()));
                ImportResult imported = new CsvBarImporter(db, Clock.systemUTC()).importCsv(csv, w.symbol(), Timeframe.M1);
                stored += imported.inserted();
                Files.delete(csv);
            }
            double dataSeconds = seconds(t0);
            out("%n1. Candles: %,d one-minute bars (%d symbols x %,d) imported into a fresh H2 database in %s, deleted at the end (%.1f s)", stored,
                    WALKS.size(), barsPerSymbol, work, dataSeconds);

            // 2. the backtest, reports off during the run so that what is timed below is the report alone
            System.gc();
            resetPeaks();
            t0 = System.nanoTime();
            BacktestReport report = new BacktestRunner(db, host, work, Clock.systemUTC()).run(config, ProgressListener.NONE);
            double backtestSeconds = seconds(t0);
            int trades = report.trades().size();
            out("%n2. Backtest (BacktestRunner, H2 journal; reports.duringRuns = false): run %d, %,d bars, %,d trades, %.1f s,"
                    + " peak heap %.0f MiB", report.runId(), report.result().bars(), trades, backtestSeconds, peakHeapMib());
            out("   bots: %s", String.join("; ", config.bots().stream().map(b -> b.strategy() + " " + b.params()).toList()));
            out("   consensus threshold %.2f, stop-loss %.1f%%, take-profit %.1f%%, shorts %s; risk chain: %s",
                    config.engine().consensusThreshold(), config.engine().stopLoss() * 100, config.engine().takeProfit() * 100,
                    config.engine().allowShort() ? "on" : "off",
                    String.join(" -> ", config.risk().stream().map(r -> r.module() + " " + r.params()).toList()));
            double perMonth = (double) trades / days * 31;
            out("   %,d trades over %d days (%.0f a day, %,.0f per 31 days): at least %,d a month: %s", trades, days,
                    (double) trades / days, perMonth, MIN_TRADES_PER_MONTH, perMonth >= MIN_TRADES_PER_MONTH ? "yes" : "NO");

            // 3. the reports
            List<Registered<ReportSection>> sections = host.reportSections();
            DailyReports reports = new DailyReports(new DailyReportLoader(new RunJournal(db, Clock.systemUTC()), sections, host),
                    new ReportFolder(reportsDir), 0);
            System.gc();
            resetPeaks();
            long gcBefore = gcMillis();
            DailyReports.Written warm = reports.write(report.runId(), FIRST_DAY, ZONE, null);
            out("%n3. Daily reports (DailyReports.write: load from the store, lay out, write the PDF; retention 0; plugin sections: %s)",
                    sections.isEmpty() ? "none" : String.join(", ", sections.stream().map(s -> s.pluginId() + "/" + s.info().id()).toList()));
            out("   warm-up: the report of %s once first, not counted: %,d ms (the JVM's first: classes, fonts and JIT cold)",
                    warm.day(), warm.took().toMillis());
            out("   %-12s %7s %6s %10s %8s", "day", "trades", "pages", "size KiB", "ms");
            List<DailyReports.Written> written = new ArrayList<>();
            for (LocalDate day = FIRST_DAY; !day.isAfter(lastDay); day = day.plusDays(1)) {
                DailyReports.Written w = reports.write(report.runId(), day, ZONE, null);
                written.add(w);
                out("   %-12s %7d %6d %10.1f %8.1f", w.day(), w.trades(), w.pages(), w.bytes() / 1024.0, w.took().toNanos() / 1e6);
            }
            double reportHeap = peakHeapMib();
            long gcDuring = gcMillis() - gcBefore;

            double[] ms = written.stream().mapToDouble(w -> w.took().toNanos() / 1e6).sorted().toArray();
            double median = ms.length % 2 == 1 ? ms[ms.length / 2] : (ms[ms.length / 2 - 1] + ms[ms.length / 2]) / 2;
            double mean = Arrays.stream(ms).average().orElse(Double.NaN);
            DailyReports.Written largest = written.stream().max(Comparator.comparingLong(DailyReports.Written::bytes)).orElseThrow();
            DailyReports.Written slowest = written.stream().max(Comparator.comparing(DailyReports.Written::took)).orElseThrow();
            int dayTrades = written.stream().mapToInt(DailyReports.Written::trades).sum();
            int maxPages = written.stream().mapToInt(DailyReports.Written::pages).max().orElse(0);
            long totalBytes = written.stream().mapToLong(DailyReports.Written::bytes).sum();
            boolean timeMet = ms[ms.length - 1] < TARGET_MILLIS;
            boolean sizeMet = largest.bytes() < TARGET_BYTES;
            out("   time per report: min %.1f ms, median %.1f ms, max %.1f ms (%s), mean %.1f ms, %d reports", ms[0], median,
                    ms[ms.length - 1], slowest.day(), mean, written.size());
            out("   size: max %,.1f KiB = %,d bytes (%s, %d trades), up to %d pages; %,.1f KiB for all %d", largest.bytes() / 1024.0,
                    largest.bytes(), largest.day(), largest.trades(), maxPages, totalBytes / 1024.0, written.size());
            out("   trades in the daily reports: %,d, in the run: %,d%s", dayTrades, trades,
                    dayTrades == trades ? " (each trade in exactly one day's report)" : " (DIFFERENT: some trades are in no report or in two)");
            out("   peak heap during the reports %.0f MiB (sum of the heap pools' peaks, an upper bound; -Xmx%,d MiB), GC %d ms",
                    reportHeap, Runtime.getRuntime().maxMemory() / 1048576, gcDuring);
            String pluginErrors = host.errorCounts().isEmpty() ? "none" : host.errorCounts().toString();
            out("   plugin errors: %s", pluginErrors);
            out("   targets: every report under %,d ms: %s (max %.1f ms); every PDF under %,d bytes (2 MB): %s (max %,d bytes)",
                    TARGET_MILLIS, timeMet ? "met" : "MISSED", ms[ms.length - 1], TARGET_BYTES, sizeMet ? "met" : "MISSED", largest.bytes());
            double total = seconds(started);
            out("   the whole mode took %.1f s (candles %.1f s, backtest %.1f s, reports with the warm-up %.1f s)", total, dataSeconds,
                    backtestSeconds,
                    (warm.took().toNanos() + Arrays.stream(ms).sum() * 1e6) / 1e9);

            System.out.println();
            System.out.printf(Locale.ROOT, "reports.days=%d%n", days);
            System.out.printf(Locale.ROOT, "reports.count=%d%n", written.size());
            System.out.printf(Locale.ROOT, "reports.trades=%d%n", trades);
            System.out.printf(Locale.ROOT, "reports.warmup_ms=%d%n", warm.took().toMillis());
            System.out.printf(Locale.ROOT, "reports.time_ms.min=%.1f%n", ms[0]);
            System.out.printf(Locale.ROOT, "reports.time_ms.median=%.1f%n", median);
            System.out.printf(Locale.ROOT, "reports.time_ms.max=%.1f%n", ms[ms.length - 1]);
            System.out.printf(Locale.ROOT, "reports.time_ms.mean=%.1f%n", mean);
            System.out.printf(Locale.ROOT, "reports.bytes.max=%d%n", largest.bytes());
            System.out.printf(Locale.ROOT, "reports.pages.max=%d%n", maxPages);
            System.out.printf(Locale.ROOT, "reports.heap_mib.peak=%.1f%n", reportHeap);
            System.out.printf(Locale.ROOT, "reports.backtest_seconds=%.1f%n", backtestSeconds);
            System.out.printf(Locale.ROOT, "reports.total_seconds=%.1f%n", total);
            System.out.printf(Locale.ROOT, "reports.target_met=%s%n", timeMet && sizeMet);
        }
    }

    /**
     * The run: the four bundled technical strategies tuned to trade often on 1-minute bars (short averages, full
     * confidence on small spreads, a low consensus threshold, tight engine stops), the basic risk chain as in the
     * default config, reports off during the run.
     */
    static QuorumConfig config(String url, Path plugins, Path reportsDir, LocalDate lastDay) {
        DataConfig data = new DataConfig(WALKS.stream().map(Walk::symbol).toList(), "1m", FIRST_DAY.toString(), lastDay.toString(),
                "unused: the candles are imported before the run");
        EngineConfig engine = new EngineConfig(10_000.0, 0.5, true, 5, 500, 0.005, 0.01, "1h");
        List<BotConfig> bots = List.of(
                new BotConfig(null, "ema-crossover", params("fast", 5, "slow", 15, "fullConfidenceSpread", 0.0005)),
                new BotConfig(null, "rsi-reversion", params("period", 7, "oversold", 30, "overbought", 70)),
                new BotConfig(null, "macd-cross", params("fast", 6, "slow", 13, "signal", 5, "fullConfidenceHistogram", 0.0001)),
                new BotConfig(null, "bollinger", params("period", 20, "k", 2.0, "mode", "breakout")));
        List<RiskConfig> risk = List.of(new RiskConfig(null, "fixed-fraction", params("fraction", 0.25)),
                new RiskConfig(null, "max-open-positions", params("max", 3)));
        ReportsConfig reports = new ReportsConfig(reportsDir.toString(), ZONE.getId(), null, 0, false);
        return new QuorumConfig(data, engine, null, new StorageConfig(url, plugins.toString()), bots, risk, null, reports, null);
    }

    private static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static void writeCsv(Path file, Iterator<Bar> bars) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("timestamp,open,high,low,close,volume\n");
            StringBuilder line = new StringBuilder(128);
            while (bars.hasNext()) {
                Bar b = bars.next();
                line.setLength(0);
                line.append(b.openTime()).append(',').append(b.open()).append(',').append(b.high()).append(',').append(b.low())
                        .append(',').append(b.close()).append(',').append(b.volume()).append('\n');
                w.append(line);
            }
        }
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** @return the sum of the heap pools' peaks since the last reset, in MiB: an upper bound of the peak heap */
    private static double peakHeapMib() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / 1048576.0;
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void out(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
