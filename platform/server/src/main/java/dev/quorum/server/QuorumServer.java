package dev.quorum.server;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.quorum.core.report.ReportFolder;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinException;

/**
 * The HTTP server behind {@code ./quorum serve}: a Javalin (Jetty) server with the API areas given to it as
 * {@link Routes}. Every response is JSON except a report download; every error, including an unknown route,
 * a wrong method and a request Jetty rejects before routing, is a JSON {@link ApiError}, and an unexpected
 * exception is logged here and answered with {@code 500 {"error":"internal error"}} and nothing more.
 * Binds only to a loopback address unless {@link ServerSettings#allowRemote()} is set.
 */
public final class QuorumServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QuorumServer.class);
    /** The largest request body taken, in bytes: the API's bodies are a few hundred bytes of JSON. */
    public static final long MAX_REQUEST_BYTES = 64 * 1024;
    /** WebSocket frames that may wait to be sent to one client. */
    static final int MAX_WAITING_FRAMES = 1_000;

    private final Javalin app;
    private final String host;

    private QuorumServer(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /**
     * Starts the server with the health and report endpoints.
     *
     * @param settings where to listen
     * @param token    the API token every {@code /api} route and the WebSocket need ({@link TokenAuth})
     * @param reports  the folder the reports are served from
     * @return the running server
     * @throws IllegalArgumentException if the host is not a loopback address and remote access is not allowed
     * @throws IllegalStateException    if the server cannot start, for example because the port is taken
     */
    public static QuorumServer start(ServerSettings settings, ApiToken token, ReportFolder reports) {
        return start(settings, token, List.of(new HealthRoutes(reports), new ReportRoutes(reports)));
    }

    /**
     * Starts the server with the given API areas.
     *
     * @param settings where to listen
     * @param token    the API token every {@code /api} route and the WebSocket need ({@link TokenAuth})
     * @param routes   the API areas, registered in this order after the token check
     * @return the running server
     * @throws IllegalArgumentException if the host is not a loopback address and remote access is not allowed
     * @throws IllegalStateException    if the server cannot start, for example because the port is taken
     */
    public static QuorumServer start(ServerSettings settings, ApiToken token, List<? extends Routes> routes) {
        Objects.requireNonNull(settings, "settings");
        List<Routes> areas = new java.util.ArrayList<>();
        areas.add(new TokenAuth(token));
        areas.addAll(routes);
        checkBindable(settings);
        Javalin app = Javalin.create(config -> configure(config, areas));
        try {
            app.start(settings.host(), settings.port());
        } catch (JavalinException e) {
            app.stop();
            throw new IllegalStateException("cannot start the server on " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        }
        QuorumServer server = new QuorumServer(app, settings.host());
        LOG.info("Quorum server listening on {}", server.baseUri());
        return server;
    }

    private static void configure(JavalinConfig config, List<? extends Routes> areas) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.prefer405over404 = true;
        config.http.maxRequestSize = MAX_REQUEST_BYTES; // a larger body is answered 413
        // a WebSocket client that stops reading does not pile up frames without bound: beyond this many waiting, Jetty
        // fails the sends to it (the dashboard reconnects and reads everything again over REST)
        config.jetty.modifyWebSocketServletFactory(factory -> factory.setMaxOutgoingFrames(MAX_WAITING_FRAMES));
        // the dashboard: static files from the class path, public (they hold no data; everything under /api needs the token)
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/web";
            files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
        });
        config.http.compressionStrategy = CompressionStrategy.NONE;
        config.jsonMapper(new JavalinJackson(Json.mapper(), false));
        JsonErrors.install(config);
        for (Routes area : areas) {
            area.register(config.routes);
        }
    }

    /** Refuses a host that is not (or does not resolve only to) loopback addresses, unless allowed. */
    private static void checkBindable(ServerSettings settings) {
        if (settings.allowRemote()) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(settings.host());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve the server host \"" + settings.host() + "\"", e);
        }
        if (!Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress)) {
            throw new IllegalArgumentException("refusing to listen on \"" + settings.host()
                    + "\": it is not a loopback address, and the server has no TLS, so the API token would cross the network"
                    + " in clear text; use 127.0.0.1 (and an SSH tunnel or a TLS proxy to reach it), or set server.allowRemote: true"
                    + " to accept that");
        }
    }

    /** @return the port the server listens on (the one picked when the settings asked for port 0) */
    public int port() {
        return app.port();
    }

    /** @return {@code http://host:port}, without a trailing slash */
    public URI baseUri() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port());
    }

    /** Stops the server; calling it again does nothing. */
    @Override
    public void close() {
        app.stop();
    }
}
