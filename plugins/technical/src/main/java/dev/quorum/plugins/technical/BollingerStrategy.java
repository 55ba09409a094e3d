package dev.quorum.plugins.technical;

import dev.quorum.api.ComponentInfo;
import dev.quorum.api.MarketView;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Parameters;
import dev.quorum.api.Signal;
import dev.quorum.api.Strategy;
import dev.quorum.api.StrategyContext;
import dev.quorum.api.StrategyInstance;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * John Bollinger's bands: the simple moving average of the last {@code period} closes, plus and
 * minus {@code k} population standard deviations σ of the same closes.
 *
 * <p>In {@code reversion} mode a close below the lower band is a long vote and above the upper band a
 * short one, betting on a return to the middle: the signal carries the middle band as take-profit
 * and a stop-loss {@code stopSigma · σ} beyond the close (omitted for a long when that would not be
 * a positive price). In {@code breakout} mode the directions are reversed and no levels are set.
 * Inside the bands, or when σ is 0, the vote is flat.
 *
 * <p>Confidence is 0.5 on the band and grows with the distance beyond it:
 * {@code min(1, 0.5 + 0.5 · distance / (k · σ))}.
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
        return new Instance(p.getInt("period"), p.getDouble("k"),
                BREAKOUT.equals(p.getString("mode")), p.getDouble("stopSigma"));
    }

    /** The rolling window of one bot on one symbol. */
    private static final class Instance implements StrategyInstance {

        private final RollingStats window;
        private final double k;
        private final boolean breakout;
        private final double stopSigma;

        Instance(int period, double k, boolean breakout, double stopSigma) {
            this.window = new RollingStats(period);
            this.k = k;
            this.breakout = breakout;
            this.stopSigma = stopSigma;
        }

        @Override
        public Signal onBar(MarketView view) {
            double close = view.bar().close();
            window.add(close);
            if (!window.isReady()) {
                return Signal.flat("warming up: " + window.size() + "/" + window.period() + " bars");
            }
            double middle = window.mean();
            double sigma = window.standardDeviation();
            if (sigma == 0) {
                return Signal.flat(String.format(Locale.ROOT, "no volatility: the last %d closes are all %.2f",
                        window.period(), middle));
            }
            double upper = middle + k * sigma;
            double lower = middle - k * sigma;
            if (close > upper) {
                String reason = reason(close, "above upper", upper, middle, sigma);
                double confidence = confidence(close - upper, sigma);
                return breakout ? Signal.buy(confidence, reason)
                        : Signal.sell(confidence, reason).withTakeProfit(middle).withStopLoss(close + stopSigma * sigma);
            }
            if (close < lower) {
                String reason = reason(close, "below lower", lower, middle, sigma);
                double confidence = confidence(lower - close, sigma);
                if (breakout) {
                    return Signal.sell(confidence, reason);
                }
                Signal signal = Signal.buy(confidence, reason).withTakeProfit(middle);
                double stop = close - stopSigma * sigma;
                return stop > 0 ? signal.withStopLoss(stop) : signal;
            }
            return Signal.flat(String.format(Locale.ROOT, "close %.2f inside bands [%.2f, %.2f]", close, lower, upper));
        }

        private double confidence(double distance, double sigma) {
            return Math.min(1, 0.5 + 0.5 * distance / (k * sigma));
        }

        private String reason(double close, String relation, double band, double middle, double sigma) {
            return String.format(Locale.ROOT, "close %.2f %s band %.2f (SMA(%d)=%.2f, σ=%.2f)",
                    close, relation, band, window.period(), middle, sigma);
        }
    }
}
