package dev.quorum.core.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quorum.api.Direction;
import dev.quorum.api.Situation;
import dev.quorum.core.learning.Prediction;
import dev.quorum.core.learning.PredictionOutcome;
import dev.quorum.core.store.Database;

/** Reads back a run's stored predictions and outcomes, and each bot's record from them. */
public final class PredictionRecords {

    /**
     * A bot's record at one horizon.
     *
     * @param horizon  the horizon
     * @param judged   predictions judged at it
     * @param hits     of those, how many moved the predicted way
     * @param meanMove the mean move in the predicted direction, before fees; NaN when none was judged
     */
    public record HorizonRecord(Duration horizon, long judged, long hits, double meanMove) {

        /** @return hits / judged, NaN when none was judged */
        public double hitRate() {
            return judged == 0 ? Double.NaN : (double) hits / judged;
        }
    }

    /**
     * A bot's predictions in a run.
     *
     * @param bot         the bot
     * @param predictions how many it made
     * @param horizons    its record at each horizon of the run, shortest first
     */
    public record BotRecord(String bot, long predictions, List<HorizonRecord> horizons) {

        /** Copies. */
        public BotRecord {
            horizons = List.copyOf(horizons);
        }
    }

    private final Database database;

    /** @param database the store */
    public PredictionRecords(Database database) {
        this.database = database;
    }

    /**
     * @param runId a run
     * @return the horizons its predictions were judged at, shortest first (empty when none was judged)
     */
    public List<Duration> horizons(long runId) {
        List<Duration> horizons = new ArrayList<>();
        query("SELECT DISTINCT horizon_minutes FROM prediction_outcomes WHERE run_id = ? ORDER BY horizon_minutes", runId,
                rs -> horizons.add(Duration.ofMinutes(rs.getInt(1))));
        return horizons;
    }

    /**
     * @param runId a run
     * @return each bot that made a prediction, by name, with its record at every horizon of the run
     */
    public List<BotRecord> byBot(long runId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        query("SELECT bot, COUNT(*) FROM predictions WHERE run_id = ? GROUP BY bot ORDER BY bot", runId,
                rs -> counts.put(rs.getString(1), rs.getLong(2)));
        List<Duration> horizons = horizons(runId);
        Map<String, Map<Integer, HorizonRecord>> judged = new LinkedHashMap<>();
        query("SELECT p.bot, o.horizon_minutes, COUNT(*), SUM(CASE WHEN o.hit THEN 1 ELSE 0 END), AVG(o.move)"
                + " FROM prediction_outcomes o JOIN predictions p ON p.run_id = o.run_id AND p.id = o.prediction_id"
                + " WHERE o.run_id = ? GROUP BY p.bot, o.horizon_minutes", runId,
                rs -> judged.computeIfAbsent(rs.getString(1), b -> new LinkedHashMap<>()).put(rs.getInt(2),
                        new HorizonRecord(Duration.ofMinutes(rs.getInt(2)), rs.getLong(3), rs.getLong(4), rs.getDouble(5))));
        List<BotRecord> records = new ArrayList<>();
        counts.forEach((bot, n) -> {
            List<HorizonRecord> byHorizon = new ArrayList<>();
            for (Duration h : horizons) {
                byHorizon.add(judged.getOrDefault(bot, Map.of()).getOrDefault((int) h.toMinutes(), new HorizonRecord(h, 0, 0, Double.NaN)));
            }
            records.add(new BotRecord(bot, n, byHorizon));
        });
        return records;
    }

    /** The measures of a prediction's situation, as stored. */
    public static final List<String> MEASURES = List.of("regime", "volatility", "volume", "momentum");

