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
 * Momentum on Gerald Appel's MACD: long while the MACD line ({@code EMA(fast) - EMA(slow)} of the
 * close) is above its signal line ({@code EMA(signal)} of the MACD line), short while below, flat
 * when they are equal.
 *
 * <p>Confidence grows with the histogram relative to the close, {@code |MACD - signal| / close},
 * and reaches 1 at {@code fullConfidenceHistogram}:
 * {@code min(1, |MACD - signal| / close / fullConfidenceHistogram)}.
 *
 * <p>Indicators: the histogram ({@code MACD - signal}) of the host's
 * {@link Indicators#macd(int, int, int) macd(fast, slow, signal)} of the base timeframe; its sign
 * is the side of the MACD line against the signal line. The MACD line exists from bar {@code slow}
 * (counting from 0) and the signal line from bar {@code max(slow, signal)}, seeded with the MACD
 * line there. The vote is flat on the first {@code max(slow, signal)} bars, while the histogram is
 * NaN, and also on bar {@code max(slow, signal)} itself, where the seeded signal line equals the
 * MACD line; the first LONG or SHORT can come on the bar after.
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
        int signal = p.getInt("signal");
        Indicator histogram = context.indicators().macd(fast, slow, signal).histogram();
        return new Instance(histogram, fast, slow, signal, p.getDouble("fullConfidenceHistogram"));
    }

    /** One bot on one symbol: the host's MACD histogram and the votes, reasons included, built once. */
    private static final class Instance implements StrategyInstance {

        private final Indicator histogram;
        private final double fullConfidenceHistogram;
        private final Signal warmingUp;
        private final Signal equal;
        private final Vote above;
        private final Vote below;

        Instance(Indicator histogram, int fast, int slow, int signal, double fullConfidenceHistogram) {
            this.histogram = histogram;
            this.fullConfidenceHistogram = fullConfidenceHistogram;
            String macd = "MACD(" + fast + "," + slow + ")";
            String line = "signal(" + signal + ")";
            this.warmingUp = Vote.flat("warming up: " + line + " of " + macd + " needs "
                    + (Math.max(slow, signal) + 1) + " bars");
            this.equal = Vote.flat(macd + " equal to " + line);
            this.above = Vote.buy(macd + " above " + line);
            this.below = Vote.sell(macd + " below " + line);
        }

        @Override
        public Signal onBar(MarketView view) {
            double h = histogram.value();
            if (Double.isNaN(h)) {
                return warmingUp;
            }
            double confidence = Math.min(1, Math.abs(h) / view.bar().close() / fullConfidenceHistogram);
            if (h > 0) {
                return above.with(confidence);
            }
            if (h < 0) {
                return below.with(confidence);
            }
            return equal;
        }
    }
}
