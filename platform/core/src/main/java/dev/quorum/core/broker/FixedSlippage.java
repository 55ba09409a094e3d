package dev.quorum.core.broker;

import java.util.Optional;

import dev.quorum.api.Bar;
import dev.quorum.api.Order;

/**
 * {@code broker.slippage.model: fixed}: the whole remaining quantity executes at once; a market or stop
 * fill slips {@code bps} basis points against its side ({@code touch × (1 ± bps / 10,000)}), a limit fill
 * is at its touch.
 *
 * @param bps the slippage in basis points, in [0, 500]
 */
public record FixedSlippage(double bps) implements ExecutionModel {

    /** Validates. */
    public FixedSlippage {
        if (!(bps >= 0 && bps <= 500)) {
            throw new IllegalArgumentException("bps must be in [0, 500], was " + bps);
        }
    }

    @Override
    public Optional<Execution> execute(Order order, double remaining, Bar bar, double touch, double taken) {
        double price = order.type() == Order.Type.LIMIT ? touch : ExecutionModel.adverse(order.side(), touch, bps / 10_000);
        return Optional.of(new Execution(remaining, price));
    }

    @Override
    public double expectedSlippage() {
        return bps / 10_000;
    }
}
