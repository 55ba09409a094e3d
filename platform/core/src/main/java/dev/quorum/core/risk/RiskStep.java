package dev.quorum.core.risk;

import java.util.Locale;

import dev.quorum.api.RiskDecision.Verdict;

/**
 * What one module of the chain did to an order intent.
 *
 * @param module  the module's name in config
 * @param verdict what the host applied (a throwing module counts as REJECT)
 * @param before  the quantity it was given
 * @param after   the quantity it passed on (0 when rejected)
 * @param reason  the module's reason, or the host's note when it overrode the module
 * @param faulted whether the host overrode the module: it threw (or returned null), so its verdict is a
 *                fail-safe REJECT, or it tried to enlarge the order, which was clamped to {@code before}
 */
public record RiskStep(String module, Verdict verdict, double before, double after, String reason, boolean faulted) {

    /** @return whether the module let a smaller quantity through than it was given */
    public boolean shrank() {
        return verdict == Verdict.RESIZE && after < before;
    }

    /** @return one line for the trade record, such as {@code fixed-fraction RESIZE 1.47→0.147: …} */
    public String describe() {
        return String.format(Locale.ROOT, "%s %s %.8g→%.8g%s", module, verdict, before, after,
                reason.isEmpty() ? "" : ": " + reason);
    }
}
