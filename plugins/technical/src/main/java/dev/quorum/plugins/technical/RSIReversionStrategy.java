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
 * Mean reversion on Wilder's RSI: long when the RSI is below {@code oversold}, short when above
 * {@code overbought}, flat in between.
 *
 * <p>Confidence starts at 0.5 at the threshold and grows linearly to 1 at the extreme (RSI 0 for a
 * long, 100 for a short): {@code 0.5 + (oversold - RSI) / (2 · oversold)} and
 * {@code 0.5 + (RSI - overbought) / (2 · (100 - overbought))}. Flat until {@code period + 1} bars
 * have been seen. See {@link WilderRsi} for the smoothing and the edge cases.
 */
@Extension
public class RSIReversionStrategy implements Strategy {

    /** The id in config. */
    public static final String ID = "rsi-reversion";

    private static final ComponentInfo INFO = ComponentInfo.of(ID, "RSI reversion",
            "Long when Wilder's RSI is oversold, short when it is overbought.",
            ParameterSpec.integer("period", 14, 2, 100, "bars in the RSI smoothing"),
            ParameterSpec.decimal("oversold", 30, 1, 49, "RSI below which to go long"),
            ParameterSpec.decimal("overbought", 70, 51, 99, "RSI above which to go short"));

    /** Called by PF4J. */
    public RSIReversionStrategy() {
    }

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    @Override
    public StrategyInstance create(StrategyContext context) {
        Parameters p = context.parameters();
        return new Instance(p.getInt("period"), p.getDouble("oversold"), p.getDouble("overbought"));
    }

    /** The RSI of one bot on one symbol. */
    private static final class Instance implements StrategyInstance {

        private final WilderRsi rsi;
        private final int period;
        private final double oversold;
        private final double overbought;
        private int bars;

        Instance(int period, double oversold, double overbought) {
            this.rsi = new WilderRsi(period);
            this.period = period;
            this.oversold = oversold;
            this.overbought = overbought;
        }

        @Override
        public Signal onBar(MarketView view) {
            rsi.add(view.bar().close());
            if (!rsi.isReady()) {
                bars++;
                return Signal.flat("warming up: " + bars + "/" + rsi.warmUp() + " bars");
            }
            double value = rsi.value();
            if (value < oversold) {
                double confidence = Math.min(1, 0.5 + (oversold - value) / (2 * oversold));
                return Signal.buy(confidence, reason(value, "below oversold", oversold));
            }
            if (value > overbought) {
                double confidence = Math.min(1, 0.5 + (value - overbought) / (2 * (100 - overbought)));
                return Signal.sell(confidence, reason(value, "above overbought", overbought));
            }
            return Signal.flat(String.format(Locale.ROOT, "RSI(%d)=%.2f between %.2f and %.2f",
                    period, value, oversold, overbought));
        }

        private String reason(double value, String relation, double threshold) {
            return String.format(Locale.ROOT, "RSI(%d)=%.2f %s %.2f", period, value, relation, threshold);
        }
    }
}
