package dev.quorum.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quorum.api.ADXIndicator;
import dev.quorum.api.BandsIndicator;
import dev.quorum.api.Indicator;
import dev.quorum.api.Indicators;
import dev.quorum.api.MACDIndicator;
import dev.quorum.api.StochasticIndicator;
import dev.quorum.api.Timeframe;

/**
 * The indicators of one symbol for tests: {@code atr(period)} is a {@link SettableIndicator} per period, which
 * the test sets; every other indicator throws {@link UnsupportedOperationException} naming it.
 */
public final class TestIndicators implements Indicators {

    private final Map<Integer, SettableIndicator> atrs = new LinkedHashMap<>();

    /** Creates the indicators of one symbol, none asked for yet. */
    public TestIndicators() {
    }

    /**
     * @param period an ATR period
     * @return the ATR of that period, created on first use (by the code under test or the test)
     */
    public SettableIndicator atrOf(int period) {
        return atrs.computeIfAbsent(period, p -> new SettableIndicator());
    }

    /** @return the ATR periods asked for so far, in order */
    public List<Integer> atrPeriods() {
        return List.copyOf(atrs.keySet());
    }

    @Override
    public Indicator atr(int period) {
        return atrOf(period);
    }

    @Override
    public Timeframe timeframe() {
        return Timeframe.M1;
    }

    private static UnsupportedOperationException notFaked(String name) {
        return new UnsupportedOperationException(name + " is not faked by TestIndicators: only atr(period) is");
    }

    @Override
    public Indicator sma(int period) {
        throw notFaked("sma");
    }

    @Override
    public Indicator ema(int period) {
        throw notFaked("ema");
    }

    @Override
    public Indicator wma(int period) {
        throw notFaked("wma");
    }

    @Override
    public Indicator rsi(int period) {
        throw notFaked("rsi");
    }

    @Override
    public MACDIndicator macd(int fast, int slow, int signal) {
        throw notFaked("macd");
    }

    @Override
    public BandsIndicator bollinger(int period, double k) {
        throw notFaked("bollinger");
    }

    @Override
    public ADXIndicator adx(int period) {
        throw notFaked("adx");
    }

    @Override
    public StochasticIndicator stochastic(int kPeriod, int dPeriod) {
        throw notFaked("stochastic");
    }

    @Override
    public Indicator vwap(int period) {
        throw notFaked("vwap");
    }

    @Override
    public Indicator obv() {
        throw notFaked("obv");
    }

    @Override
    public BandsIndicator donchian(int period) {
        throw notFaked("donchian");
    }

    @Override
    public BandsIndicator keltner(int emaPeriod, int atrPeriod, double multiplier) {
        throw notFaked("keltner");
    }

    @Override
    public Indicator stdDev(int period) {
        throw notFaked("stdDev");
    }

    @Override
    public Indicator zScore(int period) {
        throw notFaked("zScore");
    }

    @Override
    public Indicator highest(int period) {
        throw notFaked("highest");
    }

    @Override
    public Indicator lowest(int period) {
        throw notFaked("lowest");
    }
}
