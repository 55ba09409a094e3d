package dev.quorum.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relational store: one JDBC database, migrated to the current schema on open.
 *
 * <p>{@link #open(String)} runs the Flyway migrations in {@code classpath:db/migration}
 * ({@code V1__candles.sql}, ...) and then hands out connections. H2 URLs get a connection pool
 * ({@link JdbcConnectionPool}, user {@code sa}, empty password: the file is protected by file-system
 * permissions); any other URL (such as PostgreSQL, whose JDBC driver and Flyway database module must
 * then be on the class path) is served by {@link DriverManager}. The SQL of the migrations and of the
 * classes that use this store is portable.
 *
 * <h2>Durability: {@code WRITE_DELAY=0}</h2>
 * A closed trade must be committed and written before the next bar is processed. H2's default
 * {@code WRITE_DELAY} is 500 ms: a commit only reaches the MVStore's memory and a background thread
 * writes it to the file up to half a second later, so a crash (kill -9, power cut, {@code halt})
 * right after a commit loses it. With {@code WRITE_DELAY=0} H2 disables that background writer and
 * {@code commit()} writes the MVStore chunk to the database file before it returns (H2 2.5.252,
 * {@code TransactionStore.endTransaction}: {@code if (autoCommitDelay == 0) store.commit()}).
 * The write reaches the operating system; like every H2 commit it is not fsync'ed, so it survives
 * the JVM dying at any moment but an OS crash or power loss may still lose the last few commits
 * (H2 docs, "Durability Problems"; {@code CHECKPOINT SYNC} forces an fsync if ever needed).
 * The cost: one chunk write per commit instead of one every half second, and a file that grows
 * faster between compactions.
 * A bulk import is one transaction, so it pays this once; a backtest commits once per closed trade.
 * {@link #fileUrl(Path)} sets {@code WRITE_DELAY=0}, and {@link #open(String)} adds it to any H2 URL
 * that does not set {@code WRITE_DELAY} itself. A command that must still write while the JVM shuts down (a run that
 * Ctrl-C stops and stores as STOPPED) opens it with {@code DB_CLOSE_ON_EXIT=FALSE} and closes it itself.
 *
 * <p>Thread-safe. Close it to release the pool; connections still in use stay valid until closed.
 */
public final class Database implements AutoCloseable {

    // README: "Quorum opens H2 with WRITE_DELAY=0: every commit (such as a closed trade) is written
    // to the database file before the next bar is processed, so it survives a crash of the JVM.
    // H2's default (500 ms) would keep up to half a second of commits only in memory."
    private static final String DURABLE_WRITES = "WRITE_DELAY=0";
    private static final String MIGRATIONS = "classpath:db/migration";
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final String url;
    private final JdbcConnectionPool pool;
    private final int migrationsApplied;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(String url, JdbcConnectionPool pool, int migrationsApplied) {
        this.url = url;
        this.pool = pool;
        this.migrationsApplied = migrationsApplied;
    }

    /**
     * Opens a database and migrates it to the current schema.
     *
     * @param jdbcUrl a JDBC URL such as {@code jdbc:h2:file:/var/quorum/db/quorum;WRITE_DELAY=0} or
     *                {@code jdbc:postgresql://host/quorum?user=q&password=...}; an H2 URL without a
     *                {@code WRITE_DELAY} setting gets {@code WRITE_DELAY=0} appended
     * @return the open database
     * @throws DatabaseException naming the URL and the cause if the database cannot be opened or a
     *                           migration fails (nothing of a failed migration is kept where the
     *                           database supports transactional DDL)
     */
    public static Database open(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        String url = isH2(jdbcUrl) ? withDurableWrites(jdbcUrl.trim()) : jdbcUrl.trim();
        JdbcConnectionPool pool = isH2(url) ? JdbcConnectionPool.create(url, "sa", "") : null;
        try (Connection probe = pool != null ? pool.getConnection() : DriverManager.getConnection(url)) {
            LOG.debug("opened database {} ({} {})", url, probe.getMetaData().getDatabaseProductName(),
                    probe.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            dispose(pool);
            throw new DatabaseException("cannot open database " + url + ": " + oneLine(e), e);
        }
        try {
            FluentConfiguration flyway = Flyway.configure(Database.class.getClassLoader())
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true);
            flyway = pool != null ? flyway.dataSource(pool) : flyway.dataSource(url, null, null);
            MigrateResult result = flyway.load().migrate();
            LOG.info("database {} at schema version {} ({} migration(s) applied)", url,
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    result.migrationsExecuted);
            return new Database(url, pool, result.migrationsExecuted);
        } catch (RuntimeException e) {
            dispose(pool);
            throw new DatabaseException("migration of database " + url + " failed: " + oneLine(e), e);
        }
    }

    /**
     * The default URL of an embedded H2 file database, with durable commits ({@code WRITE_DELAY=0}).
     *
     * @param dbFileWithoutExtension the database file without H2's {@code .mv.db} extension, such as
     *                               {@code var/db/quorum}; made absolute
     * @return a URL such as {@code jdbc:h2:file:/home/me/quorum/var/db/quorum;WRITE_DELAY=0}
     * @throws IllegalArgumentException if the path contains {@code ;}, which would end the URL's path
     */
    public static String fileUrl(Path dbFileWithoutExtension) {
        String path = dbFileWithoutExtension.toAbsolutePath().normalize().toString();
        if (path.contains(";")) {
            throw new IllegalArgumentException("database path '" + path + "' must not contain ';'");
        }
        return "jdbc:h2:file:" + path + ";" + DURABLE_WRITES;
    }

    /**
     * A connection, in auto-commit mode; close it after use (it goes back to the pool).
     *
     * @return the connection
     * @throws SQLException if none can be had (for a pool, after waiting 30 s for a free one)
     * @throws IllegalStateException once the database is closed
     */
    public Connection connection() throws SQLException {
        if (closed.get()) {
            throw new IllegalStateException("database " + url + " is closed");
        }
        return pool != null ? pool.getConnection() : DriverManager.getConnection(url);
    }

    /**
     * The URL in use, after {@code WRITE_DELAY=0} was added where needed.
     *
     * @return the JDBC URL
     */
    public String url() {
        return url;
    }

    /**
     * How many migrations {@link #open(String)} applied: all of them on an empty database, 0 when
     * the schema was already current.
     *
     * @return the number of migrations applied on open
     */
    public int migrationsApplied() {
        return migrationsApplied;
    }

    /**
     * Connections handed out and not yet closed, for diagnostics and leak tests.
     *
     * @return the number of open pooled connections, or -1 when connections are not pooled
     */
    public int activeConnections() {
        return pool != null ? pool.getActiveConnections() : -1;
    }

    /**
     * Closes the store after compacting it, for an H2 file database (H2's {@code SHUTDOWN COMPACT}): every commit writes
     * a chunk and the space of the old ones is reclaimed only by compaction, so a command that made hundreds of runs
     * (./quorum evaluate: a 680 MB file that compacts to about 110 MB) leaves the file much smaller. Any other database is
     * simply closed. Takes seconds to tens of seconds on a large file.
     *
     * @return whether it was compacted
     */
    public boolean compactAndClose() {
        if (closed.get() || pool == null) {
            close();
            return false;
        }
        try (Connection c = pool.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            LOG.warn("database {}: compaction failed: {}", url, oneLine(e));
            close();
            return false;
        }
        close();
        return true;
    }

    /** Releases the pool's idle connections; H2 closes the file when the last connection closes. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && pool != null) {
            int active = pool.getActiveConnections();
            if (active > 0) {
                LOG.warn("database {} closed while {} connection(s) are still in use", url, active);
            }
            pool.dispose();
        }
    }

    private static void dispose(JdbcConnectionPool pool) {
        if (pool != null) {
            pool.dispose();
        }
    }

    private static boolean isH2(String url) {
        return url.trim().toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
    }

    private static String withDurableWrites(String url) {
        if (url.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=")) {
            return url;
        }
        return url + ";" + DURABLE_WRITES;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
