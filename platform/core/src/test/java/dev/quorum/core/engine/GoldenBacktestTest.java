package dev.quorum.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.api.ExitReason;
import dev.quorum.api.Timeframe;
import dev.quorum.api.Trade;
import dev.quorum.core.TestPlugins;
import dev.quorum.core.analytics.EquityStats;
import dev.quorum.core.analytics.TradeStats;
import dev.quorum.core.config.BotConfig;
import dev.quorum.core.config.BrokerConfig;
import dev.quorum.core.config.DataConfig;
import dev.quorum.core.config.EngineConfig;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.config.RiskConfig;
import dev.quorum.core.config.StorageConfig;
import dev.quorum.core.data.CsvBarImporter;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.store.Database;

/**
 * A five-bar backtest whose every figure is worked out by hand below, run through the whole
 * product: CSV import into H2, real plugin zips loaded by PF4J (the always-long fixture bot and the
 * bundled fixed-fraction risk module), the engine, the journal, and the summary read back from H2.
 *
 * <pre>
 * bar  time   open   high   low    close
 * b0   00:00  100    101    99     100     bot votes LONG (share 1.0 ≥ 0.6): intent at all free equity,
 *                                          fixed-fraction 0.5 shrinks it to 10000·0.5/100 = 50; SL 98, TP 104
 * b1   00:01  101    102    100.5  101.5   buy 50 @ 101 (open), fee 5.05; SL/TP untouched
 * b2   00:02  101.5  105    101    104.5   high 105 ≥ TP 104 → sell 50 @ 104, fee 5.20: T1 = 3·50 − 10.25 = +139.75
 *                                          flat again, LONG again: q2 = 10139.75·0.5/104.5; SL 102.41, TP 108.68
 * b3   00:03  104    104.2  102    102.5   buy q2 @ 104; low 102 ≤ SL 102.41 → sell q2 @ 102.41: T2 < 0
 *                                          LONG again: q3 = e3·0.5/102.5 (e3 = 10139.75 + T2); SL 100.45, TP 106.6
 * b4   00:04  102.5  103    102    102.8   buy q3 @ 102.5; data ends → sell q3 @ 102.8 (END_OF_DATA): T3 > 0
 * </pre>
 */
class GoldenBacktestTest {

    private static final double FEE = 0.001;

    @TempDir
    Path dir;

