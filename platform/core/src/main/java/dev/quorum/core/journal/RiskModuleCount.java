package dev.quorum.core.journal;

/**
 * What one risk module did over a run, counted from the stored steps (table risk_steps).
 *
 * @param module   the module's name in config
 * @param judged   intents it was given (those rejected earlier in the chain never reach it)
 * @param approved intents it let through unchanged
 * @param shrank   intents it let through smaller
 * @param rejected intents it blocked, including fail-safe rejections of its failures
 * @param faulted  steps where the host overrode it: it threw or returned null (counted in {@code rejected} too)
 *                 or tried to enlarge the order (clamped)
 */
public record RiskModuleCount(String module, long judged, long approved, long shrank, long rejected, long faulted) {
}
