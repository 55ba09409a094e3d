package dev.quorum.core.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.quorum.api.StateStore;
import dev.quorum.core.store.Database;
import dev.quorum.core.store.DatabaseException;

/**
 * A learner's {@link StateStore} in the database (table {@code learner_state}): its keys under one scope, which is
 * {@code run-<id>} for a run that started fresh or the name given as {@code learning.state}. Each {@link #put} is
 * its own transaction, durable when it returns.
 */
public final class StoredLearnerState implements StateStore {

    private final Database database;
    private final String scope;
    private final String learner;
    private final Clock wallClock;
    private final boolean reads;

    /**
     * @param database  the store
     * @param scope     the scope
     * @param learner   the learner's name in config
     * @param wallClock stamps {@code updated_at}
     */
    public StoredLearnerState(Database database, String scope, String learner, Clock wallClock) {
        this(database, scope, learner, wallClock, true);
    }

    private StoredLearnerState(Database database, String scope, String learner, Clock wallClock, boolean reads) {
        this.database = Objects.requireNonNull(database, "database");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.learner = Objects.requireNonNull(learner, "learner");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.reads = reads;
    }

    /** @return the same place, for a fresh start: it reads nothing back but writes as this one does */
    public StoredLearnerState fresh() {
        return new StoredLearnerState(database, scope, learner, wallClock, false);
    }

    /** @return the scope */
    public String scope() {
        return scope;
    }

    /** @return every key and value stored under this scope for this learner (empty for a fresh start) */
    public Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>();
        if (!reads) {
            return all;
        }
        try (Connection c = database.connection();
             PreparedStatement q = c.prepareStatement("SELECT state_key, state_value FROM learner_state WHERE scope = ? AND learner = ?"
                     + " ORDER BY state_key")) {
            q.setString(1, scope);
            q.setString(2, learner);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    all.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot read learner '" + learner + "' state (table learner_state, scope '" + scope + "'): "
                    + e.getMessage(), e);
        }
        return all;
    }

    @Override
    public Optional<String> get(String key) {
        checkKey(key);
        if (!reads) {
            return Optional.empty();
        }
        try (Connection c = database.connection();
             PreparedStatement q = c.prepareStatement("SELECT state_value FROM learner_state WHERE scope = ? AND learner = ?"
                     + " AND state_key = ?")) {
            q.setString(1, scope);
            q.setString(2, learner);
            q.setString(3, key);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot read learner '" + learner + "' state '" + key + "' (table learner_state, scope '"
                    + scope + "'): " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String key, String value) {
        checkKey(key);
        Objects.requireNonNull(value, "value");
        putAll(scope, Map.of(key, value));
    }

    /**
     * Writes keys under another scope of the same learner (a copy of unreadable state kept aside), in one transaction.
     *
     * @param otherScope the scope
     * @param values     the keys and values
     */
    public void putAll(String otherScope, Map<String, String> values) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM learner_state WHERE scope = ? AND learner = ? AND state_key = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO learner_state (scope, learner, state_key, state_value,"
                         + " updated_at) VALUES (?, ?, ?, ?, ?)")) {
                Timestamp now = Timestamp.from(wallClock.instant());
                for (Map.Entry<String, String> e : values.entrySet()) {
                    delete.setString(1, otherScope);
                    delete.setString(2, learner);
                    delete.setString(3, e.getKey());
                    delete.executeUpdate();
                    insert.setString(1, otherScope);
                    insert.setString(2, learner);
                    insert.setString(3, e.getKey());
                    insert.setString(4, e.getValue());
                    insert.setTimestamp(5, now);
                    insert.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot save learner '" + learner + "' state (table learner_state, scope '" + otherScope + "'): "
                    + e.getMessage(), e);
        }
    }

    private static void checkKey(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("a state key must be 1 to 200 characters and not blank, was '" + key + "'");
        }
    }
}
