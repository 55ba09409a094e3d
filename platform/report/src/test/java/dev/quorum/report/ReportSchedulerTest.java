package dev.quorum.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.core.config.BotConfig;
import dev.quorum.core.config.ConfigLoader;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.engine.BacktestReport;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.engine.EngineClockListener;
import dev.quorum.core.engine.ProgressListener;
import dev.quorum.core.journal.RunJournal;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.report.ReportFolder;
import dev.quorum.core.schedule.CronSchedule;
import dev.quorum.core.store.Database;

/**
 * The schedule on the engine clock of real backtests (the shipped configuration on the embedded candles):
 * another time zone, a failing report retried at the next fire time, a writer that always fails, and a
 * day without trades.
 */
class ReportSchedulerTest {

    @TempDir
    static Path dir;

    private static Database db;
    private static PluginHost host;
    private static QuorumConfig config;
    private static BacktestReport plain;

    @BeforeAll
    static void start() throws Exception {
        config = watchingOnly(new ConfigLoader().load(ReportFixture.ROOT.resolve("config/quorum.yaml")));
        db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
        host = PluginHost.start(ReportFixture.install(dir.resolve("plugins"), "technical", "risk-basic", "risk-sizing", "risk-guards", "positions", "faulty-strategy"));
        plain = run(config, null);
    }

    @AfterAll
    static void close() {
        host.close();
        db.close();
    }

    private static BacktestReport run(QuorumConfig c, EngineClockListener clock) {
        return new BacktestRunner(db, host, ReportFixture.ROOT, Clock.systemUTC()).run(c, ProgressListener.NONE, "backtest", s -> s, clock);
    }

