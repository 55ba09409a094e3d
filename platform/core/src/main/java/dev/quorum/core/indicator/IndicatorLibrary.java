package dev.quorum.core.indicator;

import dev.quorum.api.ADXIndicator;
import dev.quorum.api.Bar;
import dev.quorum.api.BandsIndicator;
import dev.quorum.api.Indicator;
import dev.quorum.api.Indicators;
import dev.quorum.api.MACDIndicator;
import dev.quorum.api.StochasticIndicator;
import dev.quorum.api.Timeframe;

/**
 * PLACEHOLDER (being implemented): the indicators of one symbol on one timeframe, computed once
 * however many bots ask, updated with each closed bar of that timeframe.
 */
public final class IndicatorLibrary implements Indicators {

    private final Timeframe timeframe;

    /** @param timeframe the timeframe of the bars it will be fed */
    public IndicatorLibrary(Timeframe timeframe) {
        this.timeframe = timeframe;
    }

    /**
     * Feeds the next closed bar to every indicator asked for so far.
     *
     * @param bar a closed bar of this library's timeframe, in time order
     */
    public void update(Bar bar) {
    }

    @Override
    public Timeframe timeframe() {
        return timeframe;
    }

    private static UnsupportedOperationException todo() {
        return new UnsupportedOperationException("not implemented yet");
    }

    @Override public Indicator sma(int period) { throw todo(); }
    @Override public Indicator ema(int period) { throw todo(); }
    @Override public Indicator wma(int period) { throw todo(); }
    @Override public Indicator rsi(int period) { throw todo(); }
    @Override public MACDIndicator macd(int fast, int slow, int signal) { throw todo(); }
    @Override public BandsIndicator bollinger(int period, double k) { throw todo(); }
    @Override public Indicator atr(int period) { throw todo(); }
    @Override public ADXIndicator adx(int period) { throw todo(); }
    @Override public StochasticIndicator stochastic(int kPeriod, int dPeriod) { throw todo(); }
    @Override public Indicator vwap(int period) { throw todo(); }
    @Override public Indicator obv() { throw todo(); }
    @Override public BandsIndicator donchian(int period) { throw todo(); }
    @Override public BandsIndicator keltner(int emaPeriod, int atrPeriod, double multiplier) { throw todo(); }
    @Override public Indicator stdDev(int period) { throw todo(); }
    @Override public Indicator zScore(int period) { throw todo(); }
    @Override public Indicator highest(int period) { throw todo(); }
    @Override public Indicator lowest(int period) { throw todo(); }
}
