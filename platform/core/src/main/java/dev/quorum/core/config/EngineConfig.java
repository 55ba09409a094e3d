package dev.quorum.core.config;

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
 */
public record EngineConfig(Double initialCash, Double consensusThreshold, Boolean allowShort, Integer maxBotErrors,
                           Integer historyBars, Double stopLoss, Double takeProfit) {

    /** Applies defaults and checks ranges. */
    public EngineConfig {
        initialCash = Check.range("engine.initialCash", initialCash, 10_000, 0, 1e12, true);
        consensusThreshold = Check.range("engine.consensusThreshold", consensusThreshold, 0.60, 0, 1, true);
        allowShort = allowShort == null || allowShort;
        maxBotErrors = Check.range("engine.maxBotErrors", maxBotErrors, 5, 1, 1_000_000);
        historyBars = Check.range("engine.historyBars", historyBars, 500, 1, 100_000);
        stopLoss = Check.range("engine.stopLoss", stopLoss, 0.02, 0, 0.5, false);
        takeProfit = Check.range("engine.takeProfit", takeProfit, 0.04, 0, 0.99, false);
    }

    /** @return the defaults */
    public static EngineConfig defaults() {
        return new EngineConfig(null, null, null, null, null, null, null);
    }
}
