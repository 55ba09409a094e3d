package dev.quorum.core.config;

/**
 * A configuration that cannot be used: unknown key, wrong type, value out of range. The message
 * names the file, the position where known, the key, the value and what is allowed.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message where and what is wrong
     */
    public ConfigException(String message) {
        super(message);
    }

    /**
     * @param message where and what is wrong
     * @param cause   the parser's exception
     */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
