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
 * Momentum on Gerald Appel's MACD: long while the MACD line ({@code EMA(fast) - EMA(slow)} of the
 * close) is above its signal line ({@code EMA(signal)} of the MACD values), short while below.
 *
 * <p>Every EMA is seeded with the simple mean of its first inputs (see {@link Ema}); the signal line
 * is fed from the first bar on which the slow EMA exists, so the first vote comes on bar
 * {@code slow + signal - 1}. Confidence grows with the histogram relative to the close,
 * {@code |MACD - signal| / close}, and reaches 1 at {@code fullConfidenceHistogram}.
 */
@Extension
public class MACDStrategy implements Strategy {

    /** The id in config. */
    public static final String ID = "macd-cross";

    private static final ComponentInfo INFO = ComponentInfo.of(ID, "MACD cross",
            "Long while the MACD line is above its signal line, short while below.",
            ParameterSpec.integer("fast", 12, 2, 200, "bars in the fast EMA"),
            ParameterSpec.integer("slow", 26, 3, 500, "bars in the slow EMA; must exceed fast"),
            ParameterSpec.integer("signal", 9, 2, 100, "MACD values in the signal-line EMA"),
            ParameterSpec.decimal("fullConfidenceHistogram", 0.0005, 0.000001, 0.1,
                    "histogram |MACD-signal| relative to the close at which confidence reaches 1"));

    /** Called by PF4J. */
    public MACDStrategy() {
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
        return new Instance(fast, slow, p.getInt("signal"), p.getDouble("fullConfidenceHistogram"));
    }

    /** The three averages of one bot on one symbol. */
    private static final class Instance implements StrategyInstance {

        private final Ema fast;
        private final Ema slow;
        private final Ema signal;
        private final double fullConfidenceHistogram;
        private int bars;

        Instance(int fast, int slow, int signal, double fullConfidenceHistogram) {
            this.fast = new Ema(fast);
            this.slow = new Ema(slow);
            this.signal = new Ema(signal);
            this.fullConfidenceHistogram = fullConfidenceHistogram;
        }

        @Override
        public Signal onBar(MarketView view) {
            double close = view.bar().close();
            fast.add(close);
            slow.add(close);
            if (slow.isReady()) {
                signal.add(fast.value() - slow.value());
            }
            if (!signal.isReady()) {
                bars++;
                return Signal.flat("warming up: " + bars + "/" + (slow.period() + signal.period() - 1) + " bars");
            }
            double macd = fast.value() - slow.value();
            double line = signal.value();
            double confidence = Math.min(1, Math.abs(macd - line) / close / fullConfidenceHistogram);
            if (macd > line) {
                return Signal.buy(confidence, reason(macd, "above", line));
            }
            if (macd < line) {
                return Signal.sell(confidence, reason(macd, "below", line));
            }
            return Signal.flat(reason(macd, "equal to", line));
        }

        private String reason(double macd, String relation, double line) {
            return String.format(Locale.ROOT, "MACD(%d,%d)=%.4f %s signal(%d)=%.4f",
                    fast.period(), slow.period(), macd, relation, signal.period(), line);
        }
    }
}
