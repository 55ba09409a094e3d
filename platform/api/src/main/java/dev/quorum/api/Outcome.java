package dev.quorum.api;

import java.util.Map;
import java.util.Objects;

/**
 * What learners are told when a trade closes: the trade and how every bot had voted on the bar the
 * entry was decided.
 *
 * @param trade the closed trade
 * @param votes bot name to its signal at the entry decision, in config order; bots that were suspended are absent
 * @since 1.0
 */
public record Outcome(Trade trade, Map<String, Signal> votes) {

    /**
     * Copies.
     */
    public Outcome {
        Objects.requireNonNull(trade, "trade");
        votes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(votes));
    }
}
