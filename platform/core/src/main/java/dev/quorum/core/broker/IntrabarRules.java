package dev.quorum.core.broker;

import java.util.OptionalDouble;

import dev.quorum.api.Bar;
import dev.quorum.api.Order;
import dev.quorum.api.Side;

/**
 * Whether an order can execute on a bar, and at which price before slippage (the <em>touch</em>). A bar
 * shows only its open, high, low and close, not the path between them, so the rules use the open when
 * the bar opened at or beyond the order's level, else the level itself when the bar's range reached it:
 * <ul>
 *   <li>market: the open;</li>
 *   <li>limit buy: the open if the open is at or below the limit, else the limit if the low reaches it;
 *       limit sell: the open if at or above the limit, else the limit if the high reaches it;</li>
 *   <li>stop buy: the open if the open is at or above the stop, else the stop if the high reaches it;
 *       stop sell: the open if at or below the stop, else the stop if the low reaches it.</li>
 * </ul>
 * Otherwise the order does not execute on the bar.
 */
public final class IntrabarRules {

    private IntrabarRules() {
    }

    /**
     * @param order the order
     * @param bar   the bar
     * @return the touch, or empty when the order cannot execute on this bar
     */
    public static OptionalDouble touch(Order order, Bar bar) {
        return switch (order.type()) {
            case MARKET -> OptionalDouble.of(bar.open());
            case LIMIT -> limit(order.side(), order.price().getAsDouble(), bar);
            case STOP -> stop(order.side(), order.price().getAsDouble(), bar);
        };
    }

    private static OptionalDouble limit(Side side, double limit, Bar bar) {
        if (side == Side.BUY) {
            return bar.open() <= limit ? OptionalDouble.of(bar.open()) : bar.low() <= limit ? OptionalDouble.of(limit) : OptionalDouble.empty();
        }
        return bar.open() >= limit ? OptionalDouble.of(bar.open()) : bar.high() >= limit ? OptionalDouble.of(limit) : OptionalDouble.empty();
    }

    private static OptionalDouble stop(Side side, double stop, Bar bar) {
        if (side == Side.BUY) {
            return bar.open() >= stop ? OptionalDouble.of(bar.open()) : bar.high() >= stop ? OptionalDouble.of(stop) : OptionalDouble.empty();
        }
        return bar.open() <= stop ? OptionalDouble.of(bar.open()) : bar.low() <= stop ? OptionalDouble.of(stop) : OptionalDouble.empty();
    }
}
