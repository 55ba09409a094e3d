package dev.quorum.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, migrating, durable-write settings and failure messages of {@link Database}. */
class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void compactingShrinksAFileOfManyCommitsAndKeepsEveryRow() throws Exception {
        Path file = dir.resolve("db/quorum");
        Database db = Database.open(Database.fileUrl(file));
        try (Connection c = db.connection(); java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO learner_state (scope,"
                + " learner, state_key, state_value, updated_at) VALUES ('s', 'l', ?, ?, CURRENT_TIMESTAMP)")) {
            String value = "x".repeat(20_000);
            for (int k = 0; k < 400; k++) { // one commit each, as the journal does per trade
                ps.setString(1, "k" + k);
                ps.setString(2, value);
                ps.executeUpdate();
            }
        }
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE learner_state SET state_value = 'small'");
        }
        long before = java.nio.file.Files.size(dir.resolve("db/quorum.mv.db"));
        assertTrue(db.compactAndClose());
        long after = java.nio.file.Files.size(dir.resolve("db/quorum.mv.db"));
        assertTrue(after < before, "compacted " + before + " -> " + after);
        try (Database again = Database.open(Database.fileUrl(file))) {
            assertEquals(400, count(again, "learner_state WHERE state_value = 'small'"));
        }
    }

    @Test
    void migratesAnEmptyFileDatabaseAndIsANoOpTheSecondTime() throws SQLException {
        Path file = dir.resolve("db/quorum");
        long history;
        try (Database db = Database.open(Database.fileUrl(file))) {
            assertTrue(db.migrationsApplied() >= 1, "migrations applied: " + db.migrationsApplied());
            assertEquals(Map.of("SYMBOL", "CHARACTER VARYING", "TIMEFRAME", "CHARACTER VARYING", "OPEN_TIME", "BIGINT",
                    "OPEN", "DOUBLE PRECISION", "HIGH", "DOUBLE PRECISION", "LOW", "DOUBLE PRECISION",
                    "CLOSE", "DOUBLE PRECISION", "VOLUME", "DOUBLE PRECISION"), columns(db, "CANDLES"));
            assertEquals(java.util.Set.of("SOURCE", "SHA256", "SYMBOL", "TIMEFRAME", "BARS_INSERTED", "BARS_SKIPPED",
                    "FIRST_OPEN_TIME", "LAST_OPEN_TIME", "GAP_COUNT", "IMPORTED_AT"), columns(db, "CANDLE_IMPORTS").keySet());
            history = count(db, "\"flyway_schema_history\" WHERE \"type\" = 'SQL'");
            assertEquals(db.migrationsApplied(), history);
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO candles VALUES ('BTC-USD', '1m', 0, 1, 2, 0.5, 1.5, 3)");
            }
        }
        try (Database again = Database.open(Database.fileUrl(file))) {
            assertEquals(0, again.migrationsApplied());
            assertEquals(history, count(again, "\"flyway_schema_history\" WHERE \"type\" = 'SQL'"));
            assertEquals(1, count(again, "candles"));
        }
    }

    @Test
    void fileUrlAndOpenMakeCommitsDurable() throws SQLException {
        String url = Database.fileUrl(dir.resolve("a"));
        assertEquals("jdbc:h2:file:" + dir.resolve("a").toAbsolutePath() + ";WRITE_DELAY=0", url);
        try (Database db = Database.open(url)) {
            assertEquals("0", writeDelay(db));
        }
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("b"))) {
            assertTrue(db.url().endsWith(";WRITE_DELAY=0"), db.url());
            assertEquals("0", writeDelay(db));
        }
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("c") + ";write_delay=100")) {
            assertEquals("100", writeDelay(db), "an explicit setting is kept");
        }
        assertThrows(IllegalArgumentException.class, () -> Database.fileUrl(Path.of("x;INIT=RUNSCRIPT")));
    }

    @Test
    void failuresNameTheDatabaseAndTheCause() throws SQLException {
        DatabaseException noDriver = assertThrows(DatabaseException.class, () -> Database.open("jdbc:nosuchdb://x/y"));
        assertTrue(noDriver.getMessage().startsWith("cannot open database jdbc:nosuchdb://x/y: "), noDriver.getMessage());

        // a schema that Flyway did not create: migrating it must fail, loudly, and release the file
        String url = "jdbc:h2:file:" + dir.resolve("foreign");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE candles (x INT)");
        }
        DatabaseException failed = assertThrows(DatabaseException.class, () -> Database.open(url));
        assertTrue(failed.getMessage().startsWith("migration of database " + url + ";WRITE_DELAY=0 failed: "), failed.getMessage());
        assertTrue(failed.getMessage().toLowerCase(Locale.ROOT).contains("schema history table"), failed.getMessage());
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertTrue(c.isValid(1), "the file is not left locked");
        }
    }

    @Test
    void aClosedDatabaseRefusesConnections() {
        Database db = Database.open(Database.fileUrl(dir.resolve("closed")));
        db.close();
        db.close();
        assertThrows(IllegalStateException.class, db::connection);
    }

    private static String writeDelay(Database db) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static long count(Database db, String table) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, String> columns(Database db, String table) throws SQLException {
        Map<String, String> columns = new TreeMap<>();
        try (Connection c = db.connection()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getColumns(null, "PUBLIC", table, null)) {
                while (rs.next()) {
                    if (!rs.getString("COLUMN_NAME").equals("ID")) {
                        columns.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"));
                    }
                }
            }
        }
        return columns;
    }
}
