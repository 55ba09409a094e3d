package dev.quorum.core.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.quorum.core.learning.Prediction;
import dev.quorum.core.learning.PredictionOutcome;

/**
 * The run journal's part for the bots' predictions and their outcomes: buffered, written in batches inside the
 * journal's transaction (derived data, like the equity curve).
 */
final class PredictionLog implements AutoCloseable {

    /** Rows buffered before the journal is asked to write them. */
    static final int BATCH = 5_000;

    private final long runId;
    private final PreparedStatement predictions;
    private final PreparedStatement outcomes;
    private final List<Prediction> newPredictions = new ArrayList<>();
    private final List<PredictionOutcome> newOutcomes = new ArrayList<>();

    PredictionLog(Connection connection, long runId) throws SQLException {
        this.runId = runId;
        this.predictions = connection.prepareStatement("INSERT INTO predictions (run_id, id, bot, symbol, time, direction, confidence,"
                + " price, regime, volatility, volume, momentum) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.outcomes = connection.prepareStatement("INSERT INTO prediction_outcomes (run_id, prediction_id, horizon_minutes, time,"
                + " price, move, hit) VALUES (?, ?, ?, ?, ?, ?, ?)");
    }

    /** @return whether the buffer is full enough to write */
    boolean add(Prediction p) {
        newPredictions.add(p);
        return size() >= BATCH;
    }

    /** @return whether the buffer is full enough to write */
    boolean add(PredictionOutcome o) {
        newOutcomes.add(o);
        return size() >= BATCH;
    }

    private int size() {
        return newPredictions.size() + newOutcomes.size();
    }

    /** @return whether nothing waits to be written */
    boolean isEmpty() {
        return size() == 0;
    }

    /** Adds the buffered rows to the journal's transaction (the caller commits). */
    void write() throws SQLException {
        for (Prediction p : newPredictions) {
            predictions.setLong(1, runId);
            predictions.setLong(2, p.id());
            predictions.setString(3, p.bot());
            predictions.setString(4, p.symbol());
            predictions.setLong(5, p.time().toEpochMilli());
            predictions.setString(6, p.direction().name());
            predictions.setDouble(7, p.confidence());
            predictions.setDouble(8, p.price());
            predictions.setString(9, p.situation().regime().name());
            predictions.setString(10, p.situation().volatility().name());
            predictions.setString(11, p.situation().volume().name());
            predictions.setString(12, p.situation().momentum().name());
            predictions.addBatch();
        }
        if (!newPredictions.isEmpty()) {
            predictions.executeBatch();
        }
        for (PredictionOutcome o : newOutcomes) {
            outcomes.setLong(1, runId);
            outcomes.setLong(2, o.prediction().id());
            outcomes.setInt(3, Math.toIntExact(o.horizon().toMinutes()));
            outcomes.setLong(4, o.time().toEpochMilli());
            outcomes.setDouble(5, o.price());
            outcomes.setDouble(6, o.move());
            outcomes.setBoolean(7, o.hit());
            outcomes.addBatch();
        }
        if (!newOutcomes.isEmpty()) {
            outcomes.executeBatch();
        }
    }

    /** Forgets the rows written (after the commit). */
    void written() {
        newPredictions.clear();
        newOutcomes.clear();
    }

    @Override
    public void close() throws SQLException {
        predictions.close();
        outcomes.close();
    }
}
