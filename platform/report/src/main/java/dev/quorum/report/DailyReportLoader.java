package dev.quorum.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.quorum.api.ReportBlock;
import dev.quorum.api.ReportContext;
import dev.quorum.api.ReportSection;
import dev.quorum.api.Timeframe;
import dev.quorum.api.Trade;
import dev.quorum.core.analytics.Group;
import dev.quorum.core.analytics.Interval;
import dev.quorum.core.analytics.Performance;
import dev.quorum.core.analytics.StoredRun;
import dev.quorum.core.engine.BotReport;
import dev.quorum.core.engine.SignalCount;
import dev.quorum.core.journal.Holding;
import dev.quorum.core.journal.LearnerRecords;
import dev.quorum.core.journal.PredictionRecords;
import dev.quorum.core.journal.RunJournal;
import dev.quorum.core.journal.RunRecord;
import dev.quorum.core.plugin.PluginCalls;
import dev.quorum.core.plugin.PluginErrors;
import dev.quorum.core.plugin.Registered;
import dev.quorum.core.portfolio.EquityPoint;

/**
 * Reads what one day's report needs from the store and computes its figures with the metrics module
 * ({@link StoredRun}, whose attribution rules apply: a trade belongs to the day it closed, an equity point or
 * a signal count stamped {@code t} to the day containing the instant just before {@code t}, so the point
 * stamped at midnight closes the day before it).
 */
