package dev.quorum.api;

import java.util.Objects;

/**
 * A parameter value that passed its declared type and range but that the component cannot use: a
 * text that is not a time zone, splits that do not add up to 100%, a minimum above a maximum. Thrown
 * from a component's {@code create}; the host reports it as a config error that names the parameter's
 * key and line, the value and what was expected, and starts nothing.
 *
 * @since 1.2
 */
public class ParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final transient Object value;
    private final String expected;

    /**
     * @param parameter the declared parameter's name, such as {@code timezone}
     * @param value     the value given
     * @param expected  what would be allowed, such as {@code "a region such as Europe/Berlin, or UTC"}
     * @since 1.2
     */
    public ParameterException(String parameter, Object value, String expected) {
        super("parameter " + Objects.requireNonNull(parameter, "parameter") + " = " + value + ": expected "
                + Objects.requireNonNull(expected, "expected"));
        this.parameter = parameter;
        this.value = value;
        this.expected = expected;
    }

    /**
     * @return the parameter's name
     * @since 1.2
     */
    public String parameter() {
        return parameter;
    }

    /**
     * @return the value given (may be null)
     * @since 1.2
     */
    public Object value() {
        return value;
    }

    /**
     * @return what would have been allowed
     * @since 1.2
     */
    public String expected() {
        return expected;
    }
}
