package dev.quorum.core.evaluation;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.quorum.core.store.Database;
import dev.quorum.core.store.DatabaseException;

/** Where evaluations and their results are kept (tables {@code evaluations}, {@code evaluation_results}). */
public final class EvaluationStore {

    /**
     * One stored result row.
     *
     * @param section       {@code learners} or {@code threshold}
     * @param configuration what was run
     * @param fold          the test window's number, or 0 for all of them
     * @param window        the test window, or null for all
     * @param runId         the test run, or 0 for all windows
     * @param threshold     the consensus threshold used (NaN when it varied by window)
     * @param metrics       what it did
     */
    public record Row(String section, String configuration, int fold, Window window, long runId, double threshold, Metrics metrics) {
    }

    private final Database database;
    private final Clock wallClock;

    /**
     * @param database  the store
     * @param wallClock stamps {@code created_at}
     */
    public EvaluationStore(Database database, Clock wallClock) {
        this.database = database;
        this.wallClock = wallClock;
    }

    /** @return the new evaluation's id, RUNNING */
    long begin(String symbols, String timeframe, Window first, Window last, int foldMonths, int windows, String configJson) {
        try (Connection c = database.connection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO evaluations (created_at, status, symbols, timeframe, data_from, data_to,"
                     + " fold_months, windows, config_json) VALUES (?, 'RUNNING', ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setTimestamp(1, Timestamp.from(wallClock.instant()));
            ps.setString(2, symbols);
            ps.setString(3, timeframe);
            ps.setDate(4, Date.valueOf(first.from()));
            ps.setDate(5, Date.valueOf(last.to()));
            ps.setInt(6, foldMonths);
            ps.setInt(7, windows);
            ps.setString(8, configJson);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot record a new evaluation: " + e.getMessage(), e);
        }
    }

    /** Stores rows and marks the evaluation FINISHED, in one transaction. */
    void finish(long id, List<Row> rows) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO evaluation_results (evaluation_id, section, configuration, fold,"
                    + " window_from, window_to, run_id, threshold, return_pct, sharpe, max_drawdown, trades, wins, gross_profit, gross_loss,"
                    + " auc, calibration_error, scored) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement done = c.prepareStatement("UPDATE evaluations SET status = 'FINISHED' WHERE id = ?")) {
                for (Row r : rows) {
                    Metrics m = r.metrics();
                    ps.setLong(1, id);
                    ps.setString(2, r.section());
                    ps.setString(3, r.configuration());
                    ps.setInt(4, r.fold());
                    ps.setObject(5, r.window() == null ? null : Date.valueOf(r.window().from()), Types.DATE);
                    ps.setObject(6, r.window() == null ? null : Date.valueOf(r.window().to()), Types.DATE);
                    ps.setObject(7, r.runId() == 0 ? null : r.runId(), Types.BIGINT);
                    number(ps, 8, r.threshold());
                    ps.setDouble(9, m.returnPct());
                    number(ps, 10, m.sharpe());
                    ps.setDouble(11, m.maxDrawdown());
                    ps.setLong(12, m.trades());
                    ps.setLong(13, m.wins());
                    ps.setDouble(14, m.grossProfit());
                    ps.setDouble(15, m.grossLoss());
                    number(ps, 16, m.auc());
                    number(ps, 17, m.calibrationError());
                    ps.setLong(18, m.scored());
                    ps.addBatch();
                }
                ps.executeBatch();
                done.setLong(1, id);
                done.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot record the results of evaluation " + id + ": " + e.getMessage(), e);
        }
    }

    /** Marks an evaluation FAILED. */
    void fail(long id) {
        try (Connection c = database.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE evaluations SET status = 'FAILED' WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException("cannot mark evaluation " + id + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * @param id an evaluation
     * @return its stored rows, in the order written
     */
    public List<Row> rows(long id) {
        List<Row> rows = new ArrayList<>();
        try (Connection c = database.connection();
             PreparedStatement ps = c.prepareStatement("SELECT section, configuration, fold, window_from, window_to, run_id, threshold,"
                     + " return_pct, sharpe, max_drawdown, trades, wins, gross_profit, gross_loss, auc, calibration_error, scored"
                     + " FROM evaluation_results WHERE evaluation_id = ? ORDER BY section, configuration, fold")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date from = rs.getDate(4);
                    Window w = from == null ? null : new Window(rs.getInt(3), from.toLocalDate(), rs.getDate(5).toLocalDate());
                    Metrics m = new Metrics(rs.getDouble(8), nan(rs, 9), rs.getDouble(10), rs.getLong(11), rs.getLong(12), rs.getDouble(13),
                            rs.getDouble(14), nan(rs, 15), nan(rs, 16), rs.getLong(17));
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getInt(3), w, rs.getLong(6), nan(rs, 7), m));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot read evaluation " + id + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static void number(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isFinite(v)) {
            ps.setDouble(i, v);
        } else {
            ps.setNull(i, Types.DOUBLE);
        }
    }

    private static double nan(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? Double.NaN : v;
    }
}
