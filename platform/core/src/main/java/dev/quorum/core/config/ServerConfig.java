package dev.quorum.core.config;

/**
 * The {@code server} section: the HTTP server of {@code ./quorum serve}.
 *
 * @param host        the address to listen on; loopback by default
 * @param port        the port, [0, 65535]; 0 picks a free one
 * @param allowRemote whether a non-loopback host is allowed (there is no authentication or TLS yet)
 */
public record ServerConfig(String host, Integer port, Boolean allowRemote) {

    /** Fills defaults, checks the range. */
    public ServerConfig {
        host = Check.notBlank("server.host", host, "127.0.0.1");
        port = Check.range("server.port", port, 7070, 0, 65_535);
        allowRemote = allowRemote != null && allowRemote;
    }

    /** @return every default */
    public static ServerConfig defaults() {
        return new ServerConfig(null, null, null);
    }
}
