package dev.quorum.server;

/**
 * The JSON body of every error response: {@code {"error": "what went wrong"}}. The message is meant for the
 * client and never carries a stack trace or an internal path.
 *
 * @param error what went wrong, and what was expected where the client can fix it
 */
public record ApiError(String error) {
}
