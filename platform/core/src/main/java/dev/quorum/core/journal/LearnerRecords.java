package dev.quorum.core.journal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.quorum.core.learning.LearnerDesk;
import dev.quorum.core.store.Database;

/** Reads back what a run's learners left (tables {@code bot_weights} and {@code learner_figures}). */
public final class LearnerRecords {

    private final Database database;

    /** @param database the store */
    public LearnerRecords(Database database) {
        this.database = database;
    }

    /**
     * @param runId the run
     * @return bot to symbol to its weight when the run ended; empty for a run without learners
     */
    public Map<String, Map<String, Double>> weights(long runId) {
        Map<String, Map<String, Double>> all = new TreeMap<>();
        query("SELECT bot, symbol, weight FROM bot_weights WHERE run_id = ? ORDER BY bot, symbol", runId,
                rs -> all.computeIfAbsent(rs.getString(1), b -> new LinkedHashMap<>()).put(rs.getString(2), rs.getDouble(3)));
        return all;
    }

    /**
     * @param runId the run
     * @return every figure its learners reported, by learner, bot and figure name
     */
    public List<LearnerDesk.Figure> figures(long runId) {
        List<LearnerDesk.Figure> all = new ArrayList<>();
        query("SELECT learner, bot, figure, figure_value FROM learner_figures WHERE run_id = ? ORDER BY learner, bot, figure", runId,
                rs -> all.add(new LearnerDesk.Figure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4))));
        return all;
    }

    private void query(String sql, long runId, RunRows.Row row) {
        RunRows.forEach(database, sql, runId, "the learners' records", row);
    }
}
