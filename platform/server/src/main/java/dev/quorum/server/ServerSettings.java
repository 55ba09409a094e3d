package dev.quorum.server;

import java.util.Objects;

/**
 * Where the server listens. The server binds only to a loopback address unless {@code allowRemote} is set:
 * it has no TLS and no authentication yet, so the reports must not be reachable from other machines by
 * accident.
 *
 * @param host        the host name or address to bind to, {@value #DEFAULT_HOST} by default
 * @param port        the TCP port, {@value #DEFAULT_PORT} by default; 0 picks a free port
 * @param allowRemote whether a host that is not a loopback address may be used
 */
public record ServerSettings(String host, int port, boolean allowRemote) {

    /** The default host: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The default port. */
    public static final int DEFAULT_PORT = 7070;

    /** Checks the components. */
    public ServerSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
    }

    /**
     * Settings for a loopback host.
     *
     * @param host the host to bind to, which must be a loopback address
     * @param port the port, 0 for a free one
     */
    public ServerSettings(String host, int port) {
        this(host, port, false);
    }

    /** @return {@value #DEFAULT_HOST}, port {@value #DEFAULT_PORT}, loopback only */
    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_HOST, DEFAULT_PORT);
    }
}
