package com.example.hello;

import dev.quorum.api.ComponentInfo;
import dev.quorum.api.MarketView;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Signal;
import dev.quorum.api.Strategy;
import dev.quorum.api.StrategyContext;
import dev.quorum.api.StrategyInstance;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * A minimal momentum strategy: votes LONG when the close is above the close {@code lookback} bars
 * ago, SHORT when below, FLAT otherwise.
 *
 * <p>{@code @Extension} is what makes this class visible to Quorum: at compile time PF4J's
 * annotation processor lists it in {@code META-INF/extensions.idx}, and the host reads that list
 * when it loads the plugin.
 */
@Extension
public class HelloStrategy implements Strategy {

    /*
     * What the strategy says about itself. The id is what users write in config/quorum.yaml
     * ("- strategy: hello-momentum"); the parameters are declared with a default and a range,
     * and the host checks the user's values against them before anything runs.
     */
    private static final ComponentInfo INFO = ComponentInfo.of(
            "hello-momentum",
            "Hello momentum",
            "Long when the close is above the close lookback bars ago, short when below.",
            ParameterSpec.integer("lookback", 10, 1, 500, "how many bars back to compare the close with"),
            ParameterSpec.decimal("confidence", 0.6, 0, 1, "how sure every non-flat vote is"));

    /** PF4J creates the extension through this constructor. */
    public HelloStrategy() {
    }

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    /*
     * Called once per bot and symbol. The parameters have already been validated, so no range
     * checks are needed here. Keep no state in this class (one object serves every bot):
     * state belongs in the instance returned here.
     */
    @Override
    public StrategyInstance create(StrategyContext context) {
        int lookback = context.parameters().getInt("lookback");
        double confidence = context.parameters().getDouble("confidence");
        return new Momentum(lookback, confidence);
    }

    /**
     * The state of one bot on one symbol: the last {@code lookback + 1} closes in a ring buffer,
     * so each bar costs the same however long the run is.
     */
    private static final class Momentum implements StrategyInstance {

        private final double[] closes; // a ring buffer: the slot at 'next' holds the oldest close
        private final double confidence;
        private int next;
        private int seen;

        Momentum(int lookback, double confidence) {
            this.closes = new double[lookback + 1];
            this.confidence = confidence;
        }

        /*
         * Called once per closed bar, in time order, never from two threads at once.
         * view.bar() is the bar that just closed.
         */
        @Override
        public Signal onBar(MarketView view) {
            double close = view.bar().close();
            closes[next] = close;
            next = (next + 1) % closes.length;
            seen = Math.min(seen + 1, closes.length);

            int lookback = closes.length - 1;
            if (seen < closes.length) {
                // Not enough bars yet: a FLAT vote means "no opinion", never an error.
                return Signal.flat("warming up: " + seen + "/" + closes.length + " bars");
            }
            double then = closes[next]; // the oldest close in the buffer, lookback bars ago
            String reason = String.format(Locale.ROOT, "close %.2f vs %.2f %d bars ago", close, then, lookback);
            if (close > then) {
                return Signal.buy(confidence, reason);
            }
            if (close < then) {
                return Signal.sell(confidence, reason);
            }
            return Signal.flat(reason);
        }
    }
}
