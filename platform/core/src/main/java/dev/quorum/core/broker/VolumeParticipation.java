package dev.quorum.core.broker;

import java.util.Optional;

import dev.quorum.api.Bar;
import dev.quorum.api.Order;

/**
 * {@code broker.slippage.model: volume}: a bar can absorb only part of an order.
 *
 * <ul>
 *   <li>Quantity: the orders on a symbol together take at most {@code maxParticipation × volume} units of
 *       a bar; this order executes {@code q = min(remaining, maxParticipation × volume − taken)}, nothing
 *       when that is not positive (a bar of volume 0 executes nothing). The rest waits for the following
 *       bars of the symbol.</li>
 *   <li>Price of a market or stop fill: {@code touch × (1 ± s)} against the side, with slippage
 *       {@code s = bps / 10,000 + impact × q / volume}: a base cost plus an impact that grows linearly
 *       with the share of the bar's volume the fill takes. A limit fill is at its touch (no slippage, no
 *       impact), but capped like any other.</li>
 * </ul>
 * Example: bps 5, impact 0.1, a buy of 20 units at an open of 100 on a bar of volume 1,000 (2%):
 * {@code s = 0.0005 + 0.1 × 0.02 = 0.0025}, price 100.25.
 *
 * @param bps              base slippage in basis points, in [0, 500]
 * @param impact           impact per unit of participation, in [0, 0.5]
 * @param maxParticipation the most of a bar's volume the symbol's orders may take, in (0, 1]
 */
public record VolumeParticipation(double bps, double impact, double maxParticipation) implements ExecutionModel {

    /** Validates; the ranges keep {@code s} below 1, so a sell's price stays positive. */
    public VolumeParticipation {
        if (!(bps >= 0 && bps <= 500)) {
            throw new IllegalArgumentException("bps must be in [0, 500], was " + bps);
        }
        if (!(impact >= 0 && impact <= 0.5)) {
            throw new IllegalArgumentException("impact must be in [0, 0.5], was " + impact);
        }
        if (!(maxParticipation > 0 && maxParticipation <= 1)) {
            throw new IllegalArgumentException("maxParticipation must be in (0, 1], was " + maxParticipation);
        }
    }

    @Override
    public Optional<Execution> execute(Order order, double remaining, Bar bar, double touch, double taken) {
        double capacity = maxParticipation * bar.volume() - taken;
        if (!(capacity > 0)) {
            return Optional.empty();
        }
        double quantity = Math.min(remaining, capacity);
        if (order.type() == Order.Type.LIMIT) {
            return Optional.of(new Execution(quantity, touch));
        }
        double slippage = bps / 10_000 + impact * quantity / bar.volume();
        return Optional.of(new Execution(quantity, ExecutionModel.adverse(order.side(), touch, slippage)));
    }

    @Override
    public double expectedSlippage() {
        return bps / 10_000;
    }
}
