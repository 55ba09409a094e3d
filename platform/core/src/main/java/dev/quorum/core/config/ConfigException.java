package dev.quorum.core.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A configuration that cannot be used: unknown key, wrong type, value out of range, a strategy or
 * parameter the plugins do not provide. The message names the file, the position where known, the
 * key, the value and what is allowed.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Where in the config the problem is: field names and list indexes, such as {@code [bots, 2, params, fast]}. */
    private final transient List<Object> path;

    /**
     * @param message where and what is wrong
     */
    public ConfigException(String message) {
        this(message, List.of(), null);
    }

    /**
     * @param message where and what is wrong
     * @param cause   the parser's exception
     */
    public ConfigException(String message, Throwable cause) {
        this(message, List.of(), cause);
    }

    /**
     * @param message what is wrong, without the file
     * @param path    where in the config, for {@link #locatedIn(Path)}
     * @param cause   the underlying exception, may be null
     */
    public ConfigException(String message, List<Object> path, Throwable cause) {
        super(message, cause);
        this.path = List.copyOf(path);
    }

    /** @return where in the config the problem is; empty when the message already says */
    public List<Object> path() {
        return path;
    }

    /**
     * This error with the config file and the line and column of its key in front, for errors found
     * after loading (a strategy or parameter the plugins do not provide).
     *
     * @param file the config file the configuration was read from
     * @return a new exception, or this one when it has no path
     */
    public ConfigException locatedIn(Path file) {
        if (path.isEmpty()) {
            return this;
        }
        // a key the file leaves out (a parameter at its default) is located at the nearest key around it
        YamlPositions positions = YamlPositions.of(file);
        String where = "";
        for (int n = path.size(); n > 0 && where.isEmpty(); n--) {
            where = positions.where(path.subList(0, n)).orElse("");
        }
        return new ConfigException(file + where + ": " + getMessage(), List.of(), this);
    }
}
