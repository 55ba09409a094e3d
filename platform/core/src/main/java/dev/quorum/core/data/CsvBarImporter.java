package dev.quorum.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.api.Timeframe;
import dev.quorum.core.store.Database;
import dev.quorum.core.store.DatabaseException;

/**
 * Imports a candle CSV ({@code timestamp,open,high,low,close,volume}, see {@link CsvBarReader} for
 * the rules) into the {@code candles} table, all or nothing, in one transaction.
 *
 * <ul>
 *   <li>The file is streamed and stored in JDBC batches; it is never held in memory.</li>
 *   <li>Any problem rolls the whole import back and throws {@link CandleImportException}
 *       ({@code <file>:<line>: <what> (<value>, expected <what>)}); the store is unchanged.
 *       When several lines are wrong, the earliest one is reported.</li>
 *   <li>Bars already stored with identical values are skipped, so re-importing a file changes
 *       nothing; a stored bar with different values is refused, never overwritten.</li>
 *   <li>Each successful import adds a row to {@code candle_imports} (file, SHA-256, counts, range,
 *       gap count, time from the injected clock).</li>
 * </ul>
 * Thread-safe; concurrent imports of the same symbol and timeframe may fail on the primary key and
 * are then rolled back like any other failure.
 */
public final class CsvBarImporter {

    private static final int CHUNK = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(CsvBarImporter.class);
    private static final String INSERT_IMPORT = "INSERT INTO candle_imports (source, sha256, symbol, timeframe,"
            + " bars_inserted, bars_skipped, first_open_time, last_open_time, gap_count, imported_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Database database;
    private final Clock clock;

    /**
     * @param database where the candles go
     * @param clock    the source of {@code imported_at}
     */
    public CsvBarImporter(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Imports one file.
     *
     * @param file      the CSV file
     * @param symbol    the instrument the bars are stored under, such as {@code BTC-USD}; see {@link dev.quorum.api.Bar#checkSymbol}
     * @param timeframe the bar length of the file; its short form at most 8 characters
     * @return what was stored and skipped, the range and the gaps
     * @throws CandleImportException if the file is missing, unreadable or invalid, or conflicts with
     *                               stored bars; nothing was stored
     * @throws DatabaseException     if no database connection can be had
     * @throws IllegalArgumentException for a symbol that is not valid
     */
    public ImportResult importCsv(Path file, String symbol, Timeframe timeframe) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(timeframe, "timeframe");
        if (symbol == null) {
            throw new IllegalArgumentException("symbol must not be null");
        }
        dev.quorum.api.Bar.checkSymbol(symbol);
        if (timeframe.toString().length() > 8) {
            throw new IllegalArgumentException("timeframe " + timeframe + " is too long to store: at most 8 characters");
        }
        if (!Files.isRegularFile(file)) {
            throw new CandleImportException(file, 0, Files.exists(file) ? "not a regular file" : "no such file",
                    "'" + file.toAbsolutePath() + "'", "a readable CSV file");
        }
        LOG.info("importing {} as {} {}", file, symbol, timeframe);
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                ImportResult result = load(connection, file, symbol, timeframe);
                connection.commit();
                LOG.info("{}: {}", file, result.summary());
                return result;
            } catch (RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                restoreAutoCommit(connection);
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot import " + file + " into " + database.url() + ": " + e.getMessage(), e);
        }
    }

    private ImportResult load(Connection connection, Path file, String symbol, Timeframe timeframe) {
        MessageDigest sha256 = sha256();
        CandleWriter writer = null;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            writer = new CandleWriter(connection, file, symbol, timeframe, CHUNK);
            CsvBarReader bars = new CsvBarReader(reader, file, timeframe);
            CsvRow first = null;
            CsvRow last = null;
            try {
                for (CsvRow row = bars.next(); row != null; row = bars.next()) {
                    first = first == null ? row : first;
                    last = row;
                    writer.add(row);
                }
            } catch (CandleImportException e) {
                try {
                    writer.flush(); // a conflict on an earlier line, if any, is the error to report
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            writer.flush();
            ImportResult result = new ImportResult(symbol, timeframe, writer.inserted(), writer.skipped(),
                    Instant.ofEpochMilli(first.openTime()), Instant.ofEpochMilli(last.openTime()), bars.gaps());
            record(connection, file, HexFormat.of().formatHex(sha256.digest()), result);
            return result;
        } catch (IOException e) {
            throw new CandleImportException(file, 0, "read error", String.valueOf(e.getMessage()), "a readable CSV file", e);
        } catch (SQLException e) {
            long line = writer == null ? 0 : writer.pendingLine();
            throw new CandleImportException(file, line, "database error", String.valueOf(e.getMessage()),
                    "the bars to be stored", e);
        } finally {
            closeQuietly(writer);
        }
    }

    private void record(Connection connection, Path file, String sha, ImportResult result) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_IMPORT)) {
            insert.setString(1, file.toString());
            insert.setString(2, sha);
            insert.setString(3, result.symbol());
            insert.setString(4, result.timeframe().toString());
            insert.setLong(5, result.inserted());
            insert.setLong(6, result.skipped());
            insert.setLong(7, result.first().toEpochMilli());
            insert.setLong(8, result.last().toEpochMilli());
            insert.setLong(9, result.gaps().size());
            insert.setLong(10, clock.millis());
            insert.executeUpdate();
        }
    }

    private static void rollback(Connection connection, RuntimeException cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debug("restoring auto-commit failed", e);
        }
    }

    private static void closeQuietly(CandleWriter writer) {
        if (writer != null) {
            try {
                writer.close();
            } catch (SQLException e) {
                LOG.debug("closing statements failed", e);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
