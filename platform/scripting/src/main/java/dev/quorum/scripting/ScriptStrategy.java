package dev.quorum.scripting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quorum.api.ComponentInfo;
import dev.quorum.api.MarketView;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Signal;
import dev.quorum.api.Strategy;
import dev.quorum.api.StrategyContext;
import dev.quorum.api.StrategyInstance;
import dev.quorum.api.Timeframe;

/**
 * A checked script behind the {@link Strategy} extension point: the engine creates its instances and
 * runs them like those of any plugin. Its id is {@code meta.name}, its parameters those of
 * {@code meta.params}. On a symbol outside {@code meta.symbols} (when given) it votes FLAT without
 * running the script.
 *
 * <p><b>Hot reload.</b> {@link #reload} hands it a new version of the script (checked already);
 * each instance switches to it at its next bar, atomically: a new context is evaluated and its
 * {@code init} run, and only if that succeeds does it replace the running one (whose context is then
 * closed); if it fails, the last good version keeps running and the error is reported. A version that
 * changes the name, a parameter's name or type, or reads a timeframe the running one did not declare
 * is refused at once: the engine bound parameters and built timeframes at the start of the session.
 * {@link #retire} (the file was deleted) makes every instance vote FLAT from its next bar on.
 * {@link #close()} closes every context it made.
 */
public final class ScriptStrategy implements Strategy, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScriptStrategy.class);

    private final ScriptRuntime runtime;
    private final ComponentInfo info;
    private final ScriptDefinition first;
    private volatile ScriptDefinition current;
    private volatile Signal retired;
    private volatile ScriptException lastReloadError;
    private final List<Live> instances = new ArrayList<>();

    /**
     * @param runtime    the runtime its instances run in
     * @param definition the checked script
     */
    public ScriptStrategy(ScriptRuntime runtime, ScriptDefinition definition) {
        this.runtime = runtime;
        this.first = definition;
        this.current = definition;
        ScriptMeta meta = definition.meta();
        this.info = new ComponentInfo(meta.name(), meta.name() + " " + meta.version() + " (script " + definition.displayName() + ")",
                meta.description(), meta.parameters());
    }

    /** @return the version instances switch to (the running one, or a newer one they take at their next bar) */
    public ScriptDefinition definition() {
        return current;
    }

    @Override
    public ComponentInfo info() {
        return info;
    }

    @Override
    public List<Timeframe> timeframes() {
        return first.meta().timeframes();
    }

    /**
     * Hands over a new version; instances take it at their next bar.
     *
     * @param next the new version, checked by {@link ScriptDefinition}
     * @throws ScriptException if it cannot replace the running one in this session (name, parameter or
     *                         timeframe changes), naming what changed
     */
    public void reload(ScriptDefinition next) {
        ScriptMeta was = first.meta();
        ScriptMeta now = next.meta();
        String file = next.displayName();
        if (!now.name().equals(was.name())) {
            throw ScriptException.of(file, "meta.name changed from \"" + was.name() + "\" to \"" + now.name()
                    + "\": bots refer to the name, so restart the session to rename a script");
        }
        Map<String, ParameterSpec> before = new java.util.HashMap<>();
        was.parameters().forEach(p -> before.put(p.name(), p));
        Set<String> names = new HashSet<>();
        for (ParameterSpec p : now.parameters()) {
            names.add(p.name());
            ParameterSpec old = before.get(p.name());
            if (old == null || old.type() != p.type()) {
                throw ScriptException.of(file, "meta.params." + p.name() + (old == null ? " is new" : " changed type from "
                        + old.type() + " to " + p.type()) + ": parameters were bound when the session started; restart it to apply");
            }
        }
        if (!names.equals(before.keySet())) {
            throw ScriptException.of(file, "meta.params lost " + before.keySet().stream().filter(n -> !names.contains(n)).sorted().toList()
                    + ": parameters were bound when the session started; restart it to apply");
        }
        if (!was.timeframes().containsAll(now.timeframes())) {
            throw ScriptException.of(file, "meta.timeframes " + now.timeframes() + " reads a timeframe the running version did not"
                    + " declare (" + was.timeframes() + "): the engine builds timeframes at the start; restart the session");
        }
        lastReloadError = null;
        current = next;
    }

    /**
     * From the next bar on, every instance votes FLAT.
     *
     * @param why the reason its votes will carry
     */
    public void retire(String why) {
        retired = Signal.flat("retired: " + why);
    }

    /** @return whether it was retired */
    public boolean isRetired() {
        return retired != null;
    }

    /** @return why the latest version could not replace the running one in some instance, or null */
    public ScriptException lastReloadError() {
        return lastReloadError;
    }

    @Override
    public StrategyInstance create(StrategyContext context) {
        List<String> symbols = first.meta().symbols();
        if (!symbols.isEmpty() && !symbols.contains(context.symbol())) {
            Signal flat = Signal.flat(context.symbol() + " is not in meta.symbols " + symbols);
            return view -> flat;
        }
        ScriptDefinition d = current;
        Live live = new Live(context, ScriptInstance.start(runtime, d, context), d);
        synchronized (instances) {
            instances.add(live);
        }
        return live;
    }

    /** @return the log lines of every running instance, oldest first per instance */
    public List<String> logLines() {
        synchronized (instances) {
            return instances.stream().flatMap(i -> i.active.log().lines().stream()).toList();
        }
    }

    @Override
    public void close() {
        synchronized (instances) {
            instances.forEach(i -> i.active.close());
            instances.clear();
        }
    }

    /** One symbol's instance, which switches to a newer version of the script at a bar boundary. */
    private final class Live implements StrategyInstance {
        private final StrategyContext context;
        private ScriptInstance active;
        private ScriptDefinition runs;
        private ScriptDefinition refused;

        Live(StrategyContext context, ScriptInstance active, ScriptDefinition runs) {
            this.context = context;
            this.active = active;
            this.runs = runs;
        }

        @Override
        public Signal onBar(MarketView view) {
            Signal r = retired;
            if (r != null) {
                return r;
            }
            ScriptDefinition d = current;
            if (d != runs && d != refused) {
                swap(d);
            }
            return active.onBar(view);
        }

        private void swap(ScriptDefinition next) {
            for (ParameterSpec p : next.meta().parameters()) {
                String problem = p.problemWith(context.parameters().values().get(p.name()));
                if (problem != null) {
                    refuse(next, ScriptException.of(next.displayName(), "meta.params." + p.name() + ": bot " + context.botName()
                            + " has " + problem + " (now allowed: " + p.allowed() + "); the last good version keeps running"));
                    return;
                }
            }
            ScriptInstance started;
            try {
                started = ScriptInstance.start(runtime, next, context);
            } catch (ScriptException e) {
                refuse(next, e);
                return;
            }
            ScriptInstance old = active;
            active = started;
            runs = next;
            synchronized (instances) {
                old.close();
            }
            log.info("script {}: bot {} on {} runs the new version from this bar", next.displayName(), context.botName(), context.symbol());
        }

        private void refuse(ScriptDefinition next, ScriptException e) {
            refused = next;
            lastReloadError = e;
            log.warn("script {}: the new version did not start for bot {} on {}; the last good version keeps running: {}",
                    next.displayName(), context.botName(), context.symbol(), e.oneLine());
        }
    }
}
