package dev.quorum.core.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.quorum.core.store.Database;

/** Shared helpers of the data tests: where the real candle files are, and how to look into the store. */
final class Fixtures {

    static final String HEADER = "timestamp,open,high,low,close,volume";

    private Fixtures() {
    }

    /**
     * The embedded candle directory: the {@code quorum.dataDir} system property (set by Surefire),
     * else {@code data/candles} found upwards from the working directory.
     */
    static Path dataDir() {
        String property = System.getProperty("quorum.dataDir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data/candles");
            if (Files.isRegularFile(candidate.resolve("catalog.csv"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("set -Dquorum.dataDir to the data/candles directory");
    }

    static Path write(Path dir, String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static long count(Database db, String table) throws SQLException {
        return longQuery(db, "SELECT COUNT(*) FROM " + table);
    }

    /** A fingerprint of the whole candles table, so a test sees any change, not only a changed count. */
    static String candlesFingerprint(Database db) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(open_time), SUM(open), SUM(high), SUM(low),"
                     + " SUM(close), SUM(volume) FROM candles")) {
            rs.next();
            StringBuilder b = new StringBuilder();
            for (int i = 1; i <= 7; i++) {
                b.append(rs.getString(i)).append('|');
            }
            return b.toString();
        }
    }

    static long longQuery(Database db, String sql) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