    @Test
    void everyFigureMatchesTheHandComputation() throws Exception {
        Path csv = dir.resolve("test.csv");
        Files.writeString(csv, """
                timestamp,open,high,low,close,volume
                2020-01-01T00:00:00Z,100,101,99,100,10
                2020-01-01T00:01:00Z,101,102,100.5,101.5,10
                2020-01-01T00:02:00Z,101.5,105,101,104.5,10
                2020-01-01T00:03:00Z,104,104.2,102,102.5,10
                2020-01-01T00:04:00Z,102.5,103,102,102.8,10
                """);
        Path plugins = TestPlugins.install(dir.resolve("plugins"), "faulty-strategy", "risk-basic");
        QuorumConfig config = new QuorumConfig(
                new DataConfig(List.of("TEST"), "1m", "2020-01-01", "2020-01-01", "unused"),
                new EngineConfig(10_000.0, 0.6, true, 5, 100, 0.02, 0.04), new BrokerConfig(FEE, FEE, null), StorageConfig.defaults(),
                List.of(new BotConfig("always", "fixture-always-long", Map.of("confidence", 1.0))),
                List.of(new RiskConfig(null, "fixed-fraction", Map.of("fraction", 0.5))));

        try (Database db = Database.open(Database.fileUrl(dir.resolve("db/quorum")));
             PluginHost host = PluginHost.start(plugins)) {
            new CsvBarImporter(db, Clock.systemUTC()).importCsv(csv, "TEST", Timeframe.M1);
            BacktestReport report = new BacktestRunner(db, host, dir, Clock.systemUTC()).run(config, ProgressListener.NONE);

            double t1 = (104 - 101) * 50 - 50 * 101 * FEE - 50 * 104 * FEE;
            double q2 = (10_000 + t1) * 0.5 / 104.5;
            double t2 = (102.41 - 104) * q2 - q2 * 104 * FEE - q2 * 102.41 * FEE;
            double e3 = 10_000 + t1 + t2;
            double q3 = e3 * 0.5 / 102.5;
            double t3 = (102.8 - 102.5) * q3 - q3 * 102.5 * FEE - q3 * 102.8 * FEE;
            assertEquals(139.75, t1, 1e-9);

            List<Trade> trades = report.trades();
            assertEquals(3, trades.size());
            check(trades.get(0), 50, 101, 104, ExitReason.TAKE_PROFIT, t1, "2020-01-01T00:01:00Z", "2020-01-01T00:03:00Z");
            check(trades.get(1), q2, 104, 102.41, ExitReason.STOP_LOSS, t2, "2020-01-01T00:03:00Z", "2020-01-01T00:04:00Z");
            check(trades.get(2), q3, 102.5, 102.8, ExitReason.END_OF_DATA, t3, "2020-01-01T00:04:00Z", "2020-01-01T00:05:00Z");
            assertEquals(List.of("always"), trades.get(0).bots());

            TradeStats s = report.performance().trades();
            assertEquals(3, s.trades());
            assertEquals(2, s.wins());
            assertEquals(2.0 / 3, s.winRate(), 1e-12);
            assertEquals((t1 + t3) / -t2, s.profitFactor(), 1e-9);
            assertEquals(t1 + t2 + t3, s.netPnl(), 1e-9);
            assertEquals((t1 + t2 + t3) / 3, s.expectancy(), 1e-9);
            assertEquals(3, report.performance().trades().exits().values().stream().mapToInt(x -> x.trades()).sum());
            EquityStats e = report.performance().equity();
            assertEquals((t1 + t2 + t3) / 10_000, e.returnOnEquity(), 1e-12);
            // five minutes inside one hour: the 1h equity curve has only its final point, so one return, no
            // drawdown below the start and no Sharpe ratio (the metrics module's own tests cover those)
            assertEquals(1, e.intervals());
            assertTrue(Double.isNaN(e.sharpe()));
            assertEquals(240.0 / 300, e.exposure(), 1e-12, "positions open 00:01..00:05 of 00:00..00:05");
            assertEquals(10_000 + t1 + t2 + t3, report.result().finalEquity(), 1e-6);

            try (Connection c = db.connection(); Statement st = c.createStatement()) {
                assertEquals(6, count(st, "SELECT COUNT(*) FROM fills WHERE run_id = " + report.runId()));
                assertEquals(3, count(st, "SELECT COUNT(*) FROM trades WHERE run_id = " + report.runId()));
                assertEquals(1, count(st, "SELECT COUNT(*) FROM equity_curve WHERE run_id = " + report.runId()),
                        "five minutes inside one hour: the default 1h resolution stores only the final point");
            }
            var curve = new dev.quorum.core.journal.RunJournal(db, Clock.systemUTC()).equityCurve(report.runId());
            assertEquals(Instant.parse("2020-01-01T00:05:00Z"), curve.get(0).time());
            assertEquals(10_000 + t1 + t2 + t3, curve.get(0).equity(), 1e-6);
            assertEquals(curve.get(0).equity(), curve.get(0).cash(), 1e-9, "flat after the end-of-data exit");
            assertEquals(0, curve.get(0).exposure());
            try (Connection c = db.connection(); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT risk_notes FROM trades WHERE run_id = " + report.runId() + " AND id = 1")) {
                    rs.next();
                    assertTrue(rs.getString(1).startsWith("fixed-fraction RESIZE"), rs.getString(1));
                }
            }
        }
    }

    private static void check(Trade t, double quantity, double entry, double exit, ExitReason reason, double pnl,
                              String entryTime, String exitTime) {
        assertEquals(quantity, t.quantity(), 1e-9);
        assertEquals(entry, t.entryPrice(), 1e-9);
        assertEquals(exit, t.exitPrice(), 1e-9);
        assertEquals(reason, t.exitReason());
        assertEquals(pnl, t.pnl(), 1e-9);
        assertEquals(Instant.parse(entryTime), t.entryTime());
        assertEquals(Instant.parse(exitTime), t.exitTime());
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
