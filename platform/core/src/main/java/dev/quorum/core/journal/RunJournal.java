package dev.quorum.core.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.quorum.api.Direction;
import dev.quorum.api.ExitReason;
import dev.quorum.api.Trade;
import dev.quorum.core.engine.BotReport;
import dev.quorum.core.engine.EngineResult;
import dev.quorum.core.engine.SignalCount;
import dev.quorum.core.portfolio.EquityPoint;
import dev.quorum.core.store.Database;

/**
 * Runs, fills, trades, equity curves and bot reports in the database. A run row is written before the first
 * bar; each fill and each closed trade is committed as it happens (see {@link JournalSink}), so a
 * crash loses nothing already closed; the run is marked FINISHED with its trade-log hash at the end.
 */
public final class RunJournal {

    private final Database database;
    private final Clock wallClock;

    /**
     * @param database  the store
     * @param wallClock used only for the run's wall-clock start and finish stamps
     */
    public RunJournal(Database database, Clock wallClock) {
        this.database = database;
        this.wallClock = wallClock;
    }

    /** @return the store it reads and writes */
    public Database database() {
        return database;
    }

    /**
     * Records a new run.
     *
     * @param spec what it replays
     * @return the run id
     */
    public long begin(RunSpec spec) {
        String sql = "INSERT INTO runs (kind, status, config_json, config_sha256, symbols, timeframe, data_from, data_to,"
                + " initial_cash, wall_started) VALUES (?, 'RUNNING', ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = database.connection();
             PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, spec.kind());
            ps.setString(2, spec.configJson());
            ps.setString(3, sha256(spec.configJson()));
            ps.setString(4, String.join(",", spec.symbols()));
            ps.setString(5, spec.timeframe().toString());
            ps.setLong(6, spec.from().toEpochMilli());
            ps.setLong(7, spec.to().toEpochMilli());
            ps.setDouble(8, spec.initialCash());
            ps.setLong(9, wallClock.millis());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the run: " + e.getMessage(), e);
        }
    }

    /**
     * Marks runs left RUNNING by a process that ended without finishing them (a crash, a kill) as
     * FAILED, keeping every fill and trade they stored; a run left RESUMING goes back to STOPPED. Startup is recovery: call it before a new run.
     * Only one process uses an embedded H2 file database at a time, so a RUNNING run found here is dead.
     *
     * @return the ids of the runs marked
     */
    public List<Long> failInterruptedRuns() {
        List<Long> ids = new ArrayList<>();
        try (Connection c = database.connection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM runs WHERE status = 'RUNNING' ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look for interrupted runs: " + e.getMessage(), e);
        }
        ids.forEach(id -> fail(id, "interrupted: the process ended before the run finished; its fills and trades so far are kept"));
        // a resumption that ended during its replay stored nothing new: the run is as it was when it stopped
        try (Connection c = database.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = 'STOPPED', error = ? WHERE status = 'RESUMING'")) {
            ps.setString(1, "a resumption ended during its replay, before the stop; nothing new was stored, resume it again");
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look for interrupted resumptions: " + e.getMessage(), e);
        }
        return ids;
    }

    /**
     * Opens the sink the engine writes fills and trades to during a run.
     *
     * @param runId the run
     * @return a sink to close when the run ends
     */
    public JournalSink sink(long runId) {
        return new JournalSink(database, runId);
    }

    /**
     * Marks a run finished with its results and bot reports.
     *
     * @param runId        the run
     * @param result       what the engine reports
     * @param pluginErrors the errors each plugin caused during the run
     * @return the hash of the canonical trade log, computed from the trades as stored
     */
    public String finish(long runId, EngineResult result, List<PluginRunErrors> pluginErrors) {
        String hash = TradeLog.sha256(trades(runId));
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = 'FINISHED', stopped_at = NULL, first_bar = ?, last_bar = ?,"
                    + " bars = ?, final_equity = ?, entries_blocked = ?, trade_log_sha256 = ?, wall_finished = ? WHERE id = ?");
                 PreparedStatement bot = c.prepareStatement("INSERT INTO bot_reports (run_id, bot, strategy, plugin_id, signals,"
                         + " errors, suspended, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement plugin = c.prepareStatement("INSERT INTO plugin_errors (run_id, plugin_id, errors, last_error)"
                         + " VALUES (?, ?, ?, ?)")) {
                setInstant(ps, 1, result.firstBar());
                setInstant(ps, 2, result.lastBar());
                ps.setLong(3, result.bars());
                ps.setDouble(4, result.finalEquity());
                ps.setLong(5, result.entriesBlocked());
                ps.setString(6, hash);
                ps.setLong(7, wallClock.millis());
                ps.setLong(8, runId);
                ps.executeUpdate();
                for (BotReport r : result.bots()) {
                    bot.setLong(1, runId);
                    bot.setString(2, r.bot());
                    bot.setString(3, r.strategy());
                    bot.setString(4, r.pluginId());
                    bot.setLong(5, r.signals());
                    bot.setInt(6, r.errors());
                    bot.setBoolean(7, r.suspended());
                    bot.setString(8, truncate(r.lastError()));
                    bot.addBatch();
                }
                bot.executeBatch();
                for (PluginRunErrors e : pluginErrors) {
                    plugin.setLong(1, runId);
                    plugin.setString(2, e.pluginId());
                    plugin.setInt(3, e.errors());
                    plugin.setString(4, truncate(e.lastError()));
                    plugin.addBatch();
                }
                plugin.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot finish run " + runId + ": " + e.getMessage(), e);
        }
        return hash;
    }

    /**
     * Marks a run stopped part-way, resumable ({@link #resume}): everything it produced up to {@code stoppedAt} is
     * stored; its open positions stay open.
     *
     * @param runId     the run
     * @param result    what the engine reports so far
     * @param stoppedAt the close time of the last bar it processed
     */
    public void stop(long runId, EngineResult result, Instant stoppedAt) {
        try (Connection c = database.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = 'STOPPED', stopped_at = ?, first_bar = ?, last_bar = ?,"
                     + " bars = ?, error = NULL, wall_finished = ? WHERE id = ?")) {
            ps.setLong(1, stoppedAt.toEpochMilli());
            setInstant(ps, 2, result.firstBar());
            setInstant(ps, 3, result.lastBar());
            ps.setLong(4, result.bars());
            ps.setLong(5, wallClock.millis());
            ps.setLong(6, runId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark run " + runId + " stopped: " + e.getMessage(), e);
        }
    }

    /**
     * Takes a stopped run up again: checks that it is STOPPED and was made with this configuration, and marks it RESUMING
     * (it replays what it did before it stopped, storing nothing, until {@link #resumed}).
     *
     * @param runId      the run
     * @param configJson the configuration to resume it with, as {@code BacktestRunner.json} writes it
     * @return the close time of the last bar it processed before it stopped
     * @throws IllegalArgumentException when there is no such run, it is not STOPPED, or its configuration differs (the
     *                                  message names the settings that differ)
     */
    public Instant resume(long runId, String configJson) {
        RunRecord run = run(runId).orElseThrow(() -> new IllegalArgumentException("there is no run " + runId + " to resume"));
        if (!"STOPPED".equals(run.status()) || run.stoppedAt() == null) {
            throw new IllegalArgumentException("run " + runId + " is " + run.status() + ", not STOPPED: only a run stopped part-way"
                    + " (backtest --stop-at) can be resumed");
        }
        String stored = configJson(runId).orElseThrow();
        if (!stored.equals(configJson)) {
            throw new IllegalArgumentException("run " + runId + " was started with another configuration; resume it with the one it"
                    + " was started with (same config file and --symbols/--from/--to). Settings that differ: "
                    + ConfigDifference.paths(stored, configJson));
        }
        setStatus(runId, "RESUMING", null);
        return run.stoppedAt();
    }

    /**
     * A resumed run's replay has reached its stop and checked out: it is RUNNING again, and stores from here on.
     *
     * @param runId the run
     */
    public void resumed(long runId) {
        setStatus(runId, "RUNNING", null);
    }

    /**
     * Puts a run whose resumption failed before it produced anything new back to STOPPED, with why.
     *
     * @param runId the run
     * @param error why the resumption failed
     */
    public void stayStopped(long runId, String error) {
        setStatus(runId, "STOPPED", error);
    }

    private void setStatus(long runId, String status, String error) {
        try (Connection c = database.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = ?, error = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setString(2, error == null ? null : truncate(error));
            ps.setLong(3, runId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark run " + runId + " " + status + ": " + e.getMessage(), e);
        }
    }

    /**
     * Marks a run failed; its fills and trades so far stay.
     *
     * @param runId the run
     * @param error why
     */
    public void fail(long runId, String error) {
        try (Connection c = database.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = 'FAILED', error = ?, wall_finished = ? WHERE id = ?")) {
            ps.setString(1, truncate(error));
            ps.setLong(2, wallClock.millis());
            ps.setLong(3, runId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark run " + runId + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * @param runId the run
     * @return its fills in the order they were recorded
     */
    public List<StoredFill> fills(long runId) {
        List<StoredFill> fills = new ArrayList<>();
        RunRows.forEach(database, "SELECT seq, order_id, symbol, side, quantity, price, fee, fill_time FROM fills WHERE run_id = ?"
                + " ORDER BY seq", runId, "the fills", rs -> fills.add(new StoredFill(rs.getLong(1), rs.getLong(2), rs.getString(3),
                dev.quorum.api.Side.valueOf(rs.getString(4)), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7),
                Instant.ofEpochMilli(rs.getLong(8)))));
        return fills;
    }

    /**
     * @param runId the run
     * @return its trades in id order, as stored
     */
    public List<Trade> trades(long runId) {
        List<Trade> trades = new ArrayList<>();
        String sql = "SELECT " + TRADE_COLUMNS + " FROM trades WHERE run_id = ? ORDER BY id";
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    trades.add(trade(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read trades of run " + runId + ": " + e.getMessage(), e);
        }
        return trades;
    }

    private static final String TRADE_COLUMNS = "id, symbol, direction, quantity, entry_time, entry_price, exit_time, exit_price,"
            + " fees, pnl, exit_reason, bots, hedge";

    private static Trade trade(ResultSet rs) throws SQLException {
        String bots = rs.getString(12);
        return new Trade(rs.getLong(1), rs.getString(2), Direction.valueOf(rs.getString(3)), rs.getDouble(4),
                Instant.ofEpochMilli(rs.getLong(5)), rs.getDouble(6), Instant.ofEpochMilli(rs.getLong(7)),
                rs.getDouble(8), rs.getDouble(9), rs.getDouble(10), ExitReason.valueOf(rs.getString(11)),
                bots.isEmpty() ? List.of() : Arrays.asList(bots.split(",")), rs.getBoolean(13));
    }

    /**
     * One page of a run's trades, newest first, and how many match.
     *
     * @param total  the trades that match the filters
     * @param trades the page
     */
    public record TradePage(int total, List<Trade> trades) {
    }

    /**
     * A page of a run's trades, newest first, filtered in SQL (the dashboard's {@code /api/trades}).
     *
     * @param runId  the run
     * @param symbol only this symbol's, or null
     * @param bot    only those this bot voted for, or null
     * @param from   only those closed at or after, or null
     * @param to     only those closed before, or null
     * @param offset how many matching trades to skip
     * @param limit  the most to return
     * @return the page and the count of matches
     */
    public TradePage tradePage(long runId, String symbol, String bot, Instant from, Instant to, int offset, int limit) {
        StringBuilder where = new StringBuilder(" FROM trades WHERE run_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(runId);
        if (symbol != null) {
            where.append(" AND symbol = ?");
            args.add(symbol);
        }
        if (bot != null) {
            // the bots column is the names joined by commas
            where.append(" AND (',' || bots || ',') LIKE ? ESCAPE '!'");
            args.add("%," + bot.replace("!", "!!").replace("%", "!%").replace("_", "!_") + ",%");
        }
        if (from != null) {
            where.append(" AND exit_time >= ?");
            args.add(from.toEpochMilli());
        }
        if (to != null) {
            where.append(" AND exit_time < ?");
            args.add(to.toEpochMilli());
        }
        try (Connection c = database.connection();
             PreparedStatement count = c.prepareStatement("SELECT COUNT(*)" + where);
             PreparedStatement page = c.prepareStatement("SELECT " + TRADE_COLUMNS + where + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
            for (int i = 0; i < args.size(); i++) {
                count.setObject(i + 1, args.get(i));
                page.setObject(i + 1, args.get(i));
            }
            page.setInt(args.size() + 1, limit);
            page.setInt(args.size() + 2, offset);
            int total;
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getInt(1);
            }
            List<Trade> trades = new ArrayList<>();
            try (ResultSet rs = page.executeQuery()) {
                while (rs.next()) {
                    trades.add(trade(rs));
                }
            }
            return new TradePage(total, trades);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read trades of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param runId the run
     * @return its equity curve in time order, as stored
     */
    public List<EquityPoint> equityCurve(long runId) {
        List<EquityPoint> points = new ArrayList<>();
        String sql = "SELECT time, equity, cash, exposure FROM equity_curve WHERE run_id = ? ORDER BY time";
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    points.add(new EquityPoint(Instant.ofEpochMilli(rs.getLong(1)), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the equity curve of run " + runId + ": " + e.getMessage(), e);
        }
        return points;
    }

    /**
     * Each bot's LONG and SHORT signals in a window, from the stored per-bucket counts: the buckets stamped in
     * {@code (from, to]} (a bucket's stamp is the close time of its last bar).
     *
     * @param runId the run
     * @param from  the window's start, exclusive
     * @param to    the window's end, inclusive
     * @return per bot that gave any, by name, with {@code time = to}
     */
    public List<SignalCount> signalCounts(long runId, Instant from, Instant to) {
        List<SignalCount> counts = new ArrayList<>();
        String sql = "SELECT bot, SUM(longs), SUM(shorts) FROM signal_counts WHERE run_id = ? AND time > ? AND time <= ?"
                + " GROUP BY bot ORDER BY bot";
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            ps.setLong(2, from.toEpochMilli());
            ps.setLong(3, to.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.add(new SignalCount(to, rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the signal counts of run " + runId + ": " + e.getMessage(), e);
        }
        return counts;
    }

    /**
     * The positions open just before {@code at}, rebuilt from the fills stored before it (buys add, sells
     * subtract, per symbol).
     *
     * @param runId the run
     * @param at    the moment
     * @return the open positions, by symbol
     */
    public List<Holding> holdingsAt(long runId, Instant at) {
        Map<String, double[]> net = new TreeMap<>(); // symbol -> {signed quantity, since}
        String sql = "SELECT symbol, side, quantity, fill_time FROM fills WHERE run_id = ? AND fill_time < ? ORDER BY seq";
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            ps.setLong(2, at.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double[] h = net.computeIfAbsent(rs.getString(1), k -> new double[2]);
                    double signed = "BUY".equals(rs.getString(2)) ? rs.getDouble(3) : -rs.getDouble(3);
                    if (isZero(h[0])) {
                        h[1] = rs.getLong(4);
                    }
                    h[0] += signed;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the fills of run " + runId + ": " + e.getMessage(), e);
        }
        List<Holding> open = new ArrayList<>();
        net.forEach((symbol, h) -> {
            if (!isZero(h[0])) {
                open.add(new Holding(symbol, h[0] > 0 ? Direction.LONG : Direction.SHORT, Math.abs(h[0]),
                        Instant.ofEpochMilli((long) h[1])));
            }
        });
        return open;
    }

    private static boolean isZero(double quantity) {
        return Math.abs(quantity) < 1e-9;
    }

    /**
     * @param runId the run
     * @return the effective configuration it ran with, as the JSON stored with it
     */
    public Optional<String> configJson(long runId) {
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement("SELECT config_json FROM runs WHERE id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the configuration of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The runs, newest first.
     *
     * @return every stored run
     */
    public List<RunRecord> runs() {
        List<Long> ids = new ArrayList<>();
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement("SELECT id FROM runs ORDER BY id DESC");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list runs: " + e.getMessage(), e);
        }
        return ids.stream().map(id -> run(id).orElseThrow()).toList();
    }

    /**
     * The plugin errors of the most recent finished run, so that a later process can show which
     * plugins that run degraded.
     *
     * @return plugin id to its errors in that run; empty if there is no finished run or it had no errors
     */
    public Map<String, PluginRunErrors> pluginErrorsOfLatestRun() {
        Map<String, PluginRunErrors> result = new TreeMap<>();
        String sql = "SELECT run_id, plugin_id, errors, last_error FROM plugin_errors"
                + " WHERE run_id = (SELECT MAX(id) FROM runs WHERE status = 'FINISHED')";
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.put(rs.getString(2), new PluginRunErrors(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read plugin errors: " + e.getMessage(), e);
        }
        return result;
    }

    /**
     * @return the bots' reports of the most recent finished run, by bot name; empty without one
     */
    public List<BotReport> botsOfLatestRun() {
        String sql = "SELECT MAX(id) FROM runs WHERE status = 'FINISHED'";
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            long id = rs.getLong(1);
            return rs.wasNull() ? List.of() : bots(id);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the latest run: " + e.getMessage(), e);
        }
    }

    /**
     * @param runId the run
     * @return the bots' reports, by bot name
     */
    public List<BotReport> bots(long runId) {
        List<BotReport> reports = new ArrayList<>();
        String sql = "SELECT bot, strategy, plugin_id, signals, errors, suspended, last_error FROM bot_reports WHERE run_id = ?"
                + " ORDER BY bot";
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reports.add(new BotReport(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                            rs.getBoolean(6), rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read bot reports of run " + runId + ": " + e.getMessage(), e);
        }
        return reports;
    }

    /**
     * @param runId the run
     * @return the run, if it exists
     */
    public Optional<RunRecord> run(long runId) {
        String sql = "SELECT id, kind, status, config_sha256, symbols, timeframe, data_from, data_to, initial_cash, first_bar,"
                + " last_bar, bars, final_equity, entries_blocked, trade_log_sha256, error, stopped_at FROM runs WHERE id = ?";
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RunRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        List.of(rs.getString(5).split(",")), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)),
                        Instant.ofEpochMilli(rs.getLong(8)), rs.getDouble(9), instant(rs, 10), instant(rs, 11), rs.getLong(12),
                        rs.getDouble(13), rs.getLong(14), rs.getString(15) == null ? "" : rs.getString(15),
                        rs.getString(16) == null ? "" : rs.getString(16), instant(rs, 17)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read run " + runId + ": " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value.toEpochMilli());
        }
    }

    static String truncate(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 3997) + "...";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
