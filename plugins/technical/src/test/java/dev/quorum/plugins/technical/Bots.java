package dev.quorum.plugins.technical;

import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Parameters;
import dev.quorum.api.Signal;
import dev.quorum.api.Strategy;
import dev.quorum.api.StrategyContext;
import dev.quorum.api.StrategyInstance;
import dev.quorum.api.Timeframe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creates strategy instances the way the host does: declared defaults, overridden by "config", validated. */
final class Bots {

    private Bots() {
    }

    /**
     * A new instance of a strategy.
     *
     * @param strategy  the extension
     * @param overrides parameter name and value pairs, such as {@code "fast", 2}
     * @return the instance
     */
    static StrategyInstance create(Strategy strategy, Object... overrides) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec spec : strategy.info().parameters()) {
            values.put(spec.name(), spec.defaultValue());
        }
        for (int i = 0; i < overrides.length; i += 2) {
            String name = (String) overrides[i];
            ParameterSpec spec = strategy.info().parameters().stream()
                    .filter(s -> s.name().equals(name)).findFirst().orElseThrow();
            String problem = spec.problemWith(overrides[i + 1]);
            if (problem != null) {
                throw new AssertionError("test parameter " + name + ": " + problem);
            }
            values.put(name, overrides[i + 1]);
        }
        return strategy.create(StrategyContext.of("test-bot", "TEST-USD", Timeframe.M1, new Parameters(values)));
    }

    /**
     * Feeds closes to an instance, one bar each.
     *
     * @param instance the strategy instance
     * @param closes   the closes, oldest first
     * @return the signal on every bar
     */
    static List<Signal> run(StrategyInstance instance, double... closes) {
        BarFeed feed = new BarFeed();
        List<Signal> signals = new ArrayList<>();
        for (double close : closes) {
            signals.add(instance.onBar(feed.next(close)));
        }
        return signals;
    }
}
