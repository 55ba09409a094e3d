package dev.quorum.api;

import java.util.Objects;

/**
 * What a strategy is told when one of its bots is created.
 *
 * @param botName    the bot's name in config (unique in a run), used in logs, trades and reports
 * @param symbol     the instrument this instance trades
 * @param timeframe  the base timeframe of the bars it will see
 * @param parameters the validated parameter values
 * @since 1.0
 */
public record StrategyContext(String botName, String symbol, Timeframe timeframe, Parameters parameters) {

    /**
     * Checks for nulls.
     */
    public StrategyContext {
        Objects.requireNonNull(botName, "botName");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(parameters, "parameters");
    }
}