public final class DailyReportLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunJournal journal;
    private final List<Registered<ReportSection>> sections;
    private final PluginErrors pluginErrors;

    /**
     * @param journal      the store's runs
     * @param sections     the report sections of started plugins
     * @param pluginErrors where a failing section is counted against its plugin
     */
    public DailyReportLoader(RunJournal journal, List<Registered<ReportSection>> sections, PluginErrors pluginErrors) {
        this.journal = journal;
        this.sections = List.copyOf(sections);
        this.pluginErrors = pluginErrors;
    }

    /**
     * @param runId       the run
     * @param day         the calendar day in {@code zone}
     * @param zone        the report's zone
     * @param generatedAt the engine clock now; null for the run's last bar (a report made afterwards)
     * @return the report's content
     * @throws IllegalArgumentException if the run does not exist or did not cover the day
     */
    public DailyReport load(long runId, LocalDate day, ZoneId zone, Instant generatedAt) {
        RunRecord run = journal.run(runId).orElseThrow(() -> new IllegalArgumentException("there is no run " + runId
                + " in the store (./quorum report --help lists how to choose one)"));
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant runStart = run.firstBar() != null ? run.firstBar() : run.from();
        if (!dayEnd.isAfter(runStart) || !dayStart.isBefore(run.to())) {
            throw new IllegalArgumentException("run " + runId + " covers " + runStart + " to " + run.to() + ", not " + day + " in " + zone);
        }
        Interval window = new Interval(dayStart, dayEnd);
        Interval period = new Interval(runStart.isBefore(dayStart) ? runStart : dayStart, dayEnd);
        JsonNode config = config(runId);
        Duration sampling = Timeframe.parse(config.path("engine").path("equityResolution").asText("1h")).duration();

        StoredRun stored = StoredRun.load(journal, runId, run.initialCash(), sampling);
        List<Holding> open = stored.openAt(dayEnd); // the day and the period end at the same moment
        Performance dayPerformance = stored.performance(window, zone, open);
        Performance periodPerformance = stored.performance(period, zone, open);
        List<Trade> today = stored.trades().stream().filter(t -> window.contains(StoredRun.closedAt(t)))
                .sorted(Comparator.comparing(Trade::exitTime).thenComparingLong(Trade::id)).toList();
        List<EquityPoint> curve = stored.curve().stream().filter(p -> !p.time().isAfter(dayEnd)).toList();

        List<PredictionRecords.HealthChange> health = new PredictionRecords(journal.database()).healthChanges(runId).stream()
                .filter(c -> !c.transition().time().isAfter(dayEnd)).toList();
        List<BotRow> bots = bots(runId, run, config, dayStart, dayEnd, dayPerformance, periodPerformance, health);
        List<PredictionRecords.HealthChange> healthToday = health.stream().filter(c -> c.transition().time().isAfter(dayStart)).toList();
        Instant at = generatedAt != null ? generatedAt : run.lastBar() != null ? run.lastBar() : dayEnd;
        return new DailyReport(run, day, zone, window, period, at, version(), sampling, dayPerformance, periodPerformance, today,
                bots, healthToday, curve, run.initialCash(), open, sections(day, zone, today, bots));
    }

    /**
     * @param health the run's health changes up to the day's end, in order
     */
    private List<BotRow> bots(long runId, RunRecord run, JsonNode config, Instant dayStart, Instant dayEnd, Performance today,
                              Performance toDate, List<PredictionRecords.HealthChange> health) {
        Map<String, String> healthAtEnd = new TreeMap<>();
        health.forEach(c -> healthAtEnd.put(c.bot(), c.transition().to().name()));
        boolean finished = "FINISHED".equals(run.status());
        // the run's last day: what is stored at its end holds then
        boolean lastDay = finished && run.lastBar() != null && !run.lastBar().isAfter(dayEnd);
        LearnerRecords learners = new LearnerRecords(journal.database());
        // the snapshot taken when the day's report was due (the first wake-up of the engine clock after the day), else on
        // the run's last day its weights at the end; else none is known (a run without learners, or without reports)
        Map<String, Double> weights = learners.meanWeightsAt(runId, dayEnd, dayEnd.plus(Duration.ofDays(1)));
        if (weights.isEmpty() && lastDay) {
            weights = LearnerRecords.meanOverSymbols(learners.weights(runId));
        }
        Map<String, String> strategies = new LinkedHashMap<>();
        for (JsonNode bot : config.path("bots")) {
            String strategy = bot.path("strategy").asText("");
            String name = bot.path("name").isTextual() ? bot.path("name").asText() : strategy;
            strategies.put(name, strategy);
        }
        Map<String, BotReport> reports = new TreeMap<>();
        for (BotReport r : journal.bots(runId)) {
            reports.put(r.bot(), r);
            strategies.putIfAbsent(r.bot(), r.strategy());
        }
        Map<String, SignalCount> signals = new TreeMap<>();
        for (SignalCount c : journal.signalCounts(runId, dayStart, dayEnd)) {
            signals.put(c.bot(), c);
            strategies.putIfAbsent(c.bot(), "");
        }
        toDate.breakdown().byBot().keySet().forEach(b -> strategies.putIfAbsent(b, ""));
        List<BotRow> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(strategies).entrySet()) {
            String bot = e.getKey();
            BotReport report = reports.get(bot);
            SignalCount count = signals.get(bot);
            String strategy = report != null ? report.strategy() : e.getValue();
            // suspended for its errors (stored when the run finished, without a time: shown on its last day), else its
            // health when the day ended
            String state = lastDay && report != null && report.suspended() ? "SUSPENDED (errors)" : healthAtEnd.getOrDefault(bot, "ACTIVE");
            rows.add(new BotRow(bot, strategy, count == null ? 0 : count.longs(), count == null ? 0 : count.shorts(),
                    today.breakdown().byBot().getOrDefault(bot, Group.EMPTY), toDate.breakdown().byBot().getOrDefault(bot, Group.EMPTY),
                    weights.getOrDefault(bot, Double.NaN), state, report == null ? 0 : report.errors()));
        }
        return rows;
    }

    private List<PluginSection> sections(LocalDate day, ZoneId zone, List<Trade> today, List<BotRow> bots) {
        List<PluginSection> out = new ArrayList<>();
        Map<String, String> strategies = new LinkedHashMap<>();
        bots.stream().filter(b -> !b.strategy().isEmpty()).forEach(b -> strategies.put(b.bot(), b.strategy()));
        ReportContext context = new ReportContext(day, zone, today, strategies);
        for (Registered<ReportSection> r : sections) {
            String title = r.info().name();
            try {
                List<ReportBlock> blocks = r.extension().render(context);
                if (blocks == null) {
                    throw new IllegalStateException("render() returned null instead of a list");
                }
                if (!blocks.isEmpty()) {
                    out.add(new PluginSection(r.pluginId(), title, blocks.stream().filter(java.util.Objects::nonNull).toList(), ""));
                }
            } catch (Throwable e) {
                PluginCalls.rethrowIfFatal(e);
                String error = PluginCalls.describe(e);
                pluginErrors.record(r.pluginId(), "report section '" + r.info().id() + "' for " + day, error);
                out.add(new PluginSection(r.pluginId(), title, List.of(), error));
            }
        }
        return out;
    }

    private JsonNode config(long runId) {
        try {
            return JSON.readTree(journal.configJson(runId).orElse("{}"));
        } catch (IOException e) {
            throw new UncheckedIOException("the configuration stored with run " + runId + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** @return the Quorum version this module was built as */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = DailyReportLoader.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }
}
