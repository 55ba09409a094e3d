package dev.quorum.core.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.api.Direction;
import dev.quorum.api.MarketView;
import dev.quorum.api.Signal;
import dev.quorum.api.StrategyInstance;
import dev.quorum.core.plugin.PluginCalls;
import dev.quorum.core.plugin.PluginErrors;

/**
 * A configured strategy running on every symbol of the run. It asks its instance for a signal,
 * checks what comes back, and counts failures: an exception, a null, or exit levels on the wrong
 * side of the price is an error, the vote becomes FLAT, and after {@code maxErrors} errors the bot
 * is suspended for the rest of the run.
 */
final class Bot {

    private static final Logger log = LoggerFactory.getLogger(Bot.class);

    private final String name;
    private final String strategyId;
    private final String pluginId;
    private final Map<String, StrategyInstance> instances;
    private final int maxErrors;
    private final PluginErrors pluginErrors;
    private long signals;
    private int errors;
    private String lastError = "";
    private boolean suspended;

    Bot(String name, String strategyId, String pluginId, Map<String, StrategyInstance> instances, int maxErrors,
        PluginErrors pluginErrors) {
        this.name = name;
        this.strategyId = strategyId;
        this.pluginId = pluginId;
        this.instances = new LinkedHashMap<>(instances);
        this.maxErrors = maxErrors;
        this.pluginErrors = pluginErrors;
    }

    static Bot suspendedAtStart(String name, String strategyId, String pluginId, String error) {
        Bot bot = new Bot(name, strategyId, pluginId, Map.of(), 1, (p, w, e) -> { });
        bot.errors = 1;
        bot.lastError = error;
        bot.suspended = true;
        return bot;
    }

    String name() {
        return name;
    }

    String strategyId() {
        return strategyId;
    }

    boolean isSuspended() {
        return suspended;
    }

    /**
     * @param symbol a symbol of the run
     * @return this bot's instance on it, null if it has none (a bot suspended at start)
     */
    StrategyInstance instance(String symbol) {
        return instances.get(symbol);
    }

    /**
     * @param view the symbol's view
     * @return the bot's vote; FLAT when it failed
     */
    Signal vote(MarketView view) {
        return vote(instances.get(view.symbol()), view);
    }

    /**
     * The engine's path: the instance looked up once per run, not once per bar.
     *
     * @param instance {@link #instance(String) the instance} on the view's symbol
     * @param view     the symbol's view
     * @return the bot's vote; FLAT when it failed
     */
    Signal vote(StrategyInstance instance, MarketView view) {
        Signal signal;
        try {
            signal = instance.onBar(view);
        } catch (Throwable e) {
            return thrown(view, e);
        }
        if (signal != null && signal.stopLoss().isEmpty() && signal.takeProfit().isEmpty()) {
            signals++; // nothing to check: the usual vote, on a path small enough for the JIT to inline
            return signal;
        }
        return checked(signal, view);
    }

    private Signal thrown(MarketView view, Throwable e) {
        PluginCalls.rethrowIfFatal(e);
        return failed(view, PluginCalls.describe(e));
    }

    private Signal checked(Signal signal, MarketView view) {
        String problem = problemWith(signal, view.bar().close());
        if (problem != null) {
            return failed(view, problem);
        }
        signals++;
        return signal;
    }

    static String problemWith(Signal signal, double close) {
        if (signal == null) {
            return "returned null instead of a Signal";
        }
        boolean isLong = signal.direction() == Direction.LONG;
        boolean isShort = signal.direction() == Direction.SHORT;
        if (signal.stopLoss().isPresent()) {
            double sl = signal.stopLoss().getAsDouble();
            if (isLong && sl >= close || isShort && sl <= close) {
                return "stop-loss " + sl + " is on the wrong side of the close " + close + " for a " + signal.direction() + " signal";
            }
        }
        if (signal.takeProfit().isPresent()) {
            double tp = signal.takeProfit().getAsDouble();
            if (isLong && tp <= close || isShort && tp >= close) {
                return "take-profit " + tp + " is on the wrong side of the close " + close + " for a " + signal.direction() + " signal";
            }
        }
        return null;
    }

    private Signal failed(MarketView view, String error) {
        errors++;
        lastError = "on " + view.symbol() + " at " + view.now() + ": " + error;
        pluginErrors.record(pluginId, "bot '" + name + "' (" + strategyId + ") on " + view.symbol() + " at " + view.now(), error);
        if (errors >= maxErrors && !suspended) {
            suspended = true;
            log.warn("[bot {}] SUSPENDED for the rest of the run after {} errors; last: {}", name, errors, lastError);
        }
        return Signal.flat("error: " + error);
    }

    BotReport report() {
        return new BotReport(name, strategyId, pluginId, signals, errors, suspended, lastError);
    }
}
