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
 * Mean reversion on Wilder's RSI: long when the RSI is below {@code oversold}, short when above
 * {@code overbought}, flat in between.
 *
 * <p>Confidence starts at 0.5 at the threshold and grows linearly to 1 at the extreme (RSI 0 for a
 * long, 100 for a short): {@code 0.5 + (oversold - RSI) / (2 · oversold)} and
 * {@code 0.5 + (RSI - overbought) / (2 · (100 - overbought))}.
 *
 * <p>Indicators: the host's {@link Indicators#rsi(int) rsi(period)} of the base timeframe, whose
 * average gain and loss are Wilder's, seeded with the gain and the loss of bar {@code period}
 * (counting from 0, so the {@code (period+1)}-th bar). The vote is flat on the first
 * {@code period} bars, while the RSI is NaN, and the first LONG or SHORT can come on bar
 * {@code period}. The RSI is 100 when the average loss is 0 (only
 * gains: a short at full confidence). When the average gain is 0 too, the price has not moved
 * since the RSI started and the host gives 0; this strategy reads that as neutral and votes flat,
 * not as an oversold long (it tells that case from a genuine 0, only losses, by whether the close
 * has changed since the bar before the RSI's first value).
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
        int period = p.getInt("period");
        return new Instance(context.indicators().rsi(period), period, p.getDouble("oversold"), p.getDouble("overbought"));
    }

    /** One bot on one symbol: the host's RSI and the votes, reasons included, built once. */
    private static final class Instance implements StrategyInstance {

        private final Indicator rsi;
        private final double oversold;
        private final double overbought;
        private final Signal warmingUp;
        private final Signal unchanged;
        private final Signal between;
        private final Vote low;
        private final Vote high;
        /** The previous bar's close, to see whether the price has moved since the RSI started. */
        private double lastClose = Double.NaN;
        /** Whether the close has changed on a bar with an RSI value (so its averages are not both 0). */
        private boolean moved;

        Instance(Indicator rsi, int period, double oversold, double overbought) {
            this.rsi = rsi;
            this.oversold = oversold;
            this.overbought = overbought;
            String name = "RSI(" + period + ")";
            String lower = Vote.number(oversold);
            String upper = Vote.number(overbought);
            this.warmingUp = Vote.flat("warming up: " + name + " needs " + (period + 1) + " bars");
            this.unchanged = Vote.flat(name + " undefined: the close has not changed since it started");
            this.between = Vote.flat(name + " between " + lower + " and " + upper);
            this.low = Vote.buy(name + " below oversold " + lower);
            this.high = Vote.sell(name + " above overbought " + upper);
        }

        @Override
        public Signal onBar(MarketView view) {
            double close = view.bar().close();
            double value = rsi.value();
            boolean defined = !Double.isNaN(value);
            if (defined && close != lastClose) {
                moved = true;
            }
            lastClose = close;
            if (!defined) {
                return warmingUp;
            }
            if (value < oversold) {
                if (!moved) {
                    return unchanged;
                }
                return low.with(Math.min(1, 0.5 + (oversold - value) / (2 * oversold)));
            }
            if (value > overbought) {
                return high.with(Math.min(1, 0.5 + (value - overbought) / (2 * (100 - overbought))));
            }
            return between;
        }
    }
}
