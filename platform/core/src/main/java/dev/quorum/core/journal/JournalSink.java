package dev.quorum.core.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.quorum.api.Fill;
import dev.quorum.api.OrderIntent;
import dev.quorum.api.Trade;
import dev.quorum.core.engine.RunSink;
import dev.quorum.core.engine.SignalCount;
import dev.quorum.core.portfolio.ClosedTrade;
import dev.quorum.core.portfolio.EquityPoint;
import dev.quorum.core.risk.RiskOutcome;
import dev.quorum.core.risk.RiskStep;
import dev.quorum.core.store.Database;

/**
 * Writes one run's fills and trades as they happen: an entry fill (or a part of an exit that leaves the
 * position open) in its own commit, an exit fill and the trade it closed together in one. When
 * {@link #onExit} returns, the trade is committed (and, with the database's write delay of 0, written to
 * the file), before the engine processes the next bar; a crash never leaves an exit fill without its
 * trade. Equity-curve points and the signal counts that come with them are derived data: they are buffered
 * and written in batches of {@value #EQUITY_BATCH} points in their own commits, and the rest when the run ends ({@link #flush}, {@link #close});
 * so are the risk chain's steps on each order intent (table risk_steps), in batches of {@value #RISK_BATCH}.
 */
public final class JournalSink implements RunSink, AutoCloseable {

    /** Equity points written per batch. */
    static final int EQUITY_BATCH = 500;
    /** Risk steps buffered before they are written. */
    static final int RISK_BATCH = 2_000;

    private final long runId;
    private final Connection connection;
    private final PreparedStatement fill;
    private final PreparedStatement trade;
    private final PreparedStatement equity;
    private final PreparedStatement signals;
    private final PreparedStatement riskSteps;
    private final PredictionLog predictionLog;
    private final List<EquityPoint> points = new ArrayList<>();
    private final List<RiskRow> riskRows = new ArrayList<>();
    private long decisionSeq;
    private final List<SignalCount> counts = new ArrayList<>();
    private long fillSeq;
    private long healthSeq;

    JournalSink(Database database, long runId) {
        this.runId = runId;
        try {
            this.connection = database.connection();
            connection.setAutoCommit(false);
            this.fill = connection.prepareStatement("INSERT INTO fills (run_id, seq, order_id, symbol, side, quantity, price,"
                    + " fee, fill_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            this.trade = connection.prepareStatement("INSERT INTO trades (run_id, id, symbol, direction, quantity, entry_time,"
                    + " entry_price, exit_time, exit_price, fees, pnl, exit_reason, bots, risk_notes, exit_notes,"
                    + " hedge) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            this.equity = connection.prepareStatement("INSERT INTO equity_curve (run_id, time, equity, cash, exposure)"
                    + " VALUES (?, ?, ?, ?, ?)");
            this.signals = connection.prepareStatement("INSERT INTO signal_counts (run_id, bot, time, longs, shorts)"
                    + " VALUES (?, ?, ?, ?, ?)");
            this.predictionLog = new PredictionLog(connection, runId);
            this.riskSteps = connection.prepareStatement("INSERT INTO risk_steps (run_id, decision, step, time, symbol, direction,"
                    + " module, verdict, qty_before, qty_after, faulted, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            // a resumed run numbers on from what it stored before it stopped
            this.fillSeq = largest("SELECT MAX(seq) FROM fills WHERE run_id = ?");
            this.decisionSeq = largest("SELECT MAX(decision) FROM risk_steps WHERE run_id = ?");
            this.healthSeq = largest("SELECT MAX(seq) FROM bot_health WHERE run_id = ?");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the journal for run " + runId + ": " + e.getMessage(), e);
        }
    }

    private long largest(String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0; // 0 for SQL NULL: nothing stored yet
            }
        }
    }

