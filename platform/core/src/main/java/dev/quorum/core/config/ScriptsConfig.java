package dev.quorum.core.config;

/**
 * The {@code scripts} section: where JavaScript strategies live and the budgets of each call.
 *
 * @param dir                where scripts are found; every {@code *.js} directly in it is a strategy
 *                           (subfolders such as {@code examples/} are not loaded)
 * @param autoBots           whether each script in {@code dir} also votes as a bot of its own, named after
 *                           it, with its default parameters, unless a bot under {@code bots:} already uses it
 * @param timeBudgetMs       how long one {@code onBar} call may run before it is interrupted, [10, 60000]
 * @param allocationBudgetMb how much one call may allocate before its script's context is closed, [16, 4096]
 */
public record ScriptsConfig(String dir, Boolean autoBots, Integer timeBudgetMs, Integer allocationBudgetMb) {

    /** Fills defaults, checks ranges. */
    public ScriptsConfig {
        dir = Check.notBlank("scripts.dir", dir, "scripts");
        autoBots = autoBots == null || autoBots;
        timeBudgetMs = Check.range("scripts.timeBudgetMs", timeBudgetMs, 500, 10, 60_000);
        allocationBudgetMb = Check.range("scripts.allocationBudgetMb", allocationBudgetMb, 256, 16, 4096);
    }

    /** @return every default */
    public static ScriptsConfig defaults() {
        return new ScriptsConfig(null, null, null, null);
    }
}
