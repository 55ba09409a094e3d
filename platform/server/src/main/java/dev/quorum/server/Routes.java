package dev.quorum.server;

import io.javalin.config.RoutesConfig;

/**
 * One area of the HTTP API (health, reports, ...). Each area registers its own endpoints, so a new area is
 * a new class handed to {@link QuorumServer#start(ServerSettings, java.util.List)}, without touching the
 * others. Handlers answer with JSON through {@link io.javalin.http.Context#json}, and report failures by
 * throwing {@link io.javalin.http.HttpResponseException}s, which the server turns into
 * {@code {"error": "..."}} bodies.
 */
@FunctionalInterface
public interface Routes {

    /**
     * Registers this area's endpoints.
     *
     * @param routes the server's route configuration
     */
    void register(RoutesConfig routes);
}
