package dev.quorum.plugins.riskguards;

import dev.quorum.api.RiskDecision;
import java.util.Locale;

/** Small helpers the guard modules share. Stateless. */
final class Guards {

    private Guards() {
    }

    /**
     * Whether equity is something a module can measure against.
     *
     * @param equity the portfolio's equity
     * @return {@code true} when finite and {@code > 0}; {@code false} for zero, negative or NaN
     */
    static boolean usable(double equity) {
        return equity > 0 && Double.isFinite(equity);
    }

    /**
     * The rejection every guard gives when equity is not usable.
     *
     * @param id     the module id the reason starts with
     * @param equity the equity
     * @return a rejection such as {@code "drawdown-guard: equity 0.00 is not positive"}
     */
    static RiskDecision rejectEquity(String id, double equity) {
        return RiskDecision.reject(String.format(Locale.ROOT, "%s: equity %.2f is not positive", id, equity));
    }

    /**
     * A fraction as a percentage with two decimals.
     *
     * @param fraction such as {@code 0.0321}
     * @return such as {@code "3.21%"}
     */
    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }
}
