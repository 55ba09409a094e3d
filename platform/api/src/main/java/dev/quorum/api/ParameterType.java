package dev.quorum.api;

/**
 * The type of a declared parameter.
 *
 * @since 1.0
 */
public enum ParameterType {
    /** A whole number (Java {@code int}). */
    INTEGER,
    /** A real number (Java {@code double}). */
    DECIMAL,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One of a fixed set of strings. */
    CHOICE
}
