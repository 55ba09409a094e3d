package dev.quorum.api;

/**
 * The host's indicator library for one symbol on one timeframe. Ask for what a bot needs in
 * {@link Strategy#create(StrategyContext)}; every method returns a live {@link Indicator} that the
 * host updates before each call to {@code onBar} (on a higher timeframe, when a bar of that
 * timeframe has closed). Asking twice for the same indicator returns the same values: the host
 * computes it once, however many bots use it. Periods must be at least 1 (2 where noted) and at
 * most 1,000,000, multipliers finite and {@code > 0}; otherwise an
 * {@link IllegalArgumentException} names the indicator, the argument, its value and what is allowed.
 *
 * <p>Definitions and warm-up follow ta4j 0.24.1 with {@code DoubleNum} (the tests check them
 * against ta4j on real candles, bar by bar, to 1e-9), except that windowed indicators are NaN until
 * their window is full where ta4j uses the partial window; with {@code n} the period and bar
 * {@code n} the {@code (n+1)}-th bar: SMA and WMA (weights 1..n) of the close, NaN for the first
 * {@code n − 1} bars; EMA (α = 2/(n+1)), NaN for the first {@code n} bars, then seeded with the
 * close of bar {@code n} (not the first close, not an SMA); RSI (Wilder: gains and losses averaged
 * with α = 1/n, each NaN for {@code n} bars and then seeded with the gain and loss of bar
 * {@code n}; 100 when the average loss is 0, 0 when both are); MACD (EMA(fast) − EMA(slow), from bar
 * {@code slow}; signal = EMA(signal) of the MACD line, seeded at bar {@code max(slow, signal)};
 * histogram = MACD − signal); Bollinger (SMA ± k·σ, σ the population standard deviation); ATR
 * (Wilder average of the true range, seeded with the true range of bar {@code n}); ADX (+DI and −DI
 * = 100 · Wilder average of ±DM / ATR, DX = 100 · |+DI − −DI| / (+DI + −DI), ADX = Wilder average of
 * DX, all from bar {@code n}; DX is 0 where +DI + −DI is below 1e-5 and a DI is 0 where the ATR
 * is below 1e-5: ta4j's {@code DoubleNum} zero tolerance, which zeroes them in flat stretches; the
 * ATR's threshold shrinks as min(1e-5, 1e-7 · close) below a close of 100, so that instruments
 * priced under a cent keep their DIs); stochastic %K over the highs and lows of the last {@code kPeriod} bars (NaN where
 * that range is 0) and %D its SMA (NaN while such a NaN is in its window); VWAP over a window of
 * bars using the typical price (high + low + close)/3 (NaN when no bar of the window traded); OBV
 * (cumulative, 0 on the first bar); Donchian (highest high, lowest low, their mean); Keltner (EMA of
 * the close ± multiplier·ATR, as ta4j's {@code KeltnerChannelFacade}; ta4j's
 * {@code KeltnerChannelMiddleIndicator} takes the EMA of the typical price instead); standard
 * deviation (population) and z-score of the close over a window (NaN where σ is 0); highest and
 * lowest close over a window.
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
     * Exponential moving average of the close, α = 2/(period + 1): NaN for the first {@code period}
     * bars, then seeded with the close of bar {@code period}.
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
     * Wilder's relative strength index, 0..100; NaN for the first {@code period} bars.
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
     * Average true range (Wilder); NaN for the first {@code period} bars, then seeded with the true
     * range of bar {@code period}.
     *
     * @param period bars
     * @return average true range (Wilder)
     * @since 1.0
     */
    Indicator atr(int period);

    /**
     * ADX, +DI, −DI, all from bar {@code period} (ta4j seeds the ADX's average with the first DX).
     *
     * @param period bars, at least 2
     * @return ADX, +DI, −DI
     * @since 1.0
     */
    ADXIndicator adx(int period);

    /**
     * The stochastic oscillator. %K is NaN on a bar whose window is flat (highest high = lowest low);
     * %D starts at bar {@code kPeriod + dPeriod − 2}, when its window holds full-window %K values only.
     *
     * @param kPeriod window of %K
     * @param dPeriod SMA period of %D
     * @return %K and %D
     * @since 1.0
     */
    StochasticIndicator stochastic(int kPeriod, int dPeriod);

    /**
     * Volume-weighted average of the typical price over the window; NaN if no bar of it traded.
     *
     * @param period bars
     * @return volume-weighted average of the typical price over the window
     * @since 1.0
     */
    Indicator vwap(int period);

    /**
     * On-balance volume, cumulative from the first bar (0 there).
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
     * Keltner channels: the EMA of the close ± multiplier·ATR (ta4j's {@code KeltnerChannelFacade}).
     *
     * @param emaPeriod  middle line EMA period
     * @param atrPeriod  ATR period
     * @param multiplier band width in ATRs, {@code > 0}
     * @return EMA(close) ± multiplier·ATR
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
     * (close − SMA) / σ over the window, σ the population standard deviation; NaN where σ is 0. The
     * SMA is a running sum rounded as ta4j's, so in a nearly flat window (σ a few ticks) the value
     * carries that rounding divided by σ: about 1e-9 relative on 1-minute BTC candles.
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
