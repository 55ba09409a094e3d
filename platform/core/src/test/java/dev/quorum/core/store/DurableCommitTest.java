package dev.quorum.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise behind {@code WRITE_DELAY=0}: a commit survives the JVM dying right after it.
 * A child JVM commits one row, then halts at once (no shutdown hooks, so H2 gets no chance to close
 * the file); the row must be there when the database is opened again. (With H2's default 500 ms
 * write delay the same child loses the row, and even the tables.)
 */
class DurableCommitTest {

    private static final int HALTED = 42;

    @TempDir
    Path dir;

    @Test
    void aCommitSurvivesAnAbruptJvmExit() throws Exception {
        Path file = dir.resolve("db/quorum");
        Path log = dir.resolve("child.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Child.class.getName(), file.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child did not finish");
        assertEquals(HALTED, child.exitValue(), () -> "child failed: " + read(log));

        try (Database db = Database.open(Database.fileUrl(file))) {
            assertEquals(0, db.migrationsApplied());
            try (Connection c = db.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM candles WHERE symbol = 'DURABLE'")) {
                rs.next();
                assertEquals(1, rs.getLong(1));
            }
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** The child: open, commit one row, halt without closing anything. */
    public static final class Child {

        private Child() {
        }

        /**
         * @param args the database file without extension
         * @throws SQLException if the commit fails (the exit code then differs from 42)
         */
        public static void main(String[] args) throws SQLException {
            Database db = Database.open(Database.fileUrl(Path.of(args[0])));
            Connection c = db.connection();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO candles VALUES ('DURABLE', '1m', 0, 1, 2, 0.5, 1.5, 3)");
            }
            c.commit();
            Runtime.getRuntime().halt(HALTED);
        }
    }
}
