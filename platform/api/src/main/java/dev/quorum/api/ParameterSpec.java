package dev.quorum.api;

import java.util.List;
import java.util.Objects;

/**
 * The declaration of one parameter of a strategy, risk module or other component: its name, type,
 * default and allowed range. The host validates config values against it before anything runs,
 * shows it in listings, and sweeps it in optimisation.
 *
 * @param name         the key in config, such as {@code fast}; letters, digits, {@code -} and {@code _}
 * @param type         the value type
 * @param defaultValue the value when config gives none: an {@link Integer}, {@link Double}, {@link Boolean} or {@link String} matching {@code type}
 * @param min          the smallest allowed value (inclusive) for numeric types, else ignored
 * @param max          the largest allowed value (inclusive) for numeric types, else ignored
 * @param choices      the allowed values for {@link ParameterType#CHOICE}, else empty
 * @param description  one line for humans
 * @since 1.0
 */
public record ParameterSpec(String name, ParameterType type, Object defaultValue, double min, double max,
                            List<String> choices, String description) {

    /**
     * Validates the declaration itself, including that the default is allowed.
     *
     * @throws IllegalArgumentException naming the parameter and what is inconsistent
     */
    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        if (!name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("parameter name '" + name + "' must start with a letter and hold only letters, digits, '-' and '_'");
        }
        choices = List.copyOf(choices);
        if ((type == ParameterType.INTEGER || type == ParameterType.DECIMAL) && !(min <= max)) {
            throw new IllegalArgumentException("parameter '" + name + "': min " + min + " must be <= max " + max);
        }
        if (type == ParameterType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("parameter '" + name + "': a CHOICE needs at least one choice");
        }
        String problem = problemWith(name, type, min, max, choices, defaultValue);
        if (problem != null) {
            throw new IllegalArgumentException("parameter '" + name + "': default " + problem);
        }
    }

    /**
     * An integer parameter.
     *
     * @param name         the key
     * @param defaultValue the default
     * @param min          smallest allowed
     * @param max          largest allowed
     * @param description  one line
     * @return the declaration
     * @since 1.0
     */
    public static ParameterSpec integer(String name, int defaultValue, int min, int max, String description) {
        return new ParameterSpec(name, ParameterType.INTEGER, defaultValue, min, max, List.of(), description);
    }

    /**
     * A decimal parameter.
     *
     * @param name         the key
     * @param defaultValue the default
     * @param min          smallest allowed
     * @param max          largest allowed
     * @param description  one line
     * @return the declaration
     * @since 1.0
     */
    public static ParameterSpec decimal(String name, double defaultValue, double min, double max, String description) {
        return new ParameterSpec(name, ParameterType.DECIMAL, defaultValue, min, max, List.of(), description);
    }

    /**
     * A boolean parameter.
     *
     * @param name         the key
     * @param defaultValue the default
     * @param description  one line
     * @return the declaration
     * @since 1.0
     */
    public static ParameterSpec bool(String name, boolean defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.BOOLEAN, defaultValue, 0, 0, List.of(), description);
    }

    /**
     * A parameter taking one of a fixed set of strings.
     *
     * @param name         the key
     * @param defaultValue the default, one of {@code choices}
     * @param choices      the allowed values
     * @param description  one line
     * @return the declaration
     * @since 1.0
     */
    public static ParameterSpec choice(String name, String defaultValue, List<String> choices, String description) {
        return new ParameterSpec(name, ParameterType.CHOICE, defaultValue, 0, 0, choices, description);
    }

    /**
     * A free-text parameter (at most 200 characters). The host checks only the length: a component
     * that needs a particular form (a time zone, a list) checks it when it is created and throws a
     * {@link ParameterException}.
     *
     * @param name         the key
     * @param defaultValue the default
     * @param description  one line
     * @return the declaration
     * @since 1.2
     */
    public static ParameterSpec text(String name, String defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.TEXT, defaultValue, 0, 0, List.of(), description);
    }

    /** The longest {@link ParameterType#TEXT} value, in characters. */
    private static final int MAX_TEXT = 200;

    /**
     * Checks a value against this declaration.
     *
     * @param value a candidate value: {@link Number}, {@link Boolean} or {@link String}
     * @return {@code null} if the value is allowed, else what is wrong with it, such as
     *         {@code "1.7 is out of range [0.0, 1.0]"}
     * @since 1.0
     */
    public String problemWith(Object value) {
        return problemWith(name, type, min, max, choices, value);
    }

    /**
     * A readable form of the allowed values, such as {@code integer in [2, 200]}.
     *
     * @return the allowed values in words
     * @since 1.0
     */
    public String allowed() {
        return switch (type) {
            case INTEGER -> "an integer in [" + (long) min + ", " + (long) max + "]";
            case DECIMAL -> "a number in [" + min + ", " + max + "]";
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of " + choices;
            case TEXT -> "a text of at most " + MAX_TEXT + " characters";
        };
    }

    private static String problemWith(String name, ParameterType type, double min, double max,
                                      List<String> choices, Object value) {
        if (value == null) {
            return "is missing";
        }
        switch (type) {
            case INTEGER -> {
                if (!(value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte)) {
                    return "'" + value + "' is not an integer";
                }
                long v = ((Number) value).longValue();
                if (v < min || v > max) {
                    return v + " is out of range [" + (long) min + ", " + (long) max + "]";
                }
            }
            case DECIMAL -> {
                if (!(value instanceof Number n)) {
                    return "'" + value + "' is not a number";
                }
                double v = n.doubleValue();
                if (!Double.isFinite(v) || v < min || v > max) {
                    return v + " is out of range [" + min + ", " + max + "]";
                }
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    return "'" + value + "' is not true or false";
                }
            }
            case CHOICE -> {
                if (!(value instanceof String s) || !choices.contains(s)) {
                    return "'" + value + "' is not one of " + choices;
                }
            }
            case TEXT -> {
                if (!(value instanceof String s)) {
                    return "'" + value + "' is not a text";
                }
                if (s.length() > MAX_TEXT) {
                    return "a text of " + s.length() + " characters is longer than " + MAX_TEXT;
                }
            }
        }
        return null;
    }
}
