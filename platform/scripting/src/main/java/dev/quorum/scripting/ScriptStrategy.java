package dev.quorum.scripting;

import java.util.ArrayList;
import java.util.List;

import dev.quorum.api.ComponentInfo;
import dev.quorum.api.Signal;
import dev.quorum.api.Strategy;
import dev.quorum.api.StrategyContext;
import dev.quorum.api.StrategyInstance;
import dev.quorum.api.Timeframe;

/**
 * A checked script behind the {@link Strategy} extension point: the engine creates its instances and
 * runs them like those of any plugin. Its id is {@code meta.name}, its parameters those of
 * {@code meta.params}. On a symbol outside {@code meta.symbols} (when given) it votes FLAT without
 * running the script. {@link #close()} closes every context it made.
 */
public final class ScriptStrategy implements Strategy, AutoCloseable {

    private final ScriptRuntime runtime;
    private final ScriptDefinition definition;
    private final ComponentInfo info;
    private final List<ScriptInstance> instances = new ArrayList<>();

    /**
     * @param runtime    the runtime its instances run in
     * @param definition the checked script
     */
    public ScriptStrategy(ScriptRuntime runtime, ScriptDefinition definition) {
        this.runtime = runtime;
        this.definition = definition;
        ScriptMeta meta = definition.meta();
        this.info = new ComponentInfo(meta.name(), meta.name() + " " + meta.version() + " (script " + definition.displayName() + ")",
                meta.description(), meta.parameters());
    }

    /** @return the script */
    public ScriptDefinition definition() {
        return definition;
    }

    @Override
    public ComponentInfo info() {
        return info;
    }

    @Override
    public List<Timeframe> timeframes() {
        return definition.meta().timeframes();
    }

    @Override
    public StrategyInstance create(StrategyContext context) {
        List<String> symbols = definition.meta().symbols();
        if (!symbols.isEmpty() && !symbols.contains(context.symbol())) {
            Signal flat = Signal.flat(context.symbol() + " is not in meta.symbols " + symbols);
            return view -> flat;
        }
        ScriptInstance instance = ScriptInstance.start(runtime, definition, context);
        synchronized (instances) {
            instances.add(instance);
        }
        return instance;
    }

    /** @return the log lines of every instance, oldest first per instance */
    public List<String> logLines() {
        synchronized (instances) {
            return instances.stream().flatMap(i -> i.log().lines().stream()).toList();
        }
    }

    @Override
    public void close() {
        synchronized (instances) {
            instances.forEach(ScriptInstance::close);
            instances.clear();
        }
    }
}
