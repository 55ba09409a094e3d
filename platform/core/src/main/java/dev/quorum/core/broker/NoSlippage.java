package dev.quorum.core.broker;

import java.util.Optional;

import dev.quorum.api.Bar;
import dev.quorum.api.Order;

/** {@code broker.slippage.model: none}: the whole remaining quantity executes at the touch. */
public record NoSlippage() implements ExecutionModel {

    @Override
    public Optional<Execution> execute(Order order, double remaining, Bar bar, double touch, double taken) {
        return Optional.of(new Execution(remaining, touch));
    }

    @Override
    public double expectedSlippage() {
        return 0;
    }
}
