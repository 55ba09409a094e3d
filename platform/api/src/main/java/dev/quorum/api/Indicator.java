package dev.quorum.api;

/**
 * A live view of one technical indicator of one symbol on one timeframe, kept up to date by the
 * host: obtain it once from {@link Indicators} when a bot is created, read it in every
 * {@link StrategyInstance#onBar(MarketView)}. The host computes each distinct indicator once per
 * symbol and timeframe, incrementally (O(1) per bar), however many bots ask for it.
 *
 * <p>Values are NaN until the indicator has seen enough bars to compute one. They are exact from
 * then on for windowed indicators (SMA, WMA, highest/lowest, standard deviation, Donchian, VWAP,
 * stochastic); indicators with exponential or Wilder smoothing (EMA, RSI, MACD, ATR, ADX, Keltner)
 * start from their first input, as ta4j does, and agree with a longer history to within 1e-9 only
 * after {@link #unstableBars()} bars.
 *
 * @since 1.0
 */
public interface Indicator {

    /**
     * The value on the latest closed bar of the indicator's timeframe.
     *
     * @return the value, or NaN before the first one
     * @since 1.0
     */
    double value();

    /**
     * The value one bar earlier, for crossings.
     *
     * @return the previous value, or NaN if there is none
     * @since 1.0
     */
    double previous();

    /**
     * How many bars it has seen.
     *
     * @return the count of bars fed so far
     * @since 1.0
     */
    long bars();

    /**
     * How many bars it needs before its values no longer depend on where the data started.
     *
     * @return the unstable period, in bars
     * @since 1.0
     */
    int unstableBars();

    /**
     * Whether more than {@link #unstableBars()} bars have been seen.
     *
     * @return true once the value is stable
     * @since 1.0
     */
    default boolean isStable() {
        return bars() > unstableBars();
    }
}
