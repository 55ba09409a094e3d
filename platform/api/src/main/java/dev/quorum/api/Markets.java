package dev.quorum.api;

import java.util.List;

/**
 * Read-only market data for components that act on the whole portfolio rather than on one symbol,
 * such as a {@link RiskModule}: every traded symbol's recent bars on the base timeframe and the
 * host's indicator library for it.
 *
 * <p>Ask for indicators when the component is created (as a strategy does in
 * {@link Strategy#create(StrategyContext)}): the host then updates them on every bar of their
 * symbol, before any risk module is called on that bar. A history is valid during the call it is
 * read in; the host moves it forward afterwards.
 *
 * @since 1.2
 */
public interface Markets {

    /**
     * The symbols of the run, in config order.
     *
     * @return an immutable list
     * @since 1.2
     */
    List<String> symbols();

    /**
     * The base timeframe of every symbol's bars.
     *
     * @return the timeframe
     * @since 1.2
     */
    Timeframe timeframe();

    /**
     * The recent closed bars of a symbol, newest first; empty before its first bar.
     *
     * @param symbol one of {@link #symbols()}
     * @return the history
     * @throws IllegalArgumentException for a symbol the run does not trade
     * @since 1.2
     */
    BarHistory history(String symbol);

    /**
     * The host's indicators of a symbol on the base timeframe.
     *
     * @param symbol one of {@link #symbols()}
     * @return the indicator library
     * @throws IllegalArgumentException for a symbol the run does not trade
     * @since 1.2
     */
    Indicators indicators(String symbol);

    /**
     * No market data, for unit tests of a component that does not read any: every lookup throws.
     *
     * @return the empty markets
     * @since 1.2
     */
    static Markets none() {
        return new Markets() {
            @Override
            public List<String> symbols() {
                return List.of();
            }

            @Override
            public Timeframe timeframe() {
                throw new UnsupportedOperationException("these markets have no data; run the component in the host,"
                        + " or give its test a Markets implementation");
            }

            @Override
            public BarHistory history(String symbol) {
                throw new IllegalArgumentException("no market data for " + symbol + " (Markets.none())");
            }

            @Override
            public Indicators indicators(String symbol) {
                throw new IllegalArgumentException("no indicators for " + symbol + " (Markets.none())");
            }
        };
    }
}
