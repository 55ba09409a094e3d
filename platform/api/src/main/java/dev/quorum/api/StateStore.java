package dev.quorum.api;

import java.util.Optional;

/**
 * Durable key-value state for one component, kept by the host in its database so it survives a
 * restart. Keys are private to the component.
 *
 * @since 1.0
 */
public interface StateStore {

    /**
     * Reads a value.
     *
     * @param key the key, not blank
     * @return the stored text, or empty if none
     * @since 1.0
     */
    Optional<String> get(String key);

    /**
     * Writes a value, replacing any earlier one; durable when the call returns.
     *
     * @param key   the key, not blank
     * @param value the text to store, such as JSON; not null
     * @since 1.0
     */
    void put(String key, String value);
}
