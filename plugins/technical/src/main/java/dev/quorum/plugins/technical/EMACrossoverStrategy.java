package dev.quorum.plugins.technical;

import dev.quorum.api.ComponentInfo;
import dev.quorum.api.MarketView;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Parameters;
import dev.quorum.api.Signal;
import dev.quorum.api.Strategy;
import dev.quorum.api.StrategyContext;
import dev.quorum.api.StrategyInstance;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * Trend following on two exponential moving averages of the close: long while the fast EMA is
 * above the slow one, short while it is below.
 *
 * <p>Confidence grows with the relative spread {@code |fast - slow| / slow} and reaches 1 at
 * {@code fullConfidenceSpread}. Flat until the slow EMA is seeded ({@code slow} bars).
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
        return new Instance(fast, slow, p.getDouble("fullConfidenceSpread"));
    }

    /** The two averages of one bot on one symbol. */
    private static final class Instance implements StrategyInstance {

        private final Ema fast;
        private final Ema slow;
        private final double fullConfidenceSpread;

        Instance(int fast, int slow, double fullConfidenceSpread) {
            this.fast = new Ema(fast);
            this.slow = new Ema(slow);
            this.fullConfidenceSpread = fullConfidenceSpread;
        }

        @Override
        public Signal onBar(MarketView view) {
            double close = view.bar().close();
            fast.add(close);
            slow.add(close);
            if (!slow.isReady()) {
                return Signal.flat("warming up: " + slow.seen() + "/" + slow.period() + " bars");
            }
            double f = fast.value();
            double s = slow.value();
            double confidence = Math.min(1, Math.abs(f - s) / s / fullConfidenceSpread);
            if (f > s) {
                return Signal.buy(confidence, reason(f, "above", s));
            }
            if (f < s) {
                return Signal.sell(confidence, reason(f, "below", s));
            }
            return Signal.flat(reason(f, "equal to", s));
        }

        private String reason(double f, String relation, double s) {
            return String.format(Locale.ROOT, "EMA(%d)=%.2f %s EMA(%d)=%.2f", fast.period(), f, relation, slow.period(), s);
        }
    }
}
