package dev.quorum.core.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.quorum.api.BarQuery;
import dev.quorum.api.BarStream;
import dev.quorum.api.ComponentInfo;
import dev.quorum.api.MarketDataSource;
import dev.quorum.api.Timeframe;
import dev.quorum.core.store.Database;
import dev.quorum.core.store.DatabaseException;

/**
 * The market data source backed by the {@code candles} table: delivers imported bars, and tells
 * what is stored. Gaps stay gaps; no bar is invented.
 *
 * <p>{@link #bars(BarQuery)} streams from a JDBC result set read {@value #FETCH_SIZE} rows at a time,
 * ordered by open time, then by the symbol's position in the query (the {@link BarStream} contract;
 * for a query whose symbols are listed alphabetically this is alphabetical order). Thread-safe.
 */
public final class CandleStore implements MarketDataSource {

    /** The source id, {@code store}. */
    public static final String ID = "store";
    static final int FETCH_SIZE = 1_000;

    private static final String COVERAGE = "SELECT symbol, timeframe, COUNT(*), MIN(open_time), MAX(open_time)"
            + " FROM candles";

    private final Database database;

    /**
     * @param database the store to read
     */
    public CandleStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public ComponentInfo info() {
        return ComponentInfo.of(ID, "Candle store", "Bars imported into the Quorum database, such as the embedded candle files.");
    }

    /**
     * Streams the stored bars with an open time in {@code [from, to)} of the query's symbols and
     * timeframe. Symbols without stored bars simply contribute none.
     *
     * @param query symbols, timeframe and time range
     * @return the stream; close it (it holds a database connection until closed or exhausted)
     * @throws DatabaseException if the query cannot be run
     */
    @Override
    public BarStream bars(BarQuery query) {
        Map<String, String> symbols = new LinkedHashMap<>();
        query.symbols().forEach(s -> symbols.putIfAbsent(s, s));
        String marks = String.join(", ", Collections.nCopies(symbols.size(), "?"));
        StringBuilder order = new StringBuilder("CASE symbol");
        for (int i = 0; i < symbols.size(); i++) {
            order.append(" WHEN ? THEN ").append(i);
        }
        order.append(" END");
        String sql = "SELECT symbol, open_time, open, high, low, close, volume FROM candles"
                + " WHERE timeframe = ? AND symbol IN (" + marks + ") AND open_time >= ? AND open_time < ?"
                + " ORDER BY open_time, " + order;
        Connection connection = null;
        PreparedStatement statement = null;
        try {
            connection = database.connection();
            connection.setAutoCommit(false); // lets drivers such as PostgreSQL's fetch with a cursor
            statement = connection.prepareStatement(sql);
            statement.setFetchSize(FETCH_SIZE);
            int p = 1;
            statement.setString(p++, query.timeframe().toString());
            for (String symbol : symbols.keySet()) {
                statement.setString(p++, symbol);
            }
            statement.setLong(p++, query.from().toEpochMilli());
            statement.setLong(p++, query.to().toEpochMilli());
            for (String symbol : symbols.keySet()) {
                statement.setString(p++, symbol);
            }
            ResultSet rows = statement.executeQuery();
            return new JdbcBarStream(connection, statement, rows, query.timeframe(), symbols);
        } catch (SQLException e) {
            close(statement, connection, e);
            throw new DatabaseException("reading candles " + symbols.keySet() + " " + query.timeframe()
                    + " [" + query.from() + ", " + query.to() + ") failed: " + e.getMessage(), e);
        }
    }

    /**
     * Stores one bar a market data source delivered, unless the same bar (same values) is stored already: a source's
     * bars are kept so that the run can be charted, re-run as a backtest and resumed from the store.
     *
     * @param bar    the bar
     * @param source the source's id, for the message when the bar differs from the stored one
     * @return true if it was stored, false if an identical bar was there
     * @throws CandleConflictException if a bar of that symbol, timeframe and open time is stored with other values
     *                                 (stored candles are never overwritten)
     * @throws DatabaseException       if the database fails
     */
    public boolean keep(dev.quorum.api.Bar bar, String source) {
        String select = "SELECT open, high, low, close, volume FROM candles WHERE symbol = ? AND timeframe = ? AND open_time = ?";
        String insert = "INSERT INTO candles (symbol, timeframe, open_time, open, high, low, close, volume) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = database.connection()) {
            try (PreparedStatement read = connection.prepareStatement(select)) {
                read.setString(1, bar.symbol());
                read.setString(2, bar.timeframe().toString());
                read.setLong(3, bar.openTime().toEpochMilli());
                try (ResultSet row = read.executeQuery()) {
                    if (row.next()) {
                        double[] stored = {row.getDouble(1), row.getDouble(2), row.getDouble(3), row.getDouble(4), row.getDouble(5)};
                        double[] given = {bar.open(), bar.high(), bar.low(), bar.close(), bar.volume()};
                        if (java.util.Arrays.equals(stored, given)) {
                            return false;
                        }
                        throw new CandleConflictException("data source '" + source + "' gave " + bar.symbol() + " " + bar.timeframe() + " "
                                + bar.openTime() + " as " + CsvRow.values(given) + ", but the store holds " + CsvRow.values(stored)
                                + " for that bar; stored candles are never overwritten: use another database (storage.db) for this"
                                + " source, or a range (data.from/data.to) the store does not hold other candles for");
                    }
                }
            }
            try (PreparedStatement write = connection.prepareStatement(insert)) {
                write.setString(1, bar.symbol());
                write.setString(2, bar.timeframe().toString());
                write.setLong(3, bar.openTime().toEpochMilli());
                write.setDouble(4, bar.open());
                write.setDouble(5, bar.high());
                write.setDouble(6, bar.low());
                write.setDouble(7, bar.close());
                write.setDouble(8, bar.volume());
                write.executeUpdate();
                return true;
            }
        } catch (SQLException e) {
            throw new DatabaseException("storing " + bar.symbol() + " " + bar.timeframe() + " " + bar.openTime() + " from data source '"
                    + source + "' failed: " + e.getMessage(), e);
        }
    }

    /**
     * What is stored, per symbol and timeframe.
     *
     * @return one entry per stored symbol and timeframe, by symbol, then timeframe from short to long
     * @throws DatabaseException if the query fails
     */
    public List<Coverage> coverage() {
        List<Coverage> all = query(COVERAGE + " GROUP BY symbol, timeframe");
        all.sort(Comparator.comparing(Coverage::symbol).thenComparing(Coverage::timeframe));
        return all;
    }

    /**
     * What is stored for one symbol and timeframe.
     *
     * @param symbol    the instrument
     * @param timeframe the bar length
     * @return the coverage, or empty if no bar is stored
     * @throws DatabaseException if the query fails
     */
    public Optional<Coverage> coverage(String symbol, Timeframe timeframe) {
        List<Coverage> one = query(COVERAGE + " WHERE symbol = ? AND timeframe = ? GROUP BY symbol, timeframe",
                symbol, timeframe.toString());
        return one.stream().findFirst();
    }

    private List<Coverage> query(String sql, String... parameters) {
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<Coverage> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(new Coverage(rows.getString(1), Timeframe.parse(rows.getString(2)), rows.getLong(3),
                            Instant.ofEpochMilli(rows.getLong(4)), Instant.ofEpochMilli(rows.getLong(5))));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new DatabaseException("reading candle coverage failed: " + e.getMessage(), e);
        }
    }

    private static void close(PreparedStatement statement, Connection connection, SQLException cause) {
        try (connection; statement) {
            if (connection != null) {
                connection.rollback();
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
