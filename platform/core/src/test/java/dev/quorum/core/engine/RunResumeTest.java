package dev.quorum.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.core.TestPlugins;
import dev.quorum.core.config.ConfigLoader;
import dev.quorum.core.config.QuorumConfig;
import dev.quorum.core.journal.RunJournal;
import dev.quorum.core.journal.RunRecord;
import dev.quorum.core.plugin.PluginHost;
import dev.quorum.core.store.Database;

/**
 * Stop a run part-way, restart the process (a new plugin host, the database closed and opened again), resume it: the
 * run carries on exactly as an uninterrupted one, with the shipped configuration (the full learning ensemble, strategy
 * health, the risk chain and the position manager) on the embedded real candles. Every stored table of the run is
 * compared, not only the trades.
 */
class RunResumeTest {

    private static final Path ROOT = TestPlugins.dataDir().resolve("../..").normalize();
    private static final String[] PLUGINS = {"technical", "risk-basic", "risk-sizing", "risk-guards", "positions", "learners",
            "win-probability"};
    // what is compared between two runs, one query per table, in a stable order and without the run id
    private static final List<String> TABLES = List.of(
            "SELECT id, symbol, direction, quantity, entry_time, entry_price, exit_time, exit_price, fees, pnl, exit_reason, bots,"
                    + " risk_notes, exit_notes, hedge FROM trades WHERE run_id = ? ORDER BY id",
            "SELECT seq, order_id, symbol, side, quantity, price, fee, fill_time FROM fills WHERE run_id = ? ORDER BY seq",
            "SELECT time, equity, cash, exposure FROM equity_curve WHERE run_id = ? ORDER BY time",
            "SELECT bot, time, longs, shorts FROM signal_counts WHERE run_id = ? ORDER BY time, bot",
            "SELECT decision, step, time, symbol, module, verdict, qty_before, qty_after, reason FROM risk_steps WHERE run_id = ?"
                    + " ORDER BY decision, step",
            "SELECT seq, bot, time, from_state, to_state, reason FROM bot_health WHERE run_id = ? ORDER BY seq",
            "SELECT id, bot, symbol, time, direction, confidence, price FROM predictions WHERE run_id = ? ORDER BY id",
            "SELECT prediction_id, horizon_minutes, time, move, hit FROM prediction_outcomes WHERE run_id = ?"
                    + " ORDER BY prediction_id, horizon_minutes",
            "SELECT bot, symbol, weight FROM bot_weights WHERE run_id = ? ORDER BY bot, symbol",
            "SELECT time, bot, symbol, weight FROM bot_weight_snapshots WHERE run_id = ? ORDER BY time, bot, symbol",
            "SELECT learner, bot, figure, figure_value FROM learner_figures WHERE run_id = ? ORDER BY learner, bot, figure",
            "SELECT bot, strategy, plugin_id, signals, errors, suspended FROM bot_reports WHERE run_id = ? ORDER BY bot",
            "SELECT plugin_id, errors FROM plugin_errors WHERE run_id = ? ORDER BY plugin_id");

    @TempDir
    static Path dir;

    private static QuorumConfig shipped;
    private static Path plugins;
    private static BacktestReport uninterrupted;
    private static List<List<String>> uninterruptedRows;
    private static final List<String> uninterruptedWakeUps = new ArrayList<>();

    /**
     * Work on the engine clock, as the daily reports schedule it: woken at the first bar, then at 00:05 UTC each day;
     * records each wake-up, and each one a resumed run replays.
     */
    private record DailyWakeUps(List<String> calls) implements EngineClockListener {
        DailyWakeUps(List<String> calls) {
            this.calls = calls;
        }

        private static Instant next(Instant now) {
            Instant fire = now.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plusSeconds(300);
            return fire.isAfter(now) ? fire : fire.plus(java.time.Duration.ofDays(1));
        }

        @Override
        public Instant nextWakeUp() {
            return calls.isEmpty() ? Instant.MIN : next(Instant.parse(calls.get(calls.size() - 1).replaceFirst("^\\w+@", "")));
        }

        @Override
        public void onClock(long runId, Instant now) {
            calls.add("woken@" + now);
        }

        @Override
        public void onClockReplayed(long runId, Instant now) {
            calls.add("replayed@" + now);
        }
    }

