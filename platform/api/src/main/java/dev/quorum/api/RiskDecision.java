package dev.quorum.api;

import java.util.Objects;

/**
 * A risk module's answer to an order intent: approve it as it is, shrink it, or reject it.
 *
 * <p>The host enforces that a risk module can only reduce risk: a {@code RESIZE} to more than the
 * requested quantity is clamped to the request (and counted as an error of the module), and a
 * module that throws is treated as having rejected the order.
 *
 * @param verdict  approve, resize or reject
 * @param quantity for {@code RESIZE}, the new quantity ({@code > 0}); ignored otherwise
 * @param reason   why, stored with the decision and shown in the trade record; not blank for resize and reject
 * @since 1.0
 */
public record RiskDecision(Verdict verdict, double quantity, String reason) {

    /**
     * The three possible answers.
     *
     * @since 1.0
     */
    public enum Verdict {
        /** Let the intent through unchanged. */
        APPROVE,
        /** Let it through with a smaller quantity. */
        RESIZE,
        /** Block it. */
        REJECT
    }

    /**
     * Validates.
     *
     * @throws IllegalArgumentException for a resize to a non-positive quantity or a missing reason
     */
    public RiskDecision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        if (verdict == Verdict.RESIZE && !(quantity > 0 && Double.isFinite(quantity))) {
            throw new IllegalArgumentException("a RESIZE needs a finite quantity > 0, was " + quantity + " (use reject to block)");
        }
        if (verdict != Verdict.APPROVE && reason.isBlank()) {
            throw new IllegalArgumentException(verdict + " needs a reason");
        }
    }

    /**
     * Approves unchanged.
     *
     * @return the decision
     * @since 1.0
     */
    public static RiskDecision approve() {
        return new RiskDecision(Verdict.APPROVE, 0, "");
    }

    /**
     * Shrinks the order.
     *
     * @param quantity the new quantity, {@code > 0}
     * @param reason   why
     * @return the decision
     * @since 1.0
     */
    public static RiskDecision resize(double quantity, String reason) {
        return new RiskDecision(Verdict.RESIZE, quantity, reason);
    }

    /**
     * Blocks the order.
     *
     * @param reason why
     * @return the decision
     * @since 1.0
     */
    public static RiskDecision reject(String reason) {
        return new RiskDecision(Verdict.REJECT, 0, reason);
    }
}
