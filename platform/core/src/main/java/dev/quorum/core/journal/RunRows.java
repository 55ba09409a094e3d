package dev.quorum.core.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.quorum.core.store.Database;
import dev.quorum.core.store.DatabaseException;

/** Reads a run's rows: one query with the run id as its only parameter, each row handed over in order. */
final class RunRows {

    /** Reads one row. */
    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private RunRows() {
    }

    /**
     * @param database the store
     * @param sql      a query with one parameter, the run id
     * @param runId    the run
     * @param what     what is read, for the error: "the predictions", "the learners' records"
     * @param row      told of each row
     * @throws DatabaseException naming what and the run when the query fails
     */
    static void forEach(Database database, String sql, long runId, String what, Row row) {
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot read " + what + " of run " + runId + ": " + e.getMessage(), e);
        }
    }
}
