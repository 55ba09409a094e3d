package dev.quorum.testkit;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.quorum.api.StateStore;

/** A {@link StateStore} in memory, for a learner's tests: what it saves, and what a restarted instance reads back. */
public final class MemoryStateStore implements StateStore {

    private final Map<String, String> values = new TreeMap<>();

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public void put(String key, String value) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a state key must not be blank");
        }
        values.put(key, java.util.Objects.requireNonNull(value, "value"));
    }

    /** @return everything stored, by key */
    public Map<String, String> values() {
        return Map.copyOf(values);
    }
}
