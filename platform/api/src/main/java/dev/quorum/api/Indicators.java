package dev.quorum.api;

/**
 * The host's indicator library for one symbol on one timeframe. Ask for what a bot needs in
 * {@link Strategy#create(StrategyContext)}; every method returns a live {@link Indicator} that the
 * host updates before each call to {@code onBar} (on a higher timeframe, when a bar of that
 * timeframe has closed). Asking twice for the same indicator returns the same values: the host
 * computes it once, however many bots use it. Periods must be at least 1 (2 where noted).
 *
 * <p>Definitions follow ta4j's (and the tests check them against ta4j on real candles):
 * SMA, WMA (weights 1..n), EMA (k = 2/(n+1), first value = first close), RSI (Wilder: gains and
 * losses smoothed with k = 1/n, first value = first input), MACD (EMA(fast) − EMA(slow), signal =
 * EMA(signal) of MACD), Bollinger (SMA ± k·σ, σ the population standard deviation), ATR (Wilder
 * smoothing of the true range), ADX (Wilder), stochastic %K/%D, VWAP over a window of bars using the
 * typical price (high + low + close)/3, OBV (cumulative), Donchian (highest high, lowest low, their
 * mean), Keltner (EMA ± multiplier·ATR), standard deviation and z-score of the close over a window,
 * highest and lowest close over a window.
 *
 * @since 1.0
 */
public interface Indicators {

    /**
     * The timeframe these indicators are computed on.
     *
     * @return the timeframe these indicators are computed on
     * @since 1.0
     */
    Timeframe timeframe();

    /**
     * Simple moving average of the close.
     *
     * @param period bars
     * @return simple moving average of the close
     * @since 1.0
     */
    Indicator sma(int period);

    /**
     * Exponential moving average of the close.
     *
     * @param period bars
     * @return exponential moving average of the close
     * @since 1.0
     */
    Indicator ema(int period);

    /**
     * Linearly weighted moving average of the close.
     *
     * @param period bars
     * @return linearly weighted moving average of the close
     * @since 1.0
     */
    Indicator wma(int period);

    /**
     * Wilder's relative strength index, 0..100.
     *
     * @param period bars, at least 2
     * @return Wilder's relative strength index, 0..100
     * @since 1.0
     */
    Indicator rsi(int period);

    /**
     * Moving average convergence/divergence of the close.
     *
     * @param fast   fast EMA period
     * @param slow   slow EMA period, greater than {@code fast}
     * @param signal signal EMA period
     * @return MACD, signal and histogram
     * @since 1.0
     */
    MACDIndicator macd(int fast, int slow, int signal);

    /**
     * Bollinger bands of the close.
     *
     * @param period bars, at least 2
     * @param k      band width in standard deviations, {@code > 0}
     * @return SMA ± k·σ
     * @since 1.0
     */
    BandsIndicator bollinger(int period, double k);

    /**
     * Average true range (Wilder).
     *
     * @param period bars
     * @return average true range (Wilder)
     * @since 1.0
     */
    Indicator atr(int period);

    /**
     * ADX, +DI, −DI.
     *
     * @param period bars, at least 2
     * @return ADX, +DI, −DI
     * @since 1.0
     */
    ADXIndicator adx(int period);

    /**
     * The stochastic oscillator.
     *
     * @param kPeriod window of %K
     * @param dPeriod SMA period of %D
     * @return %K and %D
     * @since 1.0
     */
    StochasticIndicator stochastic(int kPeriod, int dPeriod);

    /**
     * Volume-weighted average of the typical price over the window.
     *
     * @param period bars
     * @return volume-weighted average of the typical price over the window
     * @since 1.0
     */
    Indicator vwap(int period);

    /**
     * On-balance volume, cumulative from the first bar.
     *
     * @return on-balance volume, cumulative from the first bar
     * @since 1.0
     */
    Indicator obv();

    /**
     * Highest high, lowest low and their mean.
     *
     * @param period bars
     * @return highest high, lowest low and their mean
     * @since 1.0
     */
    BandsIndicator donchian(int period);

    /**
     * Keltner channels.
     *
     * @param emaPeriod  middle line EMA period
     * @param atrPeriod  ATR period
     * @param multiplier band width in ATRs, {@code > 0}
     * @return EMA ± multiplier·ATR
     * @since 1.0
     */
    BandsIndicator keltner(int emaPeriod, int atrPeriod, double multiplier);

    /**
     * Population standard deviation of the close.
     *
     * @param period bars, at least 2
     * @return population standard deviation of the close
     * @since 1.0
     */
    Indicator stdDev(int period);

    /**
     * (close − SMA) / σ over the window.
     *
     * @param period bars, at least 2
     * @return (close − SMA) / σ over the window
     * @since 1.0
     */
    Indicator zScore(int period);

    /**
     * Highest close over the window.
     *
     * @param period bars
     * @return highest close over the window
     * @since 1.0
     */
    Indicator highest(int period);

    /**
     * Lowest close over the window.
     *
     * @param period bars
     * @return lowest close over the window
     * @since 1.0
     */
    Indicator lowest(int period);
}
