package dev.quorum.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.config.JavalinConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Makes every error a JSON {@link ApiError}: the {@link HttpResponseException}s the routes throw (and the
 * ones Javalin throws for an unknown route or a wrong method), any other exception or error (logged here,
 * answered with {@code 500 {"error":"internal error"}} and no detail), and the errors Jetty produces itself
 * before a request reaches Javalin, such as an illegal character or an ambiguous segment in the URI.
 */
final class JsonErrors {

    /** What a client is told about a failure it did not cause. */
    static final String INTERNAL = "internal error";

    private static final Logger LOG = LoggerFactory.getLogger(JsonErrors.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String JSON = "application/json";
    private static final int MAX_REASON = 200;
    private static final Pattern WELL_ESCAPED = Pattern.compile("(?:[^%]|%[0-9A-Fa-f]{2})*");

    private JsonErrors() {
    }

    static void install(JavalinConfig config) {
        config.routes.before(JsonErrors::rejectMalformedEscapes);
        config.routes.exception(HttpResponseException.class, JsonErrors::httpError);
        config.routes.exception(Exception.class, JsonErrors::unexpected);
        config.router.javaLangErrorHandler(JsonErrors::fatal);
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyJsonErrors()));
    }

    /**
     * Javalin decodes path parameters itself and fails with an exception on an escape that is not
     * {@code %XX} (Jetty passes {@code %u002e} through in the compliance mode Javalin uses): answer those
     * with a 400 before any route sees them.
     */
    private static void rejectMalformedEscapes(Context ctx) {
        String raw = ctx.req().getRequestURI();
        if (raw != null && !WELL_ESCAPED.matcher(raw).matches()) {
            throw new BadRequestResponse("malformed percent-encoding in the request path: expected %XX with two hex digits");
        }
    }

    private static void httpError(HttpResponseException e, Context ctx) {
        String message = e.getMessage();
        if (e instanceof MethodNotAllowedResponse) {
            String allowed = String.join(", ", e.getDetails().values());
            message = "method " + ctx.method() + " is not allowed on " + ctx.path()
                    + (allowed.isEmpty() ? "" : "; allowed: " + allowed);
            if (!allowed.isEmpty()) {
                ctx.header(Header.ALLOW, allowed);
            }
        }
        ctx.status(e.getStatus()).json(new ApiError(message));
    }

    private static void unexpected(Exception e, Context ctx) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        ctx.status(500).json(new ApiError(INTERNAL));
    }

    private static void fatal(HttpServletResponse response, Error error) {
        LOG.error("request failed with {}", error.toString(), error);
        try {
            if (!response.isCommitted()) {
                response.reset();
                byte[] body = body(INTERNAL);
                response.setStatus(500);
                response.setContentType(JSON);
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        } catch (IOException | RuntimeException e) {
            error.addSuppressed(e);
        }
    }

    static byte[] body(String message) {
        try {
            return MAPPER.writeValueAsBytes(new ApiError(message));
        } catch (JsonProcessingException e) {
            return ("{\"error\":\"" + INTERNAL + "\"}").getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * Jetty's own error responses (a URI it will not route, oversized headers, ...) as JSON instead of its
     * HTML page. A 4xx carries Jetty's short reason (e.g. "Ambiguous URI path separator"); anything else is
     * an internal error.
     */
    private static final class JettyJsonErrors extends ErrorHandler {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = request.getAttribute(ERROR_STATUS) instanceof Integer s ? s : response.getStatus();
            if (status < 400 || status > 599) {
                status = 500;
            }
            byte[] body = body(status < 500 ? clientReason(request, status) : INTERNAL);
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.getHeaders().put(ERROR_CACHE_CONTROL);
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }

        private static String clientReason(Request request, int status) {
            String standard = HttpStatus.getMessage(status);
            Object message = request.getAttribute(ERROR_MESSAGE);
            if (message instanceof String reason && !reason.isBlank() && !reason.equalsIgnoreCase(standard)
                    && reason.length() <= MAX_REASON) {
                return standard + ": " + reason;
            }
            return standard;
        }
    }
}
