package dev.quorum.scripting;

import java.time.Duration;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import dev.quorum.api.MarketView;
import dev.quorum.api.Signal;
import dev.quorum.api.StrategyContext;
import dev.quorum.api.StrategyInstance;

/**
 * One script voting on one symbol: its own sandboxed context (its own globals and {@code ctx.state}),
 * evaluated from the shared source. Each bar crosses into the script once, with no arguments: the
 * framework reads the bar and the position from the {@link ScriptHost} and hands the signal back as
 * primitives. Whatever goes wrong (an exception, a result that is not a signal, a time-out) is thrown
 * as a located {@link ScriptException}, so that the engine counts it against the bot and votes FLAT;
 * a call stopped for memory closes the context and every later call fails at once.
 */
final class ScriptInstance implements StrategyInstance, AutoCloseable {

    private final ScriptDefinition definition;
    private final Context context;
    private final ScriptHost host;
    private final BoundedLog log;
    private final Watchdog watchdog;
    private final Watchdog.Call call;
    private final Duration budget;
    private final Value onBar;
    private String dead;

    private ScriptInstance(ScriptDefinition definition, Context context, ScriptHost host, BoundedLog log, Watchdog watchdog,
                           Watchdog.Call call, Duration budget, Value onBar) {
        this.definition = definition;
        this.context = context;
        this.host = host;
        this.log = log;
        this.watchdog = watchdog;
        this.call = call;
        this.budget = budget;
        this.onBar = onBar;
    }

    /**
     * Evaluates the script in a new context and runs its {@code init(ctx)}.
     *
     * @throws ScriptException if that fails
     */
    static ScriptInstance start(ScriptRuntime runtime, ScriptDefinition definition, StrategyContext strategyContext) {
        BoundedLog log = new BoundedLog(runtime.limits().logLines());
        Context context = runtime.newContext(log);
        Watchdog.Call call = new Watchdog.Call(context, definition.displayName());
        ScriptHost host = new ScriptHost(strategyContext, definition.meta(), log);
        runtime.watchdog().register(call);
        try {
            Value onBar = ScriptDefinition.guarded(runtime, call, definition.displayName(), () -> {
                context.eval(ScriptDefinition.PRELUDE);
                context.eval(definition.source());
                return context.eval(ScriptDefinition.BIND).execute(host);
            });
            return new ScriptInstance(definition, context, host, log, runtime.watchdog(), call, runtime.limits().callBudget(), onBar);
        } catch (RuntimeException e) {
            runtime.watchdog().unregister(call);
            context.close(true);
            throw e;
        }
    }

    @Override
    public Signal onBar(MarketView view) {
        if (dead != null) {
            throw ScriptException.of(definition.displayName(), dead);
        }
        host.bind(view);
        watchdog.enter(call, budget);
        try {
            onBar.executeVoid();
        } catch (PolyglotException e) {
            ScriptException failure = failure(definition.displayName(), call, e, "in onBar");
            if (call.verdict == Watchdog.Verdict.MEMORY || e.isCancelled()) {
                dead = "its context was closed (" + failure.problem() + "); it votes no more";
            }
            throw failure;
        } finally {
            watchdog.exit(call);
        }
        Signal signal = host.signal();
        if (signal == null) {
            throw ScriptException.of(definition.displayName(), host.rejection() + " (bar at " + view.now() + ")");
        }
        return signal;
    }

    /** Translates what stopped a call, naming the watchdog's verdict when it was the watchdog. */
    static ScriptException failure(String displayName, Watchdog.Call call, PolyglotException e, String phase) {
        Watchdog.Verdict verdict = call.verdict;
        if (verdict == Watchdog.Verdict.TIME && (e.isInterrupted() || e.isCancelled())) {
            return ScriptException.from(displayName, e, phase + ": " + call.detail + "; interrupted");
        }
        if (verdict == Watchdog.Verdict.MEMORY || e.isCancelled()) {
            return ScriptException.from(displayName, e, phase + ": stopped: " + (verdict == Watchdog.Verdict.MEMORY ? call.detail
                    : "the context was closed"));
        }
        if (e.isResourceExhausted()) {
            return ScriptException.from(displayName, e, phase + ": resources exhausted: " + e.getMessage());
        }
        return ScriptException.from(displayName, e, null);
    }

    /** @return the script's log */
    BoundedLog log() {
        return log;
    }

    @Override
    public void close() {
        watchdog.unregister(call);
        try {
            context.close(true);
        } catch (RuntimeException ignored) {
            // closing a context that was closed by the watchdog
        }
    }
}
