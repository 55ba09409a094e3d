package dev.quorum.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;

/**
 * Every {@code /api/*} route and the WebSocket need the API token: as {@code Authorization: Bearer TOKEN}, or as the
 * {@value #COOKIE} cookie the dashboard gets from {@code POST /api/login} (HttpOnly, SameSite=Strict, so that other
 * sites' pages cannot use it and the page's scripts never hold it after signing in). Without it, or with another: 401
 * with a JSON error. The static dashboard files are public: they hold no data.
 */
public final class TokenAuth implements Routes {

    /** The cookie the dashboard signs in with. */
    public static final String COOKIE = "quorum_token";
    /** The sign-in endpoint, the one {@code /api} route open without the token. */
    public static final String LOGIN = "/api/login";

    private final ApiToken token;

    /** @param token the working directory's token */
    public TokenAuth(ApiToken token) {
        this.token = java.util.Objects.requireNonNull(token, "token");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/api/*", ctx -> {
            if (!ctx.path().equals(LOGIN)) {
                check(ctx);
            }
        });
        routes.wsBeforeUpgrade("/ws", this::check);
        routes.post(LOGIN, this::login);
        routes.post("/api/logout", ctx -> {
            ctx.header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
            ctx.json(java.util.Map.of("signedIn", false));
        });
    }

    private void check(Context ctx) {
        String header = ctx.header("Authorization");
        boolean bearer = header != null && header.startsWith("Bearer ");
        String sent = bearer ? header.substring("Bearer ".length()).strip() : ctx.cookie(COOKIE);
        if (!token.matches(sent)) {
            throw new UnauthorizedResponse(sent == null ? "the API token is missing: send Authorization: Bearer TOKEN, or sign in"
                    + " at " + LOGIN : "the API token is wrong");
        }
        if (!bearer) {
            sameOrigin(ctx);
        }
    }

    /**
     * A request signed in by the cookie must come from the dashboard's own pages: SameSite does not tell ports apart, so a
     * page on another localhost port would send the cookie too, and a WebSocket has no CORS to keep it from reading.
     * Browsers send {@code Origin} with every WebSocket handshake and every cross-origin request.
     */
    private static void sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        if (origin != null && !origin.equals("http://" + host) && !origin.equals("https://" + host)) {
            throw new io.javalin.http.ForbiddenResponse("a request from " + origin + " with the dashboard's cookie: only this server's own"
                    + " pages may use it (send Authorization: Bearer TOKEN instead)");
        }
    }

    /** {@code {"token": "..."}} in, the cookie out. */
    private void login(Context ctx) {
        sameOrigin(ctx);
        String sent;
        try {
            com.fasterxml.jackson.databind.JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ctx.body());
            sent = body == null || !body.path("token").isTextual() ? null : body.path("token").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new io.javalin.http.BadRequestResponse("the body must be JSON such as {\"token\": \"...\"}");
        }
        if (sent == null) {
            throw new io.javalin.http.BadRequestResponse("the body must be JSON such as {\"token\": \"...\"}: field token is missing");
        }
        if (!token.matches(sent.strip())) {
            throw new UnauthorizedResponse("the API token is wrong");
        }
        ctx.header("Set-Cookie", COOKIE + "=" + sent.strip() + "; Path=/; HttpOnly; SameSite=Strict");
        ctx.json(java.util.Map.of("signedIn", true));
    }
}