    @BeforeAll
    static void runUninterrupted() throws Exception {
        shipped = new ConfigLoader().load(ROOT.resolve("config/quorum.yaml"));
        plugins = TestPlugins.install(dir.resolve("plugins"), PLUGINS);
        try (Database db = open(); PluginHost host = PluginHost.start(plugins)) {
            uninterrupted = runner(db, host).run(shipped, ProgressListener.NONE, "backtest", s -> s, new DailyWakeUps(uninterruptedWakeUps));
            uninterruptedRows = rows(db, uninterrupted.runId());
        }
    }

    @AfterAll
    static void nothingLeftRunning() throws Exception {
        try (Database db = open()) {
            for (RunRecord r : new RunJournal(db, Clock.systemUTC()).runs()) {
                assertFalse("RUNNING".equals(r.status()), "run " + r.id() + " left RUNNING");
            }
        }
    }

    private static Database open() {
        return Database.open(Database.fileUrl(dir.resolve("db/quorum")));
    }

    private static BacktestRunner runner(Database db, PluginHost host) {
        return new BacktestRunner(db, host, ROOT, Clock.systemUTC());
    }

    @Test
    void aRunStoppedTwiceAndResumedInNewProcessesEndsExactlyAsAnUninterruptedOne() throws Exception {
        assertTrue(uninterrupted.trades().size() >= 20, "enough trades to cut through: " + uninterrupted.trades().size());
        // the first stop falls on the engine clock's wake-up at 00:05, before the bar that would have woken it
        Instant firstStop = Instant.parse("2018-04-05T00:05:00Z");
        Instant secondStop = Instant.parse("2018-04-05T13:07:00Z");
        List<String> wakeUps = new ArrayList<>();
        long runId;
        try (Database db = open(); PluginHost host = PluginHost.start(plugins)) {
            BacktestReport stopped = runner(db, host).run(shipped, ProgressListener.NONE, "backtest", s -> s, new DailyWakeUps(wakeUps),
                    RunStop.at(firstStop));
            runId = stopped.runId();
            assertTrue(stopped.result().stopped());
            assertEquals(firstStop, stopped.result().stoppedAt());
            RunRecord record = new RunJournal(db, Clock.systemUTC()).run(runId).orElseThrow();
            assertEquals("STOPPED", record.status());
            assertEquals(stopped.result().stoppedAt(), record.stoppedAt());
            // what it stored so far is what the uninterrupted run stored for the trades closed by then
            List<dev.quorum.api.Trade> before = uninterrupted.trades().stream().filter(t -> !t.exitTime().isAfter(firstStop)).toList();
            assertFalse(before.isEmpty());
            assertTrue(before.size() < uninterrupted.trades().size());
            assertEquals(before, stopped.trades());
            assertEquals(0, count(db, "SELECT COUNT(*) FROM learner_state WHERE scope = 'run-" + runId + "'"),
                    "a stopped run saves no learner state: resuming rebuilds it from the start");
        }
        assertEquals(uninterruptedWakeUps.stream().filter(c -> Instant.parse(c.substring(c.indexOf('@') + 1)).isBefore(firstStop)).toList(),
                wakeUps);
        assertTrue(uninterruptedWakeUps.contains("woken@2018-04-05T00:05:00Z") && !wakeUps.contains("woken@2018-04-05T00:05:00Z"),
                "the 00:05 wake-up is due at the next bar, after the stop: " + wakeUps);
        try (Database db = open(); PluginHost host = PluginHost.start(plugins)) {
            // a stop asked for while it replays (Ctrl-C early in a resumption) waits for the replay: nothing is stored
            // twice, and the run stays stopped where it was
            RunStop asked = RunStop.onRequest();
            asked.request();
            BacktestReport early = runner(db, host).resume(runId, shipped, ProgressListener.NONE, s -> s, new DailyWakeUps(new ArrayList<>()),
                    asked);
            assertEquals(firstStop, early.result().stoppedAt());
            assertEquals("STOPPED", new RunJournal(db, Clock.systemUTC()).run(runId).orElseThrow().status());
            // and a stop at or before where it stopped is refused
            IllegalArgumentException before = assertThrows(IllegalArgumentException.class, () -> runner(db, host).resume(runId, shipped,
                    ProgressListener.NONE, s -> s, null, RunStop.at(firstStop)));
            assertTrue(before.getMessage().contains("must come later"), before.getMessage());
            assertEquals("STOPPED", new RunJournal(db, Clock.systemUTC()).run(runId).orElseThrow().status());
        }
        try (Database db = open(); PluginHost host = PluginHost.start(plugins)) {
            List<String> second = new ArrayList<>();
            BacktestReport again = runner(db, host).resume(runId, shipped, ProgressListener.NONE, s -> s, new DailyWakeUps(second),
                    RunStop.at(secondStop));
            assertEquals("woken@2018-04-05T00:05:00Z", second.stream().filter(c -> c.startsWith("woken@")).findFirst().orElseThrow(),
                    "the wake-up due at the stop comes once the replay is past it: " + second);
            assertTrue(second.get(0).startsWith("replayed@"), second.toString());
            second.stream().filter(c -> c.startsWith("woken@")).forEach(wakeUps::add);
            assertEquals(runId, again.runId());
            assertTrue(again.result().stopped());
            assertFalse(again.result().stoppedAt().isAfter(secondStop));
            assertEquals(uninterrupted.trades().stream().filter(t -> !t.exitTime().isAfter(secondStop)).count(), again.trades().size());
        }
        try (Database db = open(); PluginHost host = PluginHost.start(plugins)) {
            List<String> third = new ArrayList<>();
            BacktestReport resumed = runner(db, host).resume(runId, shipped, ProgressListener.NONE, s -> s, new DailyWakeUps(third),
                    RunStop.never());
            third.stream().filter(c -> c.startsWith("woken@")).forEach(wakeUps::add);
            assertEquals(uninterruptedWakeUps, wakeUps, "each piece of clocked work once, at the engine time of the uninterrupted run");
            assertFalse(resumed.result().stopped());
            assertEquals(uninterrupted.tradeLogSha256(), resumed.tradeLogSha256());
            assertEquals(uninterrupted.trades(), resumed.trades());
            assertEquals(uninterrupted.result().bars(), resumed.result().bars());
            assertEquals(uninterrupted.result().finalEquity(), resumed.result().finalEquity());
            assertEquals(uninterrupted.result().entriesBlocked(), resumed.result().entriesBlocked());
            List<List<String>> rows = rows(db, runId);
            for (int i = 0; i < TABLES.size(); i++) {
                assertEquals(uninterruptedRows.get(i), rows.get(i), TABLES.get(i));
            }
            assertTrue(uninterruptedRows.get(5).size() > 0, "health transitions happen in this run, so they are compared");
            assertTrue(uninterruptedRows.get(9).size() > 0, "weight snapshots are taken at the wake-ups, so they are compared");
            assertEquals("FINISHED", new RunJournal(db, Clock.systemUTC()).run(runId).orElseThrow().status());
        }
    }

