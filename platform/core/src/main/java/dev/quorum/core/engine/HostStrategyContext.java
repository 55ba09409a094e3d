package dev.quorum.core.engine;

import dev.quorum.api.Indicators;
import dev.quorum.api.Parameters;
import dev.quorum.api.StrategyContext;
import dev.quorum.api.Timeframe;

/**
 * The context a bot is created with in the engine: its identity and parameters, and the indicator
 * libraries of its symbol's feed.
 *
 * @param botName    the bot's name
 * @param symbol     the instrument
 * @param timeframe  the base timeframe
 * @param parameters the validated parameters
 * @param feed       the symbol's feed, which owns the indicator libraries
 */
record HostStrategyContext(String botName, String symbol, Timeframe timeframe, Parameters parameters, SymbolFeed feed)
        implements StrategyContext {

    @Override
    public Indicators indicators(Timeframe tf) {
        return feed.indicators(tf);
    }
}
