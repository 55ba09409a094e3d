package dev.quorum.indicator;

import java.util.List;
import java.util.Objects;

import dev.quorum.api.ADXIndicator;
import dev.quorum.api.Bar;
import dev.quorum.api.BandsIndicator;
import dev.quorum.api.Indicator;
import dev.quorum.api.Indicators;
import dev.quorum.api.MACDIndicator;
import dev.quorum.api.StochasticIndicator;
import dev.quorum.api.Timeframe;

/**
 * The indicators of one symbol on one timeframe, computed once however many bots ask, updated
 * incrementally with each closed bar of that timeframe. Definitions and warm-up are ta4j 0.24.1's
 * (with {@code DoubleNum}), checked against it bar by bar on real candles; the formulas are in
 * {@link Indicators} and on each node class.
 *
 * <p><b>Memoised.</b> The first call for an indicator and parameters creates it; later identical
 * calls return the same handle. Composites share their parts: MACD reads {@code ema(fast)} and
 * {@code ema(slow)}; Bollinger's middle line is {@code sma(period)} and its width
 * {@code stdDev(period)}; Keltner's middle line is {@code ema(emaPeriod)} and its width
 * {@code atr(atrPeriod)}; ADX reads {@code atr(period)}; Donchian's bands are the highest high and
 * lowest low the stochastic of the same period uses; the z-score reads {@code sma} and
 * {@code stdDev}.
 *
 * <p><b>Incremental.</b> {@link #update(Bar)} feeds the bar to every indicator created so far, in
 * dependency order, each once: O(1) per indicator and bar (amortised for highest/lowest, Donchian,
 * the stochastic and the standard deviation), from fixed-size state (a window of at most
 * {@code period} values), with no allocation.
 *
 * <p><b>Warm-up.</b> The bar index (from 0) of the first value, and {@link Indicator#unstableBars()}:
 * the bar from which a later start would give the same values to within 1e-9 (see {@code Decay};
 * the smoothed ones are equal to ta4j's from their first value on, as ta4j seeds them the same way).
 *
 * <pre>
 * sma, wma, highest, lowest,      n − 1                         n − 1
 *   stdDev, zScore, vwap,
 *   donchian, bollinger (n)
 * ema(n)                          n                             n + ⌈ln 1e-12 / ln(1 − 2/(n+1))⌉   ema(20): 297
 * rsi(n)                          n                             n + ⌈ln 5e-13 / ln(1 − 1/n)⌉      rsi(14): 397
 * atr(n)                          n                             n + ⌈ln 1e-12 / ln(1 − 1/n)⌉      atr(14): 387
 * adx(n): +DI, −DI / ADX          n                             as rsi(n) / decay of two stages   adx(14): 453
 * macd(f, s, g): line             s                             as ema(s)                  macd(12, 26, 9): 386
 *   signal, histogram             max(s, g)                     decay of two stages        macd(12, 26, 9): 400
 * keltner(e, a, m): middle        e                             as ema(e)
 *   bands                         max(e, a)                     max(ema(e), atr(a))
 * stochastic(k, d): %K / %D       k − 1 / k + d − 2             the same
 * obv                             0                             0 (its level counts from the first bar)
 * </pre>
 *
 * <p><b>Created late.</b> An indicator created after bars were fed starts from the next bar, as if
 * the data began there (its warm-up starts then), except where it shares parts that already exist,
 * which keep their history. The engine creates every indicator before the first bar.
 *
 * <p>Not thread-safe: create indicators and feed bars from one thread, or guard it.
 */
public final class IndicatorLibrary implements Indicators {

    /** The largest period accepted: windows are allocated up front. */
    static final int MAX_PERIOD = 1_000_000;

    private final Timeframe timeframe;
    private final NodeGraph graph = new NodeGraph();
    private Bar last;

    /**
     * An empty library.
     *
     * @param timeframe the timeframe of the bars it will be fed
     */
    public IndicatorLibrary(Timeframe timeframe) {
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
    }

    /**
     * Feeds the next closed bar to every indicator asked for so far.
     *
     * @param bar a closed bar of this library's timeframe and symbol, later than the previous one
     * @throws IllegalArgumentException if the bar is of another timeframe or symbol, or not later
     *                                  than the previous bar
     */
    public void update(Bar bar) {
        Bar previous = last;
        // the checks every bar passes, with identity comparisons first: this runs for every bar of every symbol
        if (previous == null || bar.timeframe() != timeframe || bar.symbol() != previous.symbol()
                || !bar.openTime().isAfter(previous.openTime())) {
            check(bar, previous);
        }
        last = bar;
        graph.update(bar);
    }

