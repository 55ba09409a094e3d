package dev.quorum.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The validated parameter values a component runs with: every declared parameter has a value,
 * either from config or its default, and every value is in range. Immutable.
 *
 * @param values parameter name to value ({@link Integer}, {@link Double}, {@link Boolean} or {@link String}), copied in order
 * @since 1.0
 */
public record Parameters(Map<String, Object> values) {

    /**
     * Copies the map, keeping its order.
     */
    public Parameters {
        Objects.requireNonNull(values, "values");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * An empty set of parameters.
     *
     * @return parameters with no values
     * @since 1.0
     */
    public static Parameters none() {
        return new Parameters(Map.of());
    }

    /**
     * An integer parameter.
     *
     * @param name the declared name
     * @return its value
     * @throws IllegalArgumentException if there is no such parameter or it is not an integer
     * @since 1.0
     */
    public int getInt(String name) {
        if (get(name) instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        throw wrongType(name, "an integer");
    }

    /**
     * A numeric parameter, integer or decimal.
     *
     * @param name the declared name
     * @return its value
     * @throws IllegalArgumentException if there is no such parameter or it is not a number
     * @since 1.0
     */
    public double getDouble(String name) {
        if (get(name) instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(name, "a number");
    }

    /**
     * A boolean parameter.
     *
     * @param name the declared name
     * @return its value
     * @throws IllegalArgumentException if there is no such parameter or it is not a boolean
     * @since 1.0
     */
    public boolean getBoolean(String name) {
        if (get(name) instanceof Boolean b) {
            return b;
        }
        throw wrongType(name, "true or false");
    }

    /**
     * A string (choice or text) parameter.
     *
     * @param name the declared name
     * @return its value
     * @throws IllegalArgumentException if there is no such parameter or it is not a string
     * @since 1.0
     */
    public String getString(String name) {
        if (get(name) instanceof String s) {
            return s;
        }
        throw wrongType(name, "a string");
    }

    private Object get(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' (have " + values.keySet() + ")");
        }
        return value;
    }

    private IllegalArgumentException wrongType(String name, String expected) {
        return new IllegalArgumentException("parameter '" + name + "' is " + values.get(name) + ", expected " + expected);
    }
}
