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
     * The learners' weights from the first snapshot taken in {@code [from, until)} (at a wake-up of the engine clock, the
     * daily report's schedule; table {@code bot_weight_snapshots}).
     *
     * @param runId the run
     * @param from  an engine time, such as the end of a report's day
     * @param until where to stop looking
     * @return bot to its weight, the mean over the run's symbols; empty when no snapshot was taken then
     */
    public Map<String, Double> meanWeightsAt(long runId, java.time.Instant from, java.time.Instant until) {
        Map<String, Map<String, Double>> found = new TreeMap<>();
        query("SELECT bot, symbol, weight FROM bot_weight_snapshots WHERE run_id = ? AND time = (SELECT MIN(time) FROM"
                + " bot_weight_snapshots WHERE run_id = " + runId + " AND time >= " + from.toEpochMilli() + " AND time < "
                + until.toEpochMilli() + ") ORDER BY bot, symbol", runId,
                rs -> found.computeIfAbsent(rs.getString(1), b -> new LinkedHashMap<>()).put(rs.getString(2), rs.getDouble(3)));
        return meanOverSymbols(found);
    }

    /**
     * @param weights bot to symbol to weight
     * @return bot to the mean of its weights over the symbols
     */
    public static Map<String, Double> meanOverSymbols(Map<String, Map<String, Double>> weights) {
        Map<String, Double> mean = new TreeMap<>();
        weights.forEach((bot, bySymbol) -> mean.put(bot, bySymbol.values().stream().mapToDouble(Double::doubleValue).average()
                .orElse(Double.NaN)));
        return mean;
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