    private void check(Bar bar, Bar previous) {
        Objects.requireNonNull(bar, "bar");
        if (!bar.timeframe().equals(timeframe)) {
            throw new IllegalArgumentException("indicators on " + timeframe + " were fed a " + bar.timeframe() + " bar");
        }
        if (previous != null) {
            if (!previous.symbol().equals(bar.symbol())) {
                throw new IllegalArgumentException("indicators of " + previous.symbol() + " were fed a bar of " + bar.symbol());
            }
            if (!bar.openTime().isAfter(previous.openTime())) {
                throw new IllegalArgumentException("bar at " + bar.openTime() + " is not after the previous bar at "
                        + previous.openTime());
            }
        }
    }

    @Override
    public Timeframe timeframe() {
        return timeframe;
    }

    @Override
    public Indicator sma(int period) {
        return graph.sma(close(), period("sma", "period", period, 1));
    }

    @Override
    public Indicator ema(int period) {
        return graph.ema(close(), period("ema", "period", period, 1));
    }

    @Override
    public Indicator wma(int period) {
        return graph.wma(close(), period("wma", "period", period, 1));
    }

    @Override
    public Indicator rsi(int period) {
        period("rsi", "period", period, 2);
        return graph.get(List.of("rsi", period), Rsi.class, () -> new Rsi(
                graph.mma(graph.change(close(), true), period), graph.mma(graph.change(close(), false), period)));
    }

    @Override
    public MACDIndicator macd(int fast, int slow, int signal) {
        period("macd", "fast", fast, 1);
        period("macd", "slow", slow, 2);
        period("macd", "signal", signal, 1);
        if (slow <= fast) {
            throw new IllegalArgumentException("macd: slow must be greater than fast (" + fast + "), was " + slow);
        }
        return graph.get(List.of("macd", fast, slow, signal), Macd.class, () -> {
            Ema fastEma = graph.ema(close(), fast);
            Ema slowEma = graph.ema(close(), slow);
            Difference line = graph.get(List.of("macd-line", fast, slow), Difference.class,
                    () -> new Difference("macd(" + fast + ", " + slow + ")", fastEma, slowEma));
            // The line depends on the start through both EMAs: at most 2·pole(slow)^(t − slow).
            int seed = Math.max(slow, signal);
            int unstable = Decay.cascade(slow, slowEma.pole(), 2, seed, 1 - 2.0 / (signal + 1));
            Ema signalEma = graph.ema(line, signal, unstable);
            Difference histogram = graph.get(List.of("macd-histogram", fast, slow, signal), Difference.class,
                    () -> new Difference("macd-histogram(" + fast + ", " + slow + ", " + signal + ")", line, signalEma));
            return new Macd(line, signalEma, histogram);
        });
    }

    @Override
    public BandsIndicator bollinger(int period, double k) {
        period("bollinger", "period", period, 2);
        positive("bollinger", "k", k);
        return graph.get(List.of("bollinger", period, k), Bands.class, () -> {
            Sma middle = graph.sma(close(), period);
            StdDev sigma = graph.stdDev(close(), period);
            String name = "bollinger(" + period + ", " + k + ")";
            return new Bands(
                    graph.get(List.of("bollinger-upper", period, k), BandLine.class,
                            () -> new BandLine(name + ".upper", middle, sigma, k, true)),
                    middle,
                    graph.get(List.of("bollinger-lower", period, k), BandLine.class,
                            () -> new BandLine(name + ".lower", middle, sigma, k, false)));
        });
    }

    @Override
    public Indicator atr(int period) {
        return graph.atr(period("atr", "period", period, 1));
    }

    @Override
    public ADXIndicator adx(int period) {
        period("adx", "period", period, 2);
        return graph.get(List.of("adx", period), Adx.class, () -> {
            Ema atr = graph.atr(period);
            DirectionalIndex plus = graph.get(List.of("+di", period), DirectionalIndex.class, () -> new DirectionalIndex(
                    "+di(" + period + ")", graph.mma(graph.directionalMovement(true), period), atr));
            DirectionalIndex minus = graph.get(List.of("-di", period), DirectionalIndex.class, () -> new DirectionalIndex(
                    "-di(" + period + ")", graph.mma(graph.directionalMovement(false), period), atr));
            Dx dx = graph.get(List.of("dx", period), Dx.class, () -> new Dx("dx(" + period + ")", plus, minus));
            // DX is a ratio of the DIs, each a ratio of two averages seeded at bar n: weight ≤ 4·pole^(t − n).
            int unstable = Decay.cascade(period, atr.pole(), 4, period, atr.pole());
            return new Adx(graph.mma(dx, period, unstable), plus, minus);
        });
    }