    /** @return the close time of the first stored 1-minute bar of the run's symbols that closes at or after {@code t} */
    private static Instant firstCloseAtOrAfter(Instant t) {
        String sql = "SELECT MIN(open_time) FROM candles WHERE timeframe = '1m' AND symbol IN ('BTC-USD', 'ETH-USD', 'LTC-USD')"
                + " AND open_time + 60000 >= ?";
        try (var c = db.connection(); var ps = c.prepareStatement(sql)) {
            ps.setLong(1, t.toEpochMilli());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return Instant.ofEpochMilli(rs.getLong(1) + 60_000);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Call(LocalDate day, Instant now) {
    }

    @Test
    void inBerlinTheDaysEndAt2200UtcAndEachReportComesAtTheFirstBarAfter0005LocalTime() {
        ZoneId berlin = ZoneId.of("Europe/Berlin"); // UTC+2 in April 2018
        List<Call> calls = new ArrayList<>();
        CronSchedule cron = CronSchedule.parse("5 0 * * *", berlin);
        BacktestReport r = run(config, new DailyReportScheduler((id, day, zone, now) -> {
            calls.add(new Call(day, now));
            return new DailyReports.Written(day, Path.of("x"), 0, 1, 0, Duration.ZERO, List.of());
        }, cron, w -> { }));
        assertEquals(List.of("2018-04-04", "2018-04-05", "2018-04-06", "2018-04-07"), calls.stream().map(c -> c.day().toString()).toList(),
                "the data runs from 02:00 on the 4th to 02:00 on the 7th, Berlin time");
        for (int i = 0; i < 3; i++) {
            Instant fire = calls.get(i).day().plusDays(1).atTime(0, 5).atZone(berlin).toInstant();
            Instant now = calls.get(i).now();
            assertEquals(firstCloseAtOrAfter(fire), now, calls.get(i) + ": at the first bar closing at or after " + fire);
        }
        assertEquals(r.result().lastBar(), calls.get(3).now(), "the last day when the run ends");
        assertEquals(plain.tradeLogSha256(), r.tradeLogSha256(), "reports do not change the trading");
    }

    @Test
    void aFailedReportIsRetriedAtTheNextFireTimeAndTradingGoesOn() {
        List<String> calls = new ArrayList<>();
        int[] attempts = {0};
        DailyReportScheduler scheduler = new DailyReportScheduler((id, day, zone, now) -> {
            calls.add(day + "@" + now);
            if (attempts[0]++ == 0) {
                throw new IOException("No space left on device (deliberate, test)");
            }
            return new DailyReports.Written(day, Path.of("x"), 0, 1, 0, Duration.ZERO, List.of());
        }, CronSchedule.parse("5 0 * * *", ZoneId.of("UTC")), w -> { });
        BacktestReport r = run(config, scheduler);
        assertEquals(List.of("2018-04-04@2018-04-05T00:05:00Z", "2018-04-04@2018-04-06T00:05:00Z", "2018-04-05@2018-04-06T00:05:00Z",
                "2018-04-06@" + r.result().lastBar()), calls);
        assertEquals(1, scheduler.failures());
        assertEquals(plain.tradeLogSha256(), r.tradeLogSha256());
    }

    @Test
    void aRunStoppedAndResumedWritesEachDayOnceAtTheEngineTimeOfAnUninterruptedRun() {
        CronSchedule cron = CronSchedule.parse("5 0 * * *", ZoneId.of("UTC"));
        List<String> whole = new ArrayList<>();
        BacktestReport uninterrupted = run(config, new DailyReportScheduler(recording(whole), cron, w -> { }));

        List<String> calls = new ArrayList<>();
        BacktestRunner runner = new BacktestRunner(db, host, ReportFixture.ROOT, Clock.systemUTC());
        BacktestReport stopped = runner.run(config, ProgressListener.NONE, "backtest", s -> s,
                new DailyReportScheduler(recording(calls), cron, w -> { }), dev.quorum.core.engine.RunStop.at(Instant.parse("2018-04-05T12:00:00Z")));
        assertTrue(stopped.result().stopped());
        assertEquals(List.of("2018-04-04@2018-04-05T00:05:00Z"), calls, "the first day only, before the stop");
        // a new process: a new scheduler, which learns from the replay which days are done
        BacktestReport resumed = runner.resume(stopped.runId(), config, ProgressListener.NONE, s -> s,
                new DailyReportScheduler(recording(calls), cron, w -> { }), dev.quorum.core.engine.RunStop.never());
        assertEquals(whole, calls);
        assertEquals(uninterrupted.tradeLogSha256(), resumed.tradeLogSha256());
    }

    private static DailyReportScheduler.DayWriter recording(List<String> calls) {
        return (id, day, zone, now) -> {
            calls.add(day + "@" + now);
            return new DailyReports.Written(day, Path.of("x"), 0, 1, 0, Duration.ZERO, List.of());
        };
    }

    @Test
    void aWriterThatAlwaysFailsNeverStopsTheRun() {
        DailyReportScheduler scheduler = new DailyReportScheduler((id, day, zone, now) -> {
            throw new IllegalStateException("broken (deliberate, test)");
        }, CronSchedule.parse("5 0 * * *", ZoneId.of("UTC")), w -> { });
        BacktestReport r = run(config, scheduler);
        assertEquals(plain.tradeLogSha256(), r.tradeLogSha256());
        assertEquals(3, scheduler.failures(), "tried at 00:05 on the 5th and 6th, and at the end");
    }

    @Test
    void aDayWithoutTradesStillGivesAValidHonestReport() throws Exception {
        // RSI at its most extreme thresholds, alone: it trades on few days
        QuorumConfig quiet = config.withBots(List.of(new BotConfig(null, "rsi-reversion", Map.of("oversold", 1, "overbought", 99))));
        ReportFolder folder = new ReportFolder(dir.resolve("quiet-reports"));
        DailyReports reports = new DailyReports(new DailyReportLoader(new RunJournal(db, Clock.systemUTC()), host.reportSections(), host),
                folder, 0);
        BacktestReport r = run(quiet, null);
        LocalDate day = LocalDate.parse("2018-04-04");
        while (day.isBefore(LocalDate.parse("2018-04-07")) && hasTrades(r, day)) {
            day = day.plusDays(1);
        }
        assertTrue(day.isBefore(LocalDate.parse("2018-04-07")), "the premise: a day without trades, in " + r.trades());
        DailyReports.Written w = reports.write(r.runId(), day, ZoneId.of("UTC"), null);
        assertEquals(0, w.trades());
        String text = ReportFixture.text(w.file());
        assertTrue(DailyReportTest.loosely(text, "No trades closed on this day."), text);
        assertTrue(DailyReportTest.loosely(text, "No trades on this day."), text);
        assertTrue(text.contains("n/a"), "undefined ratios print as n/a");
        assertTrue(Files.size(w.file()) > 1000);
        assertEquals(List.of(), ReportFixture.fontsNotEmbedded(w.file()));
    }

    private static boolean hasTrades(BacktestReport r, LocalDate day) {
        return r.trades().stream().anyMatch(t -> t.exitTime().atZone(ZoneId.of("UTC")).toLocalDate().equals(day)
                || t.entryTime().atZone(ZoneId.of("UTC")).toLocalDate().equals(day));
    }

    @Test
    void aPluginSectionThatThrowsIsLeftOutWithItsErrorAndCountedAgainstThePlugin() throws Exception {
        ReportFolder folder = new ReportFolder(dir.resolve("faulty-reports"));
        int before = host.errorCounts().getOrDefault("fixture-faulty-strategy", 0);
        DailyReports reports = new DailyReports(new DailyReportLoader(new RunJournal(db, Clock.systemUTC()), host.reportSections(), host),
                folder, 0);
        DailyReports.Written w = reports.write(plain.runId(), LocalDate.parse("2018-04-05"), ZoneId.of("UTC"), null);
        String text = ReportFixture.text(w.file());
        assertTrue(DailyReportTest.loosely(text, "Broken section (plugin fixture-faulty-strategy)"), text);
        assertTrue(DailyReportTest.loosely(text, "This section failed and is left out: IllegalStateException: fixture: deliberate report failure for 2018-04-05"),
                text);
        assertTrue(DailyReportTest.loosely(text, "Technical strategies on the day (plugin technical)"), "the other sections are there");
        assertEquals(before + 1, host.errorCounts().get("fixture-faulty-strategy"));
    }

    /** The shipped configuration without its learners and health rules: this test is about something else. */
    private static dev.quorum.core.config.QuorumConfig watchingOnly(dev.quorum.core.config.QuorumConfig config) {
        return config.withLearning(config.learning().watchingOnly());
    }
}
