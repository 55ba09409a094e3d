package dev.quorum.api;

import java.util.Objects;

/**
 * What a strategy is given when one of its bots is created for one symbol: who it is, its validated
 * parameters, and the host's indicator library for that symbol.
 *
 * @since 1.0
 */
public interface StrategyContext {

    /**
     * The bot's name in config (unique in a run), used in logs, trades and reports.
     *
     * @return the name
     * @since 1.0
     */
    String botName();

    /**
     * The instrument this instance trades.
     *
     * @return the symbol
     * @since 1.0
     */
    String symbol();

    /**
     * The base timeframe of the bars {@code onBar} is called with.
     *
     * @return the base timeframe
     * @since 1.0
     */
    Timeframe timeframe();

    /**
     * The validated parameter values.
     *
     * @return the parameters
     * @since 1.0
     */
    Parameters parameters();

    /**
     * Indicators of this symbol on the base timeframe.
     *
     * @return the indicator library
     * @since 1.0
     */
    default Indicators indicators() {
        return indicators(timeframe());
    }

    /**
     * Indicators of this symbol on a timeframe: the base one, or a multiple of it that the strategy
     * declares in {@link Strategy#timeframes()}. Higher-timeframe indicators change only when a bar
     * of that timeframe has closed.
     *
     * @param timeframe the base timeframe or a declared higher one
     * @return the indicator library for that timeframe
     * @throws IllegalArgumentException if the timeframe is neither the base nor declared
     * @since 1.0
     */
    Indicators indicators(Timeframe timeframe);

    /**
     * A context without host services, for a strategy's unit tests: asking it for indicators throws.
     *
     * @param botName    the bot's name
     * @param symbol     the instrument
     * @param timeframe  the base timeframe
     * @param parameters the parameter values
     * @return the context
     * @since 1.0
     */
    static StrategyContext of(String botName, String symbol, Timeframe timeframe, Parameters parameters) {
        Objects.requireNonNull(botName, "botName");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(parameters, "parameters");
        return new StrategyContext() {
            @Override
            public String botName() {
                return botName;
            }

            @Override
            public String symbol() {
                return symbol;
            }

            @Override
            public Timeframe timeframe() {
                return timeframe;
            }

            @Override
            public Parameters parameters() {
                return parameters;
            }

            @Override
            public Indicators indicators(Timeframe tf) {
                throw new UnsupportedOperationException("this context has no indicator library; run the strategy in the host,"
                        + " or give its test an Indicators implementation");
            }
        };
    }
}
