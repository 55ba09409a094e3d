package dev.quorum.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened in the platform, sent to every {@link Notifier}.
 *
 * @param type       what happened, such as {@code trade.closed}, {@code bot.suspended}, {@code report.ready}
 * @param time       when (engine clock)
 * @param message    one line for humans
 * @param attributes details, copied in order; never secrets
 * @since 1.0
 */
public record PlatformEvent(String type, Instant time, String message, Map<String, String> attributes) {

    /**
     * Checks for nulls and copies.
     */
    public PlatformEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(message, "message");
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }
}
