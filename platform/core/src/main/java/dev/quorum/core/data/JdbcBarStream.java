package dev.quorum.core.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.api.Bar;
import dev.quorum.api.BarStream;
import dev.quorum.api.Timeframe;
import dev.quorum.core.store.DatabaseException;

/**
 * A {@link BarStream} over an open result set of the {@code candles} table (columns symbol,
 * open_time, open, high, low, close, volume). Owns its connection: closes it when closed or when
 * the rows are exhausted or reading fails.
 */
final class JdbcBarStream implements BarStream {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcBarStream.class);

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final Timeframe timeframe;
    private final Map<String, String> symbols;
    private Bar next;
    private boolean closed;

    /**
     * @param connection the connection, closed by this stream
     * @param statement  the executed statement, closed by this stream
     * @param rows       its result
     * @param timeframe  the bars' timeframe
     * @param symbols    the queried symbols, each mapped to itself (so bars share the query's strings)
     */
    JdbcBarStream(Connection connection, PreparedStatement statement, ResultSet rows, Timeframe timeframe,
                  Map<String, String> symbols) {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.timeframe = timeframe;
        this.symbols = symbols;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !closed) {
            next = read();
        }
        return next != null;
    }

    @Override
    public Bar next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more bars");
        }
        Bar bar = next;
        next = null;
        return bar;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        next = null;
        try (connection; statement; rows) {
            connection.rollback(); // read-only transaction, opened for cursor-based fetching
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debug("closing a bar stream failed", e);
        }
    }

    private Bar read() {
        String symbol = null;
        long openTime = 0;
        try {
            if (!rows.next()) {
                close();
                return null;
            }
            symbol = rows.getString(1);
            openTime = rows.getLong(2);
            return new Bar(symbols.getOrDefault(symbol, symbol), timeframe, Instant.ofEpochMilli(openTime),
                    rows.getDouble(3), rows.getDouble(4), rows.getDouble(5), rows.getDouble(6), rows.getDouble(7));
        } catch (SQLException e) {
            close();
            throw new DatabaseException("reading candles failed: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            close();
            throw new DatabaseException("stored candle " + symbol + " " + timeframe + " " + Instant.ofEpochMilli(openTime)
                    + " is invalid: " + e.getMessage(), e);
        }
    }
}