    @Override
    public void onEntry(Fill f) {
        try {
            insertFill(f);
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("cannot record fill " + fillSeq + " of run " + runId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onExit(Fill f, ClosedTrade closed) {
        try {
            insertFill(f);
            insertTrade(closed);
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("cannot record trade " + closed.trade().id() + " of run " + runId + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void onEquity(EquityPoint point) {
        points.add(point);
        if (points.size() >= EQUITY_BATCH) {
            flush();
        }
    }

    @Override
    public void onSignals(List<SignalCount> bucket) {
        counts.addAll(bucket);
    }

    /** One module's step on one intent, waiting to be written. */
    private record RiskRow(long decision, int step, OrderIntent intent, RiskStep what) {
    }

    @Override
    public void onRiskDecision(OrderIntent intent, RiskOutcome outcome) {
        long decision = ++decisionSeq;
        List<RiskStep> steps = outcome.steps();
        for (int i = 0; i < steps.size(); i++) {
            riskRows.add(new RiskRow(decision, i + 1, intent, steps.get(i)));
        }
        if (riskRows.size() >= RISK_BATCH) {
            flush();
        }
    }

    @Override
    public void onHealthTransition(String bot, dev.quorum.core.learning.BotHealth.Transition t) {
        flush(); // the outcomes that caused it are stored first
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO bot_health (run_id, seq, bot, time, from_state, to_state,"
                + " strikes, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, runId);
            ps.setLong(2, ++healthSeq);
            ps.setString(3, bot);
            ps.setLong(4, t.time().toEpochMilli());
            ps.setString(5, t.from().name());
            ps.setString(6, t.to().name());
            ps.setInt(7, t.strikes());
            ps.setString(8, RunJournal.truncate(t.reason()));
            ps.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("cannot record bot " + bot + "'s health of run " + runId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onLearning(java.util.Map<String, java.util.Map<String, Double>> weights,
                           List<dev.quorum.core.learning.LearnerDesk.Figure> figures) {
        flush();
        try (PreparedStatement w = connection.prepareStatement("INSERT INTO bot_weights (run_id, bot, symbol, weight) VALUES (?, ?, ?, ?)");
             PreparedStatement f = connection.prepareStatement("INSERT INTO learner_figures (run_id, learner, bot, figure, figure_value)"
                     + " VALUES (?, ?, ?, ?, ?)")) {
            addWeights(w, null, weights);
            for (var figure : figures) {
                f.setLong(1, runId);
                f.setString(2, figure.learner());
                f.setString(3, figure.bot());
                f.setString(4, figure.figure());
                f.setDouble(5, figure.value());
                f.addBatch();
            }
            f.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("cannot record the learners' weights and figures of run " + runId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onWeights(java.time.Instant time, java.util.Map<String, java.util.Map<String, Double>> weights) {
        try (PreparedStatement w = connection.prepareStatement("INSERT INTO bot_weight_snapshots (run_id, time, bot, symbol, weight)"
                + " VALUES (?, ?, ?, ?, ?)")) {
            addWeights(w, time, weights);
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("cannot record the learners' weights at " + time + " of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** Inserts weights (symbol to bot to weight) as rows (run_id, [time,] bot, symbol, weight). */
    private void addWeights(PreparedStatement w, java.time.Instant time, java.util.Map<String, java.util.Map<String, Double>> weights)
            throws SQLException {
        int at = time == null ? 1 : 2;
        for (var symbol : weights.entrySet()) {
            for (var bot : symbol.getValue().entrySet()) {
                w.setLong(1, runId);
                if (time != null) {
                    w.setLong(2, time.toEpochMilli());
                }
                w.setString(at + 1, bot.getKey());
                w.setString(at + 2, symbol.getKey());
                w.setDouble(at + 3, bot.getValue());
                w.addBatch();
            }
        }
        w.executeBatch();
    }

    @Override
    public void onPrediction(dev.quorum.core.learning.Prediction prediction) {
        if (predictionLog.add(prediction)) {
            flush();
        }
    }

    @Override
    public void onOutcome(dev.quorum.core.learning.PredictionOutcome outcome) {
        if (predictionLog.add(outcome)) {
            flush();
        }
    }

    @Override
    public void flush() {
        if (points.isEmpty() && counts.isEmpty() && riskRows.isEmpty() && predictionLog.isEmpty()) {
            return;
        }
        try {
            predictionLog.write();
            for (RiskRow r : riskRows) {
                riskSteps.setLong(1, runId);
                riskSteps.setLong(2, r.decision());
                riskSteps.setInt(3, r.step());
                riskSteps.setLong(4, r.intent().createdAt().toEpochMilli());
                riskSteps.setString(5, r.intent().symbol());
                riskSteps.setString(6, r.intent().direction().name());
                riskSteps.setString(7, r.what().module());
                riskSteps.setString(8, r.what().verdict().name());
                riskSteps.setDouble(9, r.what().before());
                riskSteps.setDouble(10, r.what().after());
                riskSteps.setBoolean(11, r.what().faulted());
                riskSteps.setString(12, RunJournal.truncate(r.what().reason()));
                riskSteps.addBatch();
            }
            if (!riskRows.isEmpty()) {
                riskSteps.executeBatch();
            }
            for (SignalCount s : counts) {
                signals.setLong(1, runId);
                signals.setString(2, s.bot());
                signals.setLong(3, s.time().toEpochMilli());
                signals.setLong(4, s.longs());
                signals.setLong(5, s.shorts());
                signals.addBatch();
            }
            if (!counts.isEmpty()) {
                signals.executeBatch();
            }
            for (EquityPoint p : points) {
                equity.setLong(1, runId);
                equity.setLong(2, p.time().toEpochMilli());
                equity.setDouble(3, p.equity());
                equity.setDouble(4, p.cash());
                equity.setDouble(5, p.exposure());
                equity.addBatch();
            }
            if (!points.isEmpty()) {
                equity.executeBatch();
            }
            connection.commit();
            points.clear();
            counts.clear();
            riskRows.clear();
            predictionLog.written();
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("cannot record the equity curve, signal counts, risk decisions and predictions of run "
                    + runId + ": " + e.getMessage(), e);
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the caller needs to see
        }
    }

    private void insertFill(Fill f) throws SQLException {
        fill.setLong(1, runId);
        fill.setLong(2, ++fillSeq);
        fill.setLong(3, f.orderId());
        fill.setString(4, f.symbol());
        fill.setString(5, f.side().name());
        fill.setDouble(6, f.quantity());
        fill.setDouble(7, f.price());
        fill.setDouble(8, f.fee());
        fill.setLong(9, f.time().toEpochMilli());
        fill.executeUpdate();
    }

    private void insertTrade(ClosedTrade closed) throws SQLException {
        Trade t = closed.trade();
        trade.setLong(1, runId);
        trade.setLong(2, t.id());
        trade.setString(3, t.symbol());
        trade.setString(4, t.direction().name());
        trade.setDouble(5, t.quantity());
        trade.setLong(6, t.entryTime().toEpochMilli());
        trade.setDouble(7, t.entryPrice());
        trade.setLong(8, t.exitTime().toEpochMilli());
        trade.setDouble(9, t.exitPrice());
        trade.setDouble(10, t.fees());
        trade.setDouble(11, t.pnl());
        trade.setString(12, t.exitReason().name());
        trade.setString(13, String.join(",", t.bots()));
        trade.setString(14, RunJournal.truncate(closed.notes()));
        trade.setString(15, RunJournal.truncate(closed.exitNotes()));
        trade.setBoolean(16, t.hedge());
        trade.executeUpdate();
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            closeStatements();
        }
    }

    private void closeStatements() {
        try {
            fill.close();
            trade.close();
            equity.close();
            signals.close();
            riskSteps.close();
            predictionLog.close();
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the journal of run " + runId + ": " + e.getMessage(), e);
        }
    }
}
