package dev.quorum.core.config;

import dev.quorum.api.Timeframe;

/**
 * How the engine decides and trades.
 *
 * @param initialCash        starting cash in the quote currency, {@code > 0}
 * @param consensusThreshold the consensus share a direction needs before the ensemble acts, in (0, 1]
 * @param allowShort         whether a SHORT consensus opens short positions
 * @param maxBotErrors       errors (exceptions, null or faulty signals) after which a bot is suspended for the rest of the run
 * @param historyBars        how many recent bars a strategy can look back through {@code MarketView.history()}
 * @param stopLoss           default stop-loss distance as a fraction of the entry price when no voter gives one; 0 = none
 * @param takeProfit         default take-profit distance as a fraction of the entry price when no voter gives one; 0 = none;
 *                           below 1 so that a short's target stays above zero
 * @param equityResolution   the spacing of the stored equity curve, a timeframe such as {@code 1h} (default) that is a
 *                           whole multiple of {@code data.timeframe}: one point per epoch-aligned bucket of this length
 */
public record EngineConfig(Double initialCash, Double consensusThreshold, Boolean allowShort, Integer maxBotErrors,
                           Integer historyBars, Double stopLoss, Double takeProfit, String equityResolution) {

    /** Applies defaults and checks ranges. */
    public EngineConfig {
        initialCash = Check.range("engine.initialCash", initialCash, 10_000, 0, 1e12, true);
        consensusThreshold = Check.range("engine.consensusThreshold", consensusThreshold, 0.60, 0, 1, true);
        allowShort = allowShort == null || allowShort;
        maxBotErrors = Check.range("engine.maxBotErrors", maxBotErrors, 5, 1, 1_000_000);
        historyBars = Check.range("engine.historyBars", historyBars, 500, 1, 100_000);
        stopLoss = Check.range("engine.stopLoss", stopLoss, 0.02, 0, 0.5, false);
        takeProfit = Check.range("engine.takeProfit", takeProfit, 0.04, 0, 0.99, false);
        equityResolution = Check.notBlank("engine.equityResolution", equityResolution, "1h");
        timeframe(equityResolution);
    }

    /**
     * The engine settings with the default equity resolution (1h).
     *
     * @param initialCash        see the record
     * @param consensusThreshold see the record
     * @param allowShort         see the record
     * @param maxBotErrors       see the record
     * @param historyBars        see the record
     * @param stopLoss           see the record
     * @param takeProfit         see the record
     */
    public EngineConfig(Double initialCash, Double consensusThreshold, Boolean allowShort, Integer maxBotErrors,
                        Integer historyBars, Double stopLoss, Double takeProfit) {
        this(initialCash, consensusThreshold, allowShort, maxBotErrors, historyBars, stopLoss, takeProfit, null);
    }

    /** @return the defaults */
    public static EngineConfig defaults() {
        return new EngineConfig(null, null, null, null, null, null, null, null);
    }

    /** @return the parsed equity resolution */
    public Timeframe equityTimeframe() {
        return timeframe(equityResolution);
    }

    /**
     * Checks what depends on the base timeframe: the equity resolution must be a whole multiple of it.
     *
     * @param base {@code data.timeframe}
     * @throws IllegalArgumentException naming the key, its value and the base timeframe
     */
    public void checkAgainst(Timeframe base) {
        long r = equityTimeframe().duration().getSeconds();
        long b = base.duration().getSeconds();
        if (r % b != 0) {
            throw new IllegalArgumentException("engine.equityResolution = " + equityResolution + " is not a whole multiple of"
                    + " data.timeframe = " + base + ": expected " + base + " or a multiple of it"
                    + (3600 % b == 0 ? ", such as 1h or 1d" : 86400 % b == 0 ? ", such as 1d" : ""));
        }
    }

    private static Timeframe timeframe(String text) {
        try {
            return Timeframe.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("engine.equityResolution = '" + text + "' is not a timeframe: expected a count"
                    + " (1 to 999999) and a unit, like 1m, 15m, 1h, 4h, 1d");
        }
    }

    /**
     * @param threshold the consensus threshold, in (0, 1]
     * @return this section with another threshold
     */
    public EngineConfig withConsensusThreshold(double threshold) {
        return new EngineConfig(initialCash, threshold, allowShort, maxBotErrors, historyBars, stopLoss, takeProfit, equityResolution);
    }
}
