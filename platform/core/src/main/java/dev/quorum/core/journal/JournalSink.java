package dev.quorum.core.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import dev.quorum.api.Fill;
import dev.quorum.api.Trade;
import dev.quorum.core.engine.RunSink;
import dev.quorum.core.portfolio.ClosedTrade;
import dev.quorum.core.store.Database;

/**
 * Writes one run's fills and trades as they happen, each in its own auto-committed statement:
 * when {@link #onTradeClosed} returns, the trade is committed (and, with the database's write
 * delay of 0, flushed), before the engine processes the next bar.
 */
public final class JournalSink implements RunSink, AutoCloseable {

    private final long runId;
    private final Connection connection;
    private final PreparedStatement fill;
    private final PreparedStatement trade;
    private long fillSeq;

    JournalSink(Database database, long runId) {
        this.runId = runId;
        try {
            this.connection = database.connection();
            connection.setAutoCommit(true);
            this.fill = connection.prepareStatement("INSERT INTO fills (run_id, seq, order_id, symbol, side, quantity, price,"
                    + " fee, fill_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            this.trade = connection.prepareStatement("INSERT INTO trades (run_id, id, symbol, direction, quantity, entry_time,"
                    + " entry_price, exit_time, exit_price, fees, pnl, exit_reason, bots, risk_notes)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the journal for run " + runId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onFill(Fill f) {
        try {
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
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record fill " + fillSeq + " of run " + runId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onTradeClosed(ClosedTrade closed) {
        Trade t = closed.trade();
        try {
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
            trade.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record trade " + t.id() + " of run " + runId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            fill.close();
            trade.close();
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the journal of run " + runId + ": " + e.getMessage(), e);
        }
    }
}
