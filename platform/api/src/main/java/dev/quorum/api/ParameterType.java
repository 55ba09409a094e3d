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
    CHOICE,
    /**
     * Free text of at most 200 characters, such as a time zone. The host checks only the length; the
     * component checks the meaning in its {@code create} and throws a {@link ParameterException} naming the
     * parameter, the value and what it expects, which the host reports with the config file's line.
     *
     * @since 1.2
     */
    TEXT
}
