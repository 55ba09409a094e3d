package dev.quorum.core.learning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.quorum.api.ADXIndicator;
import dev.quorum.api.BarHistory;
import dev.quorum.api.Indicator;
import dev.quorum.api.Markets;
import dev.quorum.api.Situation;

/**
 * Reads the {@link Situation} of a symbol after its bar, from the host's indicators and the symbol's history:
 * <ul>
 *   <li><b>regime</b>: ADX(14) at or above 25 is a trend, up when +DI is above −DI, else down; below 25 a range;</li>
 *   <li><b>volatility</b>: ATR(14) / ATR(100) below 0.8 is low, above 1.25 high, else normal;</li>
 *   <li><b>volume</b>: the bar's volume against the mean of the 20 bars before it: below 0.5× low, above 2× high,
 *       else normal (a mean of 0 leaves it unknown);</li>
 *   <li><b>momentum</b>: {@code (close − close 10 bars ago) / ATR(14)} above 1 is up, below −1 down, else flat.</li>
 * </ul>
 * A measure whose indicator is still warming up (NaN) or whose history is too short is {@code UNKNOWN}.
 */
public final class SituationReader {

    static final double TREND_ADX = 25;
    static final double LOW_VOLATILITY = 0.8;
    static final double HIGH_VOLATILITY = 1.25;
    static final int VOLUME_BARS = 20;
    static final double LOW_VOLUME = 0.5;
    static final double HIGH_VOLUME = 2.0;
    static final int MOMENTUM_BARS = 10;
    static final double MOMENTUM_ATRS = 1.0;

    private record Gauges(BarHistory history, ADXIndicator adx, Indicator atr, Indicator slowAtr) {
    }

    private final Map<String, Gauges> gauges = new HashMap<>();

    /**
     * Asks the host for the indicators of every symbol; they update with the bars from then on.
     *
     * @param markets the run's markets
     */
    public SituationReader(Markets markets) {
        List<String> symbols = markets.symbols();
        for (String symbol : symbols) {
            gauges.put(symbol, new Gauges(markets.history(symbol), markets.indicators(symbol).adx(14),
                    markets.indicators(symbol).atr(14), markets.indicators(symbol).atr(100)));
        }
    }

    /**
     * @param symbol a symbol of the run, after its bar
     * @return its situation now
     */
    public Situation read(String symbol) {
        Gauges g = gauges.get(symbol);
        if (g == null) {
            return Situation.UNKNOWN;
        }
        return new Situation(regime(g.adx().adx().value(), g.adx().plusDI().value(), g.adx().minusDI().value()),
                volatility(g.atr().value(), g.slowAtr().value()), volume(g.history()), momentum(g.history(), g.atr().value()));
    }

    static Situation.Regime regime(double adx, double plusDi, double minusDi) {
        if (Double.isNaN(adx) || Double.isNaN(plusDi) || Double.isNaN(minusDi)) {
            return Situation.Regime.UNKNOWN;
        }
        if (adx < TREND_ADX) {
            return Situation.Regime.RANGE;
        }
        return plusDi > minusDi ? Situation.Regime.TREND_UP : Situation.Regime.TREND_DOWN;
    }

    static Situation.Level volatility(double atr, double slowAtr) {
        if (!(slowAtr > 0) || Double.isNaN(atr)) {
            return Situation.Level.UNKNOWN;
        }
        return level(atr / slowAtr, LOW_VOLATILITY, HIGH_VOLATILITY);
    }

    static Situation.Level volume(BarHistory history) {
        if (history.size() < VOLUME_BARS + 1) {
            return Situation.Level.UNKNOWN;
        }
        double sum = 0;
        for (int i = 1; i <= VOLUME_BARS; i++) {
            sum += history.get(i).volume();
        }
        double mean = sum / VOLUME_BARS;
        if (!(mean > 0)) {
            return Situation.Level.UNKNOWN;
        }
        return level(history.get(0).volume() / mean, LOW_VOLUME, HIGH_VOLUME);
    }

    static Situation.Momentum momentum(BarHistory history, double atr) {
        if (history.size() < MOMENTUM_BARS + 1 || !(atr > 0)) {
            return Situation.Momentum.UNKNOWN;
        }
        double move = (history.close(0) - history.close(MOMENTUM_BARS)) / atr;
        return move > MOMENTUM_ATRS ? Situation.Momentum.UP : move < -MOMENTUM_ATRS ? Situation.Momentum.DOWN : Situation.Momentum.FLAT;
    }

    private static Situation.Level level(double ratio, double low, double high) {
        return ratio < low ? Situation.Level.LOW : ratio > high ? Situation.Level.HIGH : Situation.Level.NORMAL;
    }
}
