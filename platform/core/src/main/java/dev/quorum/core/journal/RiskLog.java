package dev.quorum.core.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.quorum.core.store.Database;

/** Reads back what the risk chain did in a run (table risk_steps, written by {@link JournalSink}). */
public final class RiskLog {

    private final Database database;

    /** @param database the store */
    public RiskLog(Database database) {
        this.database = database;
    }

    /**
     * Per module, in chain order, how many intents it judged, approved, shrank and rejected.
     *
     * @param runId the run
     * @return one count per module that judged at least one intent
     */
    public List<RiskModuleCount> moduleCounts(long runId) {
        String sql = "SELECT module, COUNT(*),"
                + " SUM(CASE WHEN verdict = 'APPROVE' OR (verdict = 'RESIZE' AND qty_after >= qty_before) THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN verdict = 'RESIZE' AND qty_after < qty_before THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN verdict = 'REJECT' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN faulted THEN 1 ELSE 0 END)"
                + " FROM risk_steps WHERE run_id = ? GROUP BY module ORDER BY MIN(step), module";
        List<RiskModuleCount> counts = new ArrayList<>();
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.add(new RiskModuleCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the risk decisions of run " + runId + ": " + e.getMessage(), e);
        }
        return counts;
    }
}
