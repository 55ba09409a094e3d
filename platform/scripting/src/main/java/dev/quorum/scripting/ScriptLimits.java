package dev.quorum.scripting;

import java.time.Duration;

/**
 * The budgets of one script call ({@code onBar}, or {@code init} and the script's top level, which get
 * {@link #setupBudget()}). A call over its time budget is interrupted (the script keeps its state and
 * counts an error); a call that allocates more than {@code allocationBudgetBytes}, or runs while the
 * JVM's heap is more than {@code heapLimitFraction} full, has its context closed (it votes no more).
 *
 * @param callBudget            how long one {@code onBar} may run, {@code > 0}
 * @param setupBudget           how long the top level and {@code init} may run (the first calls run
 *                              interpreted, before the compiler has seen them), {@code >= callBudget}
 * @param allocationBudgetBytes how much one call may allocate, {@code > 0}
 * @param heapLimitFraction     the share of the maximum heap above which a running call is stopped, in (0, 1]
 * @param logLines              how many of the latest log lines each script keeps, {@code >= 1}
 */
public record ScriptLimits(Duration callBudget, Duration setupBudget, long allocationBudgetBytes, double heapLimitFraction,
                           int logLines) {

    /** The defaults: 500 ms per bar, 10 s for setup, 256 MiB per call, 85% of the heap, 200 log lines. */
    public static final ScriptLimits DEFAULT = new ScriptLimits(Duration.ofMillis(500), Duration.ofSeconds(10), 256L << 20, 0.85, 200);

    /** Validates. */
    public ScriptLimits {
        if (callBudget == null || callBudget.isNegative() || callBudget.isZero()) {
            throw new IllegalArgumentException("the time budget of a script call must be > 0, was " + callBudget);
        }
        if (setupBudget == null || setupBudget.compareTo(callBudget) < 0) {
            throw new IllegalArgumentException("the setup budget (" + setupBudget + ") must be at least the call budget (" + callBudget + ")");
        }
        if (allocationBudgetBytes <= 0) {
            throw new IllegalArgumentException("the allocation budget of a script call must be > 0, was " + allocationBudgetBytes);
        }
        if (!(heapLimitFraction > 0 && heapLimitFraction <= 1)) {
            throw new IllegalArgumentException("the heap limit must be a fraction in (0, 1], was " + heapLimitFraction);
        }
        if (logLines < 1) {
            throw new IllegalArgumentException("a script keeps at least 1 log line, was " + logLines);
        }
    }

    /**
     * @param millis the new time budget of one call
     * @return these limits with it (the setup budget grows to match if it was smaller)
     */
    public ScriptLimits withCallBudget(Duration millis) {
        return new ScriptLimits(millis, setupBudget.compareTo(millis) < 0 ? millis : setupBudget, allocationBudgetBytes,
                heapLimitFraction, logLines);
    }
}
