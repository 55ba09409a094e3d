package dev.quorum.core.data;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.quorum.api.Timeframe;

/**
 * Stores validated rows of one file in chunks, inside the caller's transaction: for each chunk it
 * reads the bars already stored in the chunk's time range (one query), skips rows stored with
 * identical values, refuses rows stored with different values, and inserts the rest as one JDBC
 * batch. Memory is bounded by the chunk size.
 */
final class CandleWriter implements AutoCloseable {

    private static final String SELECT_STORED = "SELECT open_time, open, high, low, close, volume FROM candles"
            + " WHERE symbol = ? AND timeframe = ? AND open_time >= ? AND open_time <= ?";
    private static final String INSERT = "INSERT INTO candles (symbol, timeframe, open_time, open, high, low, close, volume)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final Path file;
    private final String symbol;
    private final Timeframe timeframe;
    private final int chunkSize;
    private final PreparedStatement select;
    private final PreparedStatement insert;
    private final List<CsvRow> pending;
    private long inserted;
    private long skipped;

    CandleWriter(Connection connection, Path file, String symbol, Timeframe timeframe, int chunkSize) throws SQLException {
        this.file = file;
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.chunkSize = chunkSize;
        this.pending = new ArrayList<>(chunkSize);
        this.select = connection.prepareStatement(SELECT_STORED);
        try {
            this.insert = connection.prepareStatement(INSERT);
        } catch (SQLException e) {
            select.close();
            throw e;
        }
    }

    /**
     * Queues a row; stores the queue when it is full.
     *
     * @param row a validated row, later than every row added before
     * @throws CandleImportException if a stored bar differs from a row of the stored chunk
     * @throws SQLException          if the database fails
     */
    void add(CsvRow row) throws SQLException {
        pending.add(row);
        if (pending.size() >= chunkSize) {
            flush();
        }
    }

    /**
     * Stores the queued rows.
     *
     * @throws CandleImportException if a stored bar differs from a queued row (the earliest such row)
     * @throws SQLException          if the database fails
     */
    void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        Map<Long, double[]> stored = stored(pending.getFirst().openTime(), pending.getLast().openTime());
        int batched = 0;
        for (CsvRow row : pending) {
            double[] existing = stored.get(row.openTime());
            if (existing == null) {
                bind(row);
                insert.addBatch();
                batched++;
            } else if (row.sameValues(existing)) {
                skipped++;
            } else {
                insert.clearBatch();
                throw new CandleImportException(file, row.line(), "bar differs from the stored one",
                        symbol + " " + timeframe + " " + Instant.ofEpochMilli(row.openTime()) + ": file " + row.values()
                                + ", stored " + CsvRow.values(existing),
                        "identical values, stored candles are never overwritten");
            }
        }
        if (batched > 0) {
            insert.executeBatch();
            inserted += batched;
        }
        pending.clear();
    }

    /** @return the line of the last queued row, or 0 if none is queued */
    long pendingLine() {
        return pending.isEmpty() ? 0 : pending.getLast().line();
    }

    /** @return rows inserted so far */
    long inserted() {
        return inserted;
    }

    /** @return rows skipped so far because they were stored with identical values */
    long skipped() {
        return skipped;
    }

    @Override
    public void close() throws SQLException {
        try {
            select.close();
        } finally {
            insert.close();
        }
    }

    private Map<Long, double[]> stored(long from, long to) throws SQLException {
        select.setString(1, symbol);
        select.setString(2, timeframe.toString());
        select.setLong(3, from);
        select.setLong(4, to);
        Map<Long, double[]> stored = new HashMap<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                stored.put(rs.getLong(1), new double[] {rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getDouble(5), rs.getDouble(6)});
            }
        }
        return stored;
    }

    private void bind(CsvRow row) throws SQLException {
        insert.setString(1, symbol);
        insert.setString(2, timeframe.toString());
        insert.setLong(3, row.openTime());
        insert.setDouble(4, row.open());
        insert.setDouble(5, row.high());
        insert.setDouble(6, row.low());
        insert.setDouble(7, row.close());
        insert.setDouble(8, row.volume());
    }
}