    @Override
    public StochasticIndicator stochastic(int kPeriod, int dPeriod) {
        period("stochastic", "kPeriod", kPeriod, 1);
        period("stochastic", "dPeriod", dPeriod, 1);
        return graph.get(List.of("stochastic", kPeriod, dPeriod), Stochastic.class, () -> {
            Extreme high = graph.extreme(graph.price(Price.Field.HIGH), kPeriod, true);
            Extreme low = graph.extreme(graph.price(Price.Field.LOW), kPeriod, false);
            StochasticK k = graph.get(List.of("%k", kPeriod), StochasticK.class,
                    () -> new StochasticK("%k(" + kPeriod + ")", close(), high, low));
            return new Stochastic(k, graph.sma(k, dPeriod));
        });
    }

    @Override
    public Indicator vwap(int period) {
        period("vwap", "period", period, 1);
        return graph.get(List.of("vwap", period), Vwap.class,
                () -> new Vwap(graph.price(Price.Field.TYPICAL), period));
    }

    @Override
    public Indicator obv() {
        return graph.get(List.of("obv"), Obv.class, Obv::new);
    }

    @Override
    public BandsIndicator donchian(int period) {
        period("donchian", "period", period, 1);
        return graph.get(List.of("donchian", period), Bands.class, () -> {
            Extreme upper = graph.extreme(graph.price(Price.Field.HIGH), period, true);
            Extreme lower = graph.extreme(graph.price(Price.Field.LOW), period, false);
            Midpoint middle = graph.get(List.of("donchian-middle", period), Midpoint.class,
                    () -> new Midpoint("donchian(" + period + ").middle", lower, upper));
            return new Bands(upper, middle, lower);
        });
    }

    @Override
    public BandsIndicator keltner(int emaPeriod, int atrPeriod, double multiplier) {
        period("keltner", "emaPeriod", emaPeriod, 1);
        period("keltner", "atrPeriod", atrPeriod, 1);
        positive("keltner", "multiplier", multiplier);
        return graph.get(List.of("keltner", emaPeriod, atrPeriod, multiplier), Bands.class, () -> {
            Ema middle = graph.ema(close(), emaPeriod);
            Ema atr = graph.atr(atrPeriod);
            String name = "keltner(" + emaPeriod + ", " + atrPeriod + ", " + multiplier + ")";
            return new Bands(
                    graph.get(List.of("keltner-upper", emaPeriod, atrPeriod, multiplier), BandLine.class,
                            () -> new BandLine(name + ".upper", middle, atr, multiplier, true)),
                    middle,
                    graph.get(List.of("keltner-lower", emaPeriod, atrPeriod, multiplier), BandLine.class,
                            () -> new BandLine(name + ".lower", middle, atr, multiplier, false)));
        });
    }

    @Override
    public Indicator stdDev(int period) {
        return graph.stdDev(close(), period("stdDev", "period", period, 2));
    }

    @Override
    public Indicator zScore(int period) {
        period("zScore", "period", period, 2);
        return graph.get(List.of("zscore", period), ZScore.class, () -> new ZScore(
                "zscore(" + period + ")", close(), graph.sma(close(), period), graph.stdDev(close(), period)));
    }

    @Override
    public Indicator highest(int period) {
        return graph.extreme(close(), period("highest", "period", period, 1), true);
    }

    @Override
    public Indicator lowest(int period) {
        return graph.extreme(close(), period("lowest", "period", period, 1), false);
    }

    /** The nodes created so far, in update order (for tests). */
    List<Node> nodes() {
        return graph.nodes();
    }

    private Price close() {
        return graph.price(Price.Field.CLOSE);
    }

    private static int period(String indicator, String argument, int value, int min) {
        if (value < min || value > MAX_PERIOD) {
            throw new IllegalArgumentException(indicator + ": " + argument + " must be from " + min + " to "
                    + MAX_PERIOD + ", was " + value);
        }
        return value;
    }

    private static void positive(String indicator, String argument, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(indicator + ": " + argument + " must be finite and > 0, was " + value);
        }
    }
}
