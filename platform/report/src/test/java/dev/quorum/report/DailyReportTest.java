package dev.quorum.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.core.analytics.Performance;
import dev.quorum.core.config.ConfigLoader;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.engine.BacktestReport;
import dev.quorum.core.engine.BacktestRunner;
import dev.quorum.core.engine.ProgressListener;
import dev.quorum.core.journal.RunJournal;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.report.ReportFolder;
import dev.quorum.core.schedule.CronSchedule;
import dev.quorum.core.store.Database;

/**
 * The shipped configuration's backtest on the embedded candles (BTC, ETH, LTC, 2018-04-04..06) with the daily
 * reports scheduled on its engine clock; the PDFs read back with PDFBox and checked against the store.
 */
class DailyReportTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    /** A trade's day, written out in SQL: its exit time in [start, end), except the END_OF_DATA close, stamped
     *  with the last bar's close time, which belongs to the day that bar ends: (start, end]. */
    private static final String ON_THE_DAY = "((exit_reason <> 'END_OF_DATA' AND exit_time >= ? AND exit_time < ?)"
            + " OR (exit_reason = 'END_OF_DATA' AND exit_time > ? AND exit_time <= ?))";

    @TempDir
    static Path dir;

    private static Database db;
    private static PluginHost host;
    private static BacktestReport run;
    private static ReportFolder folder;
    private static final List<String> fired = new ArrayList<>();

    @BeforeAll
    static void backtestWithScheduledReports() throws Exception {
        QuorumConfig config = watchingOnly(new ConfigLoader().load(ReportFixture.ROOT.resolve("config/quorum.yaml")));
        db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
        host = PluginHost.start(ReportFixture.install(dir.resolve("plugins"), "technical", "risk-basic", "risk-sizing", "risk-guards", "positions"));
        folder = new ReportFolder(dir.resolve("reports"));
        RunJournal journal = new RunJournal(db, Clock.systemUTC());
        DailyReports reports = new DailyReports(new DailyReportLoader(journal, host.reportSections(), host), folder, 0);
        DailyReportScheduler scheduler = new DailyReportScheduler((id, day, zone, now) -> {
            fired.add(day + "@" + now);
            return reports.write(id, day, zone, now);
        }, CronSchedule.parse("5 0 * * *", UTC), w -> { });
        run = new BacktestRunner(db, host, ReportFixture.ROOT, Clock.systemUTC())
                .run(config, ProgressListener.NONE, "backtest", s -> s, scheduler);
    }

    @AfterAll
    static void close() {
        host.close();
        db.close();
    }

    @Test
    void eachDayIsReportedAtFiveMinutesPastMidnightOfTheEngineClockAndTheLastOneWhenTheRunEnds() throws Exception {
        assertEquals(List.of("2018-04-04@2018-04-05T00:05:00Z", "2018-04-05@2018-04-06T00:05:00Z",
                "2018-04-06@" + run.result().lastBar()), fired);
        assertEquals(List.of(LocalDate.parse("2018-04-06"), LocalDate.parse("2018-04-05"), LocalDate.parse("2018-04-04")),
                folder.list().stream().map(r -> r.day()).toList());
    }

    @Test
    void thePrintedFiguresAreTheMetricsModulesAndTheTradeCountIsTheStores() throws Exception {
        RunJournal journal = new RunJournal(db, Clock.systemUTC());
        for (LocalDate day = LocalDate.parse("2018-04-04"); !day.isAfter(LocalDate.parse("2018-04-06")); day = day.plusDays(1)) {
            DailyReport expected = new DailyReportLoader(journal, host.reportSections(), host).load(run.runId(), day, UTC, null);
            String text = ReportFixture.text(folder.fileFor(day));
            Performance d = expected.today();
            Performance p = expected.toDate();
            assertTrue(text.contains("Quorum daily report \u2014 " + day + " (UTC)"), text.substring(0, 200));
            assertRow(text, "Net PnL", Figures.money(d.trades().netPnl()), Figures.money(p.trades().netPnl()));
            assertRow(text, "Win rate", Figures.percent(d.trades().winRate()), Figures.percent(p.trades().winRate()));
            assertRow(text, "Profit factor", Figures.ratio(d.trades().profitFactor()), Figures.ratio(p.trades().profitFactor()));
            assertRow(text, "Fees paid", Figures.money(d.trades().fees()), Figures.money(p.trades().fees()));
            assertRow(text, "Max drawdown", Figures.percent(d.equity().maxDrawdown().depth()), Figures.percent(p.equity().maxDrawdown().depth()));
            assertRow(text, "Sharpe (annualised)", Figures.ratio(d.equity().sharpe()), Figures.ratio(p.equity().sharpe()));
            assertRow(text, "End equity", Figures.money(d.equity().endEquity()), Figures.money(p.equity().endEquity()));

            int stored = countTrades(run.runId(), day);
            assertEquals(stored, d.trades().trades(), "trades closed on " + day);
            assertRow(text, "Trades", Integer.toString(stored), Integer.toString(p.trades().trades()));
            assertTrue(loosely(text, "Trades closed on " + day + " (" + stored + ")"), "the trade list's title on " + day);
            // every one of the day's trades is listed, with its PnL
            for (var t : expected.trades()) {
                assertTrue(text.contains(Figures.money(t.pnl())), "trade " + t.id() + " on " + day);
            }
            assertTrue(loosely(text, "Technical strategies on the day (plugin technical)"), "the technical plugin's section");
            assertTrue(loosely(text, "Cumulative PnL of the day's trades"), "the technical plugin's chart title");
        }
    }

    @Test
    void theFiguresAgreeWithAnIndependentComputationFromTheStoredRows() throws Exception {
        LocalDate day = LocalDate.parse("2018-04-05");
        Instant from = day.atStartOfDay(UTC).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(UTC).toInstant();
        DailyReport report = new DailyReportLoader(new RunJournal(db, Clock.systemUTC()), List.of(), host).load(run.runId(), day, UTC, null);

        // trades closed on the day, straight from SQL
        double net = 0;
        double fees = 0;
        double profit = 0;
        double loss = 0;
        int n = 0;
        int wins = 0;
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT pnl, fees FROM trades WHERE run_id = ? AND " + ON_THE_DAY)) {
            ps.setLong(1, run.runId());
            bindDay(ps, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double pnl = rs.getDouble(1);
                    n++;
                    net += pnl;
                    fees += rs.getDouble(2);
                    if (pnl > 0) {
                        wins++;
                        profit += pnl;
                    } else if (pnl < 0) {
                        loss -= pnl;
                    }
                }
            }
        }
        assertTrue(n > 0, "the middle day has trades");
        var t = report.today().trades();
        assertEquals(n, t.trades());
        assertEquals(wins, t.wins());
        assertEquals(net, t.netPnl(), 1e-9);
        assertEquals(fees, t.fees(), 1e-9);
        assertEquals(profit / loss, t.profitFactor(), 1e-12);

        // the day's equity: the last point at or before midnight, then the points up to the next midnight
        double start = run.result().finalEquity(); // placeholder, replaced below
        List<Double> curve = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT time, equity FROM equity_curve WHERE run_id = ? AND time <= ? ORDER BY time")) {
            ps.setLong(1, run.runId());
            ps.setLong(2, to.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                start = 10_000;
                while (rs.next()) {
                    if (rs.getLong(1) <= from.toEpochMilli()) {
                        start = rs.getDouble(2);
                    } else {
                        curve.add(rs.getDouble(2));
                    }
                }
            }
        }
        double peak = start;
        double maxDd = 0;
        for (double v : curve) {
            peak = Math.max(peak, v);
            maxDd = Math.max(maxDd, (peak - v) / peak);
        }
        var e = report.today().equity();
        assertEquals(start, e.startEquity(), 1e-9);
        assertEquals(curve.get(curve.size() - 1), e.endEquity(), 1e-9);
        assertEquals(maxDd, e.maxDrawdown().depth(), 1e-12);
        double mean = 0;
        double[] r = new double[curve.size()];
        double prev = start;
        for (int i = 0; i < r.length; i++) {
            r[i] = curve.get(i) / prev - 1;
            prev = curve.get(i);
            mean += r[i];
        }
        mean /= r.length;
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        assertEquals(mean / Math.sqrt(ss / (r.length - 1)) * Math.sqrt(365.25 * 24), e.sharpe(), 1e-9);
    }

    @Test
    void fontsAreEmbeddedAndEveryPageRendersToAPng() throws Exception {
        Path pdf = folder.fileFor(LocalDate.parse("2018-04-05"));
        assertEquals(List.of(), ReportFixture.fontsNotEmbedded(pdf));
        List<Path> pngs = ReportFixture.renderPages(pdf, "2018-04-05");
        assertEquals(ReportFixture.pages(pdf), pngs.size());
        for (Path png : pngs) {
            assertTrue(Files.size(png) > 10_000, png + " has content");
        }
        assertTrue(Files.size(pdf) < 2_000_000, "under 2 MB: " + Files.size(pdf));
    }

    @Test
    void aDayOutsideTheRunOrAnUnknownRunIsRefusedWithTheReason() {
        DailyReports reports = new DailyReports(new DailyReportLoader(new RunJournal(db, Clock.systemUTC()), List.of(), host), folder, 0);
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> reports.write(run.runId(), LocalDate.parse("2019-01-01"), UTC, null));
        assertTrue(outside.getMessage().contains("run " + run.runId() + " covers 2018-04-04T00:00:00Z"), outside.getMessage());
        assertTrue(outside.getMessage().contains("not 2019-01-01"), outside.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> reports.write(9999, LocalDate.parse("2018-04-05"), UTC, null));
        assertTrue(unknown.getMessage().contains("there is no run 9999"), unknown.getMessage());
        assertFalse(Files.exists(folder.fileFor(LocalDate.parse("2019-01-01"))));
    }

    /** Whether the text contains the phrase, ignoring spaces (PDFBox may split a kerned pair such as "Tr" with one). */
    static boolean loosely(String text, String phrase) {
        return text.replace(" ", "").contains(phrase.replace(" ", ""));
    }

    private static void assertRow(String text, String label, String day, String period) {
        String row = text.lines().filter(l -> l.startsWith(label + " ") || l.contains(" " + label + " ")).filter(l -> l.contains(day)
                && l.contains(period)).findFirst().orElse(null);
        assertTrue(row != null, "a line with '" + label + "' showing " + day + " (day) and " + period + " (period):\n"
                + text.lines().filter(l -> l.contains(label)).toList());
    }

    private static void bindDay(PreparedStatement ps, Instant start, Instant end) throws java.sql.SQLException {
        ps.setLong(2, start.toEpochMilli());
        ps.setLong(3, end.toEpochMilli());
        ps.setLong(4, start.toEpochMilli());
        ps.setLong(5, end.toEpochMilli());
    }

    private static int countTrades(long runId, LocalDate day) throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM trades WHERE run_id = ? AND " + ON_THE_DAY)) {
            ps.setLong(1, runId);
            bindDay(ps, day.atStartOfDay(UTC).toInstant(), day.plusDays(1).atStartOfDay(UTC).toInstant());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The shipped configuration without its learners and health rules: this test is about something else. */
    private static dev.quorum.core.config.QuorumConfig watchingOnly(dev.quorum.core.config.QuorumConfig config) {
        return config.withLearning(config.learning().watchingOnly());
    }
}
