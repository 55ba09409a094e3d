package dev.quorum.bench;

import dev.quorum.api.ComponentInfo;
import dev.quorum.api.Indicator;
import dev.quorum.api.Indicators;
import dev.quorum.api.Signal;
import dev.quorum.api.Strategy;
import dev.quorum.api.StrategyContext;
import dev.quorum.api.StrategyInstance;

/**
 * Benchmark 1's strategy written against Quorum's API, with the rules of {@link Ta4jPeer#emaCrossWithRsiFilter}:
 * enter when EMA(12) crosses above EMA(26) while RSI(14) &lt; 70; exit when EMA(12) crosses below
 * EMA(26), or the close is 2% below the entry price, or 4% above it. Crossings follow ta4j's
 * {@code CrossIndicator}: no crossing before bar 26 (the EMAs' unstable period), and bars where the two
 * EMAs are equal are skipped when looking back. The engine runs with {@code allowShort: false}, so
 * the SHORT vote closes the long and opens nothing; the indicators come from the host's library.
 */
final class EmaRsiStrategy implements Strategy {

    static final String ID = "bench-ema-rsi";

    private static final Signal ENTER = Signal.buy(1, "EMA 12/26 crossed up, RSI < 70");
    private static final Signal EXIT = Signal.sell(1, "exit");
    private static final Signal HOLD = Signal.flat();

    @Override
    public ComponentInfo info() {
        return ComponentInfo.of(ID, "EMA 12/26 cross with RSI filter", "The benchmark's single strategy.");
    }

    @Override
    public StrategyInstance create(StrategyContext context) {
        Indicators indicators = context.indicators();
        Indicator fast = indicators.ema(12);
        Indicator slow = indicators.ema(26);
        Indicator rsi = indicators.rsi(14);
        int unstable = 26;
        return new StrategyInstance() {
            private long index = -1;
            private int lastSign; // sign of fast − slow on the latest bar that counts for a crossing

            @Override
            public Signal onBar(dev.quorum.api.MarketView view) {
                index++;
                double f = fast.value();
                double s = slow.value();
                int sign = f > s ? 1 : f < s ? -1 : 0; // NaN compares as neither, as in ta4j
                boolean crossedUp = index > unstable && sign > 0 && lastSign < 0;
                boolean crossedDown = index > unstable && sign < 0 && lastSign > 0;
                if (index <= unstable || sign != 0) {
                    lastSign = sign;
                }
                if (view.position().isPresent()) {
                    double entry = view.position().get().entryPrice();
                    double close = view.bar().close();
                    boolean stop = close <= entry * ((100.0 - 2) / 100);
                    boolean target = close >= entry * ((100.0 + 4) / 100);
                    return crossedDown || stop || target ? EXIT : HOLD;
                }
                return crossedUp && rsi.value() < 70 ? ENTER : HOLD;
            }
        };
    }
}
