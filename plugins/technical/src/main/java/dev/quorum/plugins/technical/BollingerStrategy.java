package dev.quorum.plugins.technical;

import dev.quorum.api.BandsIndicator;
import dev.quorum.api.ComponentInfo;
import dev.quorum.api.Indicator;
import dev.quorum.api.Indicators;
import dev.quorum.api.MarketView;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Parameters;
import dev.quorum.api.Signal;
import dev.quorum.api.Strategy;
import dev.quorum.api.StrategyContext;
import dev.quorum.api.StrategyInstance;
import java.util.List;
import org.pf4j.Extension;

/**
 * John Bollinger's bands: the simple moving average of the last {@code period} closes, plus and
 * minus {@code k} population standard deviations σ of the same closes.
 *
 * <p>In {@code reversion} mode a close below the lower band is a long vote and above the upper band a
 * short one, betting on a return to the middle: the signal carries the middle band as take-profit
 * and a stop-loss {@code stopSigma · σ} beyond the close (omitted for a long when that would not be
 * a positive price). In {@code breakout} mode the directions are reversed and no levels are set.
 * Inside the bands (or on them), or when σ is 0, the vote is flat.
 *
 * <p>Confidence is 0.5 on the band and grows with the distance beyond it:
 * {@code min(1, 0.5 + 0.5 · distance / (k · σ))}.
 *
 * <p>Indicators: the host's {@link Indicators#bollinger(int, double) bollinger(period, k)} and
 * {@link Indicators#stdDev(int) stdDev(period)} (σ, the same computation the bands use) of the
 * base timeframe. Both are exact from their first value, on bar {@code period − 1} (counting from
 * 0, so the {@code period}-th bar, when the window is full): the vote is flat on the first
 * {@code period − 1} bars, and the first LONG or SHORT can come on bar {@code period − 1}. The
 * host computes σ accurately even in nearly flat windows, and exactly 0 when every close of the
 * window is the same.
 */
@Extension
public class BollingerStrategy implements Strategy {

    /** The id in config. */
    public static final String ID = "bollinger";

    private static final String REVERSION = "reversion";
    private static final String BREAKOUT = "breakout";

    private static final ComponentInfo INFO = ComponentInfo.of(ID, "Bollinger bands",
            "Trades closes outside the Bollinger bands, as a reversion to the mean or as a breakout.",
            ParameterSpec.integer("period", 20, 2, 500, "closes in the moving average and deviation"),
            ParameterSpec.decimal("k", 2.0, 0.5, 5, "band width in standard deviations"),
            ParameterSpec.choice("mode", REVERSION, List.of(REVERSION, BREAKOUT),
                    "reversion: fade a close outside the bands; breakout: follow it"),
            ParameterSpec.decimal("stopSigma", 1.5, 0.1, 10,
                    "reversion stop-loss distance from the close, in standard deviations"));

    /** Called by PF4J. */
    public BollingerStrategy() {
    }

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    @Override
    public StrategyInstance create(StrategyContext context) {
        Parameters p = context.parameters();
        int period = p.getInt("period");
        double k = p.getDouble("k");
        Indicators indicators = context.indicators();
        return new Instance(indicators.bollinger(period, k), indicators.stdDev(period), period, k,
                BREAKOUT.equals(p.getString("mode")), p.getDouble("stopSigma"));
    }

    /** One bot on one symbol: the host's bands and σ, and the votes, reasons included, built once. */
    private static final class Instance implements StrategyInstance {

        private final Indicator upper;
        private final Indicator middle;
        private final Indicator lower;
        private final Indicator sigma;
        private final double k;
        private final boolean breakout;
        private final double stopSigma;
        private final Signal warmingUp;
        private final Signal noVolatility;
        private final Signal inside;
        private final Vote aboveUpper;
        private final Vote belowLower;

        Instance(BandsIndicator bands, Indicator sigma, int period, double k, boolean breakout, double stopSigma) {
            this.upper = bands.upper();
            this.middle = bands.middle();
            this.lower = bands.lower();
            this.sigma = sigma;
            this.k = k;
            this.breakout = breakout;
            this.stopSigma = stopSigma;
            String name = "Bollinger(" + period + ", " + Vote.number(k) + "σ)";
            String bet = breakout ? ": breakout" : ": reversion to SMA(" + period + ")";
            this.warmingUp = Vote.flat("warming up: " + name + " needs " + period + " bars");
            this.noVolatility = Vote.flat("no volatility: the last " + period + " closes are equal");
            this.inside = Vote.flat("close inside " + name);
            String above = "close above upper " + name + bet;
            String below = "close below lower " + name + bet;
            this.aboveUpper = breakout ? Vote.buy(above) : Vote.sell(above);
            this.belowLower = breakout ? Vote.sell(below) : Vote.buy(below);
        }

        @Override
        public Signal onBar(MarketView view) {
            double s = sigma.value();
            double up = upper.value();
            double mid = middle.value();
            double low = lower.value();
            if (Double.isNaN(s) || Double.isNaN(up) || Double.isNaN(mid) || Double.isNaN(low)) {
                return warmingUp;
            }
            if (s == 0) {
                return noVolatility;
            }
            double close = view.bar().close();
            if (close > up) {
                double confidence = confidence(close - up, s);
                return breakout ? aboveUpper.with(confidence)
                        : aboveUpper.with(confidence, close + stopSigma * s, mid);
            }
            if (close < low) {
                double confidence = confidence(low - close, s);
                if (breakout) {
                    return belowLower.with(confidence);
                }
                double stop = close - stopSigma * s;
                return belowLower.with(confidence, stop > 0 ? stop : Double.NaN, mid);
            }
            return inside;
        }

        private double confidence(double distance, double s) {
            return Math.min(1, 0.5 + 0.5 * distance / (k * s));
        }
    }
}
