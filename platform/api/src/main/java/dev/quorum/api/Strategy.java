package dev.quorum.api;

import org.pf4j.ExtensionPoint;

/**
 * A trading strategy: the extension point a plugin implements to add a voting bot.
 *
 * <p>The extension itself is stateless: it describes itself and creates one {@link StrategyInstance}
 * per bot and symbol, which holds whatever state the strategy keeps (indicator values, counters).
 * The host calls an instance from one thread at a time, once per closed bar, in time order.
 *
 * <pre>{@code
 * @Extension
 * public class AlwaysLongStrategy implements Strategy {
 *     public ComponentInfo info() {
 *         return ComponentInfo.of("always-long", "Always long", "Votes long with a fixed confidence.",
 *                 ParameterSpec.decimal("confidence", 0.7, 0, 1, "how sure it is"));
 *     }
 *     public StrategyInstance create(StrategyContext context) {
 *         double confidence = context.parameters().getDouble("confidence");
 *         return view -> Signal.buy(confidence, "always");
 *     }
 * }
 * }</pre>
 *
 * <p>What the host does when a strategy misbehaves: an exception, a {@code null} signal or a
 * signal with exit levels on the wrong side of the price counts as an error for that bot and is
 * treated as a {@code FLAT} vote; after {@code engine.maxBotErrors} errors in a run the bot is
 * suspended for the rest of the run and the run summary says so.
 *
 * @since 1.0
 */
public interface Strategy extends ExtensionPoint {

    /**
     * The strategy's id, name, description and declared parameters.
     *
     * @return the info; the same on every call
     * @since 1.0
     */
    ComponentInfo info();

    /**
     * The higher timeframes this strategy reads, besides the base one: the engine aggregates them
     * from the base bars and shows only closed bars of each ({@link MarketView#history(Timeframe)},
     * {@link StrategyContext#indicators(Timeframe)}). Each must be a whole multiple of the base
     * timeframe. The default is none.
     *
     * @return the higher timeframes, such as {@code List.of(Timeframe.M15, Timeframe.H1)}
     * @since 1.0
     */
    default java.util.List<Timeframe> timeframes() {
        return java.util.List.of();
    }

    /**
     * Creates the state for one bot on one symbol.
     *
     * @param context the bot's name, symbol, timeframe and validated parameters
     * @return a new instance, never null
     * @since 1.0
     */
    StrategyInstance create(StrategyContext context);
}
