package dev.quorum.api;

/**
 * A live view of one technical indicator of one symbol on one timeframe, kept up to date by the
 * host: obtain it once from {@link Indicators} when a bot is created, read it in every
 * {@link StrategyInstance#onBar(MarketView)}. The host computes each distinct indicator once per
 * symbol and timeframe, incrementally (O(1) per bar), however many bots ask for it.
 *
 * <p>Values are NaN until the indicator has seen enough bars to compute one: the first
 * {@code period − 1} bars for windowed indicators (where ta4j 0.24.1 gives partial-window values),
 * the first {@code period} bars for smoothed ones (as ta4j). A few are also NaN later where they are
 * undefined (see {@link Indicators}). Windowed
 * indicators (SMA, WMA, highest/lowest, standard deviation, z-score, Bollinger, Donchian, VWAP,
 * stochastic) are exact from their first value. Indicators with exponential or Wilder smoothing
 * (EMA, RSI, MACD, ATR, ADX, Keltner) start, as ta4j does, from a single input (that of bar
 * {@code period}, not an average), so their early values depend on where the data started: they
 * agree with a longer history to within 1e-9 (relative; absolute below 1) only after
 * {@link #unstableBars()} bars.
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
     * How many bars it needs before its values no longer depend on where the data started:
     * {@code period − 1} for windowed indicators (the bars before the first full window); for
     * smoothed ones, the bar from which the start's weight in the value is below 1e-12 (297 bars for
     * EMA(20), 397 for RSI(14), 453 for ADX(14)); 0 for OBV, whose level is counted from the first
     * bar but whose changes are not.
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
