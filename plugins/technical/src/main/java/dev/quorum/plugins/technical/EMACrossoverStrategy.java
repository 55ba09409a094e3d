package dev.quorum.plugins.technical;

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
import org.pf4j.Extension;

/**
 * Trend following on two exponential moving averages of the close: long while the fast EMA is
 * above the slow one, short while it is below, flat when they are equal.
 *
 * <p>Confidence grows with the relative spread {@code |fast - slow| / slow} and reaches 1 at
 * {@code fullConfidenceSpread}: {@code min(1, |fast - slow| / slow / fullConfidenceSpread)}.
 *
 * <p>Indicators: the host's {@link Indicators#ema(int) ema(fast)} and {@code ema(slow)} of the
 * base timeframe. The host seeds an EMA(n) with the close of bar {@code n} (counting from 0, so
 * the {@code (n+1)}-th bar), not with an SMA: the vote is flat on the first {@code slow} bars,
 * while the slow EMA is NaN, and the first LONG or SHORT can come on bar {@code slow}.
 */
@Extension
public class EMACrossoverStrategy implements Strategy {

    /** The id in config. */
    public static final String ID = "ema-crossover";

    private static final ComponentInfo INFO = ComponentInfo.of(ID, "EMA crossover",
            "Long while the fast EMA of the close is above the slow EMA, short while below.",
            ParameterSpec.integer("fast", 12, 2, 200, "bars in the fast EMA"),
            ParameterSpec.integer("slow", 26, 3, 500, "bars in the slow EMA; must exceed fast"),
            ParameterSpec.decimal("fullConfidenceSpread", 0.002, 0.00001, 0.1,
                    "relative EMA spread |fast-slow|/slow at which confidence reaches 1"));

    /** Called by PF4J. */
    public EMACrossoverStrategy() {
    }

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code fast >= slow}
     */
    @Override
    public StrategyInstance create(StrategyContext context) {
        Parameters p = context.parameters();
        int fast = p.getInt("fast");
        int slow = p.getInt("slow");
        if (fast >= slow) {
            throw new IllegalArgumentException(ID + ": fast (" + fast + ") must be below slow (" + slow + ")");
        }
        Indicators indicators = context.indicators();
        return new Instance(indicators.ema(fast), indicators.ema(slow), fast, slow, p.getDouble("fullConfidenceSpread"));
    }

    /** One bot on one symbol: the host's two averages and the votes, reasons included, built once. */
    private static final class Instance implements StrategyInstance {

        private final Indicator fast;
        private final Indicator slow;
        private final double fullConfidenceSpread;
        private final Signal warmingUp;
        private final Signal equal;
        private final Vote above;
        private final Vote below;

        Instance(Indicator fast, Indicator slow, int fastPeriod, int slowPeriod, double fullConfidenceSpread) {
            this.fast = fast;
            this.slow = slow;
            this.fullConfidenceSpread = fullConfidenceSpread;
            String f = "EMA(" + fastPeriod + ")";
            String s = "EMA(" + slowPeriod + ")";
            this.warmingUp = Vote.flat("warming up: " + s + " needs " + (slowPeriod + 1) + " bars");
            this.equal = Vote.flat(f + " equal to " + s);
            this.above = Vote.buy(f + " above " + s);
            this.below = Vote.sell(f + " below " + s);
        }

        @Override
        public Signal onBar(MarketView view) {
            double f = fast.value();
            double s = slow.value();
            if (Double.isNaN(f) || Double.isNaN(s)) {
                return warmingUp;
            }
            double confidence = Math.min(1, Math.abs(f - s) / s / fullConfidenceSpread);
            if (f > s) {
                return above.with(confidence);
            }
            if (f < s) {
                return below.with(confidence);
            }
            return equal;
        }
    }
}
