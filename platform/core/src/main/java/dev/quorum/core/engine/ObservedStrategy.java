package dev.quorum.core.engine;

import java.util.List;
import java.util.function.BiConsumer;

import dev.quorum.api.ComponentInfo;
import dev.quorum.api.Signal;
import dev.quorum.api.Strategy;
import dev.quorum.api.StrategyContext;
import dev.quorum.api.StrategyInstance;
import dev.quorum.api.Timeframe;

/**
 * A strategy whose every signal is also handed to an observer with the instance's context (a session's
 * status line, a validation's vote counts). Failures pass through unobserved.
 *
 * @param inner    the strategy
 * @param observer told each signal an instance gives, on the engine thread
 */
public record ObservedStrategy(Strategy inner, BiConsumer<StrategyContext, Signal> observer) implements Strategy {

    @Override
    public ComponentInfo info() {
        return inner.info();
    }

    @Override
    public List<Timeframe> timeframes() {
        return inner.timeframes();
    }

    @Override
    public StrategyInstance create(StrategyContext context) {
        StrategyInstance instance = inner.create(context);
        return view -> {
            Signal s = instance.onBar(view);
            observer.accept(context, s);
            return s;
        };
    }
}
