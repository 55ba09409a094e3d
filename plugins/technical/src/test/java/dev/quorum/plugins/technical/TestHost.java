package dev.quorum.plugins.technical;

import dev.quorum.api.Indicators;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Parameters;
import dev.quorum.api.Signal;
import dev.quorum.api.Strategy;
import dev.quorum.api.StrategyContext;
import dev.quorum.api.StrategyInstance;
import dev.quorum.api.Timeframe;
import dev.quorum.indicator.IndicatorLibrary;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One symbol on one-minute bars as the engine runs it (see the engine's {@code SymbolFeed}): bots
 * are created before the first bar, with the declared defaults overridden by "config" and
 * validated, and a context whose indicators are the host's {@link IndicatorLibrary}; on each bar
 * the library is updated first, then every bot's {@code onBar} is called.
 */
final class TestHost {

    private final BarFeed feed = new BarFeed();
    private final IndicatorLibrary library = new IndicatorLibrary(Timeframe.M1);
    private final List<StrategyInstance> bots = new ArrayList<>();

    /**
     * A host running one bot.
     *
     * @param strategy  the extension
     * @param overrides parameter name and value pairs, such as {@code "fast", 2}
     * @return the host
     */
    static TestHost with(Strategy strategy, Object... overrides) {
        return new TestHost().add(strategy, overrides);
    }

    /**
     * Creates one more bot, on the same indicator library.
     *
     * @param strategy  the extension
     * @param overrides parameter name and value pairs
     * @return this host
     */
    TestHost add(Strategy strategy, Object... overrides) {
        bots.add(strategy.create(context(strategy, overrides)));
        return this;
    }

    /**
     * The context the host would create a bot with.
     *
     * @param strategy  the extension
     * @param overrides parameter name and value pairs
     * @return the context
     */
    StrategyContext context(Strategy strategy, Object... overrides) {
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
        Parameters parameters = new Parameters(values);
        return new StrategyContext() {
            @Override
            public String botName() {
                return "test-bot";
            }

            @Override
            public String symbol() {
                return BarFeed.SYMBOL;
            }

            @Override
            public Timeframe timeframe() {
                return Timeframe.M1;
            }

            @Override
            public Parameters parameters() {
                return parameters;
            }

            @Override
            public Indicators indicators(Timeframe tf) {
                if (!tf.equals(Timeframe.M1)) {
                    throw new IllegalArgumentException("timeframe " + tf + " was not declared");
                }
                return library;
            }
        };
    }

    /**
     * The next bar: the indicators first, then every bot.
     *
     * @param close the bar's price
     * @return every bot's signal, in the order they were added
     */
    List<Signal> next(double close) {
        library.update(feed.next(close));
        List<Signal> signals = new ArrayList<>(bots.size());
        for (StrategyInstance bot : bots) {
            signals.add(bot.onBar(feed));
        }
        return signals;
    }

    /**
     * Feeds bars to the host's first bot.
     *
     * @param closes the closes, oldest first
     * @return its signal on every bar
     */
    List<Signal> run(double... closes) {
        List<Signal> signals = new ArrayList<>(closes.length);
        for (double close : closes) {
            signals.add(next(close).getFirst());
        }
        return signals;
    }

    /**
     * Runs the host's first bot over bars made up front, keeping no signal, and measures what the
     * thread allocated meanwhile (the indicators' updates and the bot's {@code onBar}).
     *
     * @param closes the closes, oldest first
     * @return the bytes allocated and the number of votes with a confidence strictly between 0 and
     *         1, or null if the JVM cannot measure allocation
     */
    long[] allocationRunning(double... closes) {
        feed.preload(closes);
        StrategyInstance bot = bots.getFirst();
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)
                || !threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
            return null;
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        long partial = 0;
        for (int i = 0; i < closes.length; i++) {
            library.update(feed.advance());
            double confidence = bot.onBar(feed).confidence();
            if (confidence > 0 && confidence < 1) {
                partial++;
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        return new long[] {allocated, partial};
    }
}
