package dev.quorum.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.core.config.ConfigLoader;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.engine.BacktestReport;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.engine.ProgressListener;
import dev.quorum.core.journal.LearnerRecords;
import dev.quorum.core.journal.PredictionRecords;
import dev.quorum.core.journal.RunJournal;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.report.ReportFolder;
import dev.quorum.core.schedule.CronSchedule;
import dev.quorum.core.store.Database;

/**
 * The shipped configuration as it is (the learning ensemble, strategy health) with daily reports: each day's report shows
 * each bot's weight as the learners had set it when the day ended and its health then, and lists the day's health changes
 * with their reasons, all as stored.
 */
class LearningReportTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @TempDir
    static Path dir;

    private static Database db;
    private static PluginHost host;
    private static BacktestReport run;
    private static ReportFolder folder;

    @BeforeAll
    static void backtestWithScheduledReports() throws Exception {
        QuorumConfig config = new ConfigLoader().load(ReportFixture.ROOT.resolve("config/quorum.yaml"));
        db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
        host = PluginHost.start(ReportFixture.install(dir.resolve("plugins"), "technical", "risk-basic", "risk-sizing", "risk-guards",
                "positions", "learners", "win-probability"));
        folder = new ReportFolder(dir.resolve("reports"));
        DailyReports reports = new DailyReports(new DailyReportLoader(new RunJournal(db, Clock.systemUTC()), host.reportSections(), host),
                folder, 0);
        DailyReportScheduler scheduler = new DailyReportScheduler((id, day, zone, now) -> reports.write(id, day, zone, now),
                CronSchedule.parse("5 0 * * *", UTC), w -> { });
        run = new BacktestRunner(db, host, ReportFixture.ROOT, Clock.systemUTC()).run(config, ProgressListener.NONE, "backtest", s -> s, scheduler);
    }

    @AfterAll
    static void close() {
        host.close();
        db.close();
    }

    @Test
    void eachDaysReportShowsTheWeightsTheLearnersHadWhenItEndedAndTheBotsHealthThen() throws Exception {
        LearnerRecords learners = new LearnerRecords(db);
        List<PredictionRecords.HealthChange> changes = new PredictionRecords(db).healthChanges(run.runId());
        assertFalse(changes.isEmpty(), "bots change health on these days with the shipped rules");
        boolean weightsMoved = false;
        for (LocalDate day = LocalDate.parse("2018-04-04"); !day.isAfter(LocalDate.parse("2018-04-06")); day = day.plusDays(1)) {
            Instant end = day.plusDays(1).atStartOfDay(UTC).toInstant();
            DailyReport report = new DailyReportLoader(new RunJournal(db, Clock.systemUTC()), List.of(), host).load(run.runId(), day, UTC, null);
            Map<String, Double> weights = learners.meanWeightsAt(run.runId(), end, end.plus(java.time.Duration.ofDays(1)));
            if (day.equals(LocalDate.parse("2018-04-06"))) {
                assertTrue(weights.isEmpty(), "no wake-up after the last day: its report shows the weights at the run's end");
                weights = LearnerRecords.meanOverSymbols(learners.weights(run.runId()));
            }
            assertEquals(4, weights.size(), day + ": a weight per bot");
            String text = ReportFixture.text(folder.fileFor(day));
            for (BotRow b : report.bots()) {
                assertEquals(weights.get(b.bot()), b.weight(), 1e-12, day + " " + b.bot());
                weightsMoved |= Math.abs(b.weight() - 1) > 1e-9;
                String expected = changes.stream().filter(c -> c.bot().equals(b.bot()) && !c.transition().time().isAfter(end))
                        .reduce((a, c) -> c).map(c -> c.transition().to().name()).orElse("ACTIVE");
                assertEquals(expected, b.state(), day + " " + b.bot());
                // the bot's row in the PDF: its name, then (further along the line) its weight and its state
                String row = text.lines().map(String::strip).filter(l -> l.startsWith(b.bot() + " ")).findFirst().orElseThrow(() -> new AssertionError(b.bot() + " in\n" + text));
                assertTrue(row.contains(Figures.ratio(b.weight())) && row.endsWith(expected), day + ": " + row);
            }
            Instant start = day.atStartOfDay(UTC).toInstant();
            List<PredictionRecords.HealthChange> today = changes.stream()
                    .filter(c -> c.transition().time().isAfter(start) && !c.transition().time().isAfter(end)).toList();
            assertEquals(today, report.healthChanges());
            if (today.isEmpty()) {
                assertTrue(text.contains("No bot's health changed on the day."), day.toString());
            } else {
                assertTrue(text.replaceAll("\\s+", "").contains("Bothealthchangesontheday"), day + ":\n" + text);
                for (PredictionRecords.HealthChange c : today) {
                    String reasonStart = c.transition().reason().substring(0, Math.min(30, c.transition().reason().length()));
                    assertTrue(text.replaceAll("\\s+", " ").contains(reasonStart), day + ": the reason of " + c + " in\n" + text);
                }
            }
        }
        assertTrue(weightsMoved, "the learners moved some weight away from 1 during the run");
        // independently, as the README's backtest summary shows them: suspended on 2018-04-04 at 16:23 (bollinger,
        // ema-crossover) and on 2018-04-05 at 18:20 (macd-cross), for 7 days
        Map<String, List<String>> states = Map.of("2018-04-04", List.of("SUSPENDED", "SUSPENDED", "ACTIVE", "ACTIVE"),
                "2018-04-05", List.of("SUSPENDED", "SUSPENDED", "SUSPENDED", "ACTIVE"));
        states.forEach((day, expected) -> assertEquals(expected, new DailyReportLoader(new RunJournal(db, Clock.systemUTC()), List.of(), host)
                .load(run.runId(), LocalDate.parse(day), UTC, null).bots().stream().map(BotRow::state).toList(), day));
        // independently: the first day's weights are the snapshot taken at the wake-up that wrote its report (00:05)
        try (var c = db.connection(); var ps = c.prepareStatement("SELECT bot, AVG(weight) FROM bot_weight_snapshots WHERE run_id = ?"
                + " AND time = ? GROUP BY bot")) {
            ps.setLong(1, run.runId());
            ps.setLong(2, Instant.parse("2018-04-05T00:05:00Z").toEpochMilli());
            try (var rs = ps.executeQuery()) {
                int bots = 0;
                while (rs.next()) {
                    bots++;
                    String bot = rs.getString(1);
                    assertEquals(rs.getDouble(2), new DailyReportLoader(new RunJournal(db, Clock.systemUTC()), List.of(), host)
                            .load(run.runId(), LocalDate.parse("2018-04-04"), UTC, null).bots().stream().filter(b -> b.bot().equals(bot))
                            .findFirst().orElseThrow().weight(), 1e-12, bot);
                }
                assertEquals(4, bots);
            }
        }
    }
}