    @Test
    void onlyAStoppedRunResumesAndOnlyWithTheConfigurationItStartedWith() throws Exception {
        try (Database db = open(); PluginHost host = PluginHost.start(plugins)) {
            BacktestRunner runner = runner(db, host);
            IllegalArgumentException finished = assertThrows(IllegalArgumentException.class,
                    () -> runner.resume(uninterrupted.runId(), shipped, ProgressListener.NONE, s -> s, null, RunStop.never()));
            assertTrue(finished.getMessage().contains("run " + uninterrupted.runId() + " is FINISHED, not STOPPED"), finished.getMessage());
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                    () -> runner.resume(999_999, shipped, ProgressListener.NONE, s -> s, null, RunStop.never()));
            assertEquals("there is no run 999999 to resume", missing.getMessage());

            QuorumConfig watching = shipped.withLearning(shipped.learning().watchingOnly());
            BacktestReport stopped = runner.run(watching, ProgressListener.NONE, "backtest", s -> s, null,
                    RunStop.at(Instant.parse("2018-04-05T00:00:00Z")));
            QuorumConfig other = watching.withEngine(watching.engine().withConsensusThreshold(0.65));
            IllegalArgumentException differs = assertThrows(IllegalArgumentException.class,
                    () -> runner.resume(stopped.runId(), other, ProgressListener.NONE, s -> s, null, RunStop.never()));
            assertTrue(differs.getMessage().contains("engine.consensusThreshold: 0.6 -> 0.65"), differs.getMessage());
            assertEquals("STOPPED", new RunJournal(db, Clock.systemUTC()).run(stopped.runId()).orElseThrow().status(),
                    "a refused resumption changes nothing");
            // a resumption that died during its replay leaves the run as it was
            RunJournal journal = new RunJournal(db, Clock.systemUTC());
            journal.resume(stopped.runId(), BacktestRunner.json(watching));
            assertEquals("RESUMING", journal.run(stopped.runId()).orElseThrow().status());
            journal.failInterruptedRuns();
            assertEquals("STOPPED", journal.run(stopped.runId()).orElseThrow().status());
            // with the right configuration it finishes
            BacktestReport resumed = runner.resume(stopped.runId(), watching, ProgressListener.NONE, s -> s, null, RunStop.never());
            assertEquals("FINISHED", new RunJournal(db, Clock.systemUTC()).run(resumed.runId()).orElseThrow().status());
        }
    }

    @Test
    void whenTheCandlesChangedSinceTheStopTheResumptionIsRefusedAndTheRunKeepsWhatItStored() throws Exception {
        // its own database: the candles are changed in it
        Path other = dir.resolve("changed");
        QuorumConfig watching = shipped.withLearning(shipped.learning().watchingOnly());
        try (Database db = Database.open(Database.fileUrl(other.resolve("db/quorum"))); PluginHost host = PluginHost.start(plugins)) {
            BacktestRunner runner = runner(db, host);
            BacktestReport stopped = runner.run(watching, ProgressListener.NONE, "backtest", s -> s, null,
                    RunStop.at(Instant.parse("2018-04-05T06:00:00Z")));
            int trades = stopped.trades().size();
            int fills = count(db, "SELECT COUNT(*) FROM fills WHERE run_id = " + stopped.runId());
            assertTrue(trades > 0);
            try (Connection c = db.connection(); Statement st = c.createStatement()) {
                // someone re-imported the first day of BTC from another source: 3% higher
                st.executeUpdate("UPDATE candles SET open = open * 1.03, high = high * 1.03, low = low * 1.03, close = close * 1.03"
                        + " WHERE symbol = 'BTC-USD' AND open_time < " + Instant.parse("2018-04-04T12:00:00Z").toEpochMilli());
            }
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> runner.resume(stopped.runId(), watching, ProgressListener.NONE, s -> s, null, RunStop.never()));
            assertTrue(e.getMessage().contains("run " + stopped.runId() + " cannot be resumed"), e.getMessage());
            assertTrue(e.getMessage().contains("the run stays STOPPED"), e.getMessage());
            RunRecord record = new RunJournal(db, Clock.systemUTC()).run(stopped.runId()).orElseThrow();
            assertEquals("STOPPED", record.status());
            assertTrue(record.error().contains("cannot be resumed"), record.error());
            assertEquals(trades, count(db, "SELECT COUNT(*) FROM trades WHERE run_id = " + stopped.runId()), "nothing stored is lost");
            assertEquals(fills, count(db, "SELECT COUNT(*) FROM fills WHERE run_id = " + stopped.runId()));
        }
    }

    @Test
    void aStoredFillThatTheReplayDoesNotMakeRefusesTheResumption() throws Exception {
        QuorumConfig watching = shipped.withLearning(shipped.learning().watchingOnly());
        try (Database db = open(); PluginHost host = PluginHost.start(plugins)) {
            BacktestRunner runner = runner(db, host);
            BacktestReport stopped = runner.run(watching, ProgressListener.NONE, "backtest", s -> s, null,
                    RunStop.at(Instant.parse("2018-04-04T03:00:00Z")));
            try (Connection c = db.connection(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE fills SET price = price + 1 WHERE run_id = " + stopped.runId() + " AND seq = 2");
            }
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> runner.resume(stopped.runId(), watching, ProgressListener.NONE, s -> s, null, RunStop.never()));
            assertTrue(e.getMessage().contains("the replay makes fill 2 "), e.getMessage());
            assertEquals("STOPPED", new RunJournal(db, Clock.systemUTC()).run(stopped.runId()).orElseThrow().status());
        }
    }

    private static int count(Database db, String sql) throws Exception {
        try (Connection c = db.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Each table's rows of a run, as text. */
    private static List<List<String>> rows(Database db, long runId) throws Exception {
        List<List<String>> tables = new ArrayList<>();
        try (Connection c = db.connection()) {
            for (String sql : TABLES) {
                List<String> rows = new ArrayList<>();
                try (var ps = c.prepareStatement(sql)) {
                    ps.setLong(1, runId);
                    try (ResultSet rs = ps.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            StringBuilder row = new StringBuilder();
                            for (int i = 1; i <= columns; i++) {
                                row.append(rs.getString(i)).append('|');
                            }
                            rows.add(row.toString());
                        }
                    }
                }
                tables.add(rows);
            }
        }
        return tables;
    }
}