    /**
     * Each bot's record at one horizon, per bucket of one measure of the market situation (seed 003's expertise
     * "in the current situation").
     *
     * @param runId   a run
     * @param measure one of {@link #MEASURES}
     * @param horizon the horizon
     * @return bot (by name) to bucket (in the measure's order) to its record there
     * @throws IllegalArgumentException for another measure
     */
    public Map<String, Map<String, HorizonRecord>> bySituation(long runId, String measure, Duration horizon) {
        if (!MEASURES.contains(measure)) {
            throw new IllegalArgumentException("'" + measure + "' is not a measure of the situation: expected one of " + MEASURES);
        }
        Map<String, Map<String, HorizonRecord>> result = new java.util.TreeMap<>();
        // the column name comes from the fixed list above, never from the caller's text
        String sql = "SELECT p.bot, p." + measure + ", COUNT(*), SUM(CASE WHEN o.hit THEN 1 ELSE 0 END), AVG(o.move)"
                + " FROM prediction_outcomes o JOIN predictions p ON p.run_id = o.run_id AND p.id = o.prediction_id"
                + " WHERE o.run_id = ? AND o.horizon_minutes = " + Math.toIntExact(horizon.toMinutes()) + " GROUP BY p.bot, p." + measure;
        query(sql, runId, rs -> result.computeIfAbsent(rs.getString(1), b -> new java.util.TreeMap<>(java.util.Comparator.comparingInt(
                PredictionRecords::bucketOrder))).put(rs.getString(2), new HorizonRecord(horizon, rs.getLong(3), rs.getLong(4),
                rs.getDouble(5))));
        return result;
    }

    /**
     * @param bucket a bucket of a situation measure, such as {@code HIGH}
     * @return its place in a reading order: low to high, down to up, trend to range, unknown last
     */
    public static int bucketOrder(String bucket) {
        int at = List.of("LOW", "NORMAL", "HIGH", "DOWN", "FLAT", "UP", "TREND_UP", "TREND_DOWN", "RANGE", "UNKNOWN").indexOf(bucket);
        return at < 0 ? 100 : at;
    }

    /**
     * @param runId a run
     * @return its predictions in the order made
     */
    public List<Prediction> predictions(long runId) {
        List<Prediction> list = new ArrayList<>();
        query("SELECT id, bot, symbol, time, direction, confidence, price, regime, volatility, volume, momentum FROM predictions"
                + " WHERE run_id = ? ORDER BY id", runId, rs -> list.add(prediction(rs, 1)));
        return list;
    }

    /**
     * @param runId a run
     * @return its outcomes, by prediction and then horizon
     */
    public List<PredictionOutcome> outcomes(long runId) {
        List<PredictionOutcome> list = new ArrayList<>();
        query("SELECT p.id, p.bot, p.symbol, p.time, p.direction, p.confidence, p.price, p.regime, p.volatility, p.volume, p.momentum,"
                + " o.horizon_minutes, o.time, o.price, o.move, o.hit FROM prediction_outcomes o JOIN predictions p"
                + " ON p.run_id = o.run_id AND p.id = o.prediction_id WHERE o.run_id = ? ORDER BY p.id, o.horizon_minutes", runId,
                rs -> list.add(new PredictionOutcome(prediction(rs, 1), Duration.ofMinutes(rs.getInt(12)),
                        Instant.ofEpochMilli(rs.getLong(13)), rs.getDouble(14), rs.getDouble(15), rs.getBoolean(16))));
        return list;
    }

    /**
     * A stored change of a bot's health.
     *
     * @param bot        the bot
     * @param transition the change
     */
    public record HealthChange(String bot, dev.quorum.core.learning.BotHealth.Transition transition) {
    }

    /**
     * @param runId a run
     * @return its bots' health changes, in the order they happened
     */
    public List<HealthChange> healthChanges(long runId) {
        List<HealthChange> list = new ArrayList<>();
        query("SELECT bot, time, from_state, to_state, strikes, reason FROM bot_health WHERE run_id = ? ORDER BY seq", runId,
                rs -> list.add(new HealthChange(rs.getString(1), new dev.quorum.core.learning.BotHealth.Transition(
                        Instant.ofEpochMilli(rs.getLong(2)), dev.quorum.core.learning.BotHealth.State.valueOf(rs.getString(3)),
                        dev.quorum.core.learning.BotHealth.State.valueOf(rs.getString(4)), rs.getInt(5), rs.getString(6)))));
        return list;
    }

    private static Prediction prediction(ResultSet rs, int at) throws SQLException {
        return new Prediction(rs.getLong(at), rs.getString(at + 1), rs.getString(at + 2), Instant.ofEpochMilli(rs.getLong(at + 3)),
                Direction.valueOf(rs.getString(at + 4)), rs.getDouble(at + 5), rs.getDouble(at + 6),
                new Situation(Situation.Regime.valueOf(rs.getString(at + 7)), Situation.Level.valueOf(rs.getString(at + 8)),
                        Situation.Level.valueOf(rs.getString(at + 9)), Situation.Momentum.valueOf(rs.getString(at + 10))));
    }

    private void query(String sql, long runId, RunRows.Row row) {
        RunRows.forEach(database, sql, runId, "the predictions", row);
    }
}
