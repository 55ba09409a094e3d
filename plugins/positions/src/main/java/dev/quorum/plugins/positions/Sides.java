package dev.quorum.plugins.positions;

import dev.quorum.api.Direction;
import java.util.OptionalDouble;

/**
 * The mirror between longs and shorts, in one place. A long's loss side is below a price and its profit
 * side above; a short's are the reverse. Every comparison here is strict. Stateless.
 */
final class Sides {

    private Sides() {
    }

    /**
     * The sign of a direction.
     *
     * @param direction {@code LONG} or {@code SHORT}
     * @return {@code +1} for a long, {@code −1} for a short
     */
    static int sign(Direction direction) {
        return direction == Direction.LONG ? 1 : -1;
    }

    /**
     * Whether a stop lies strictly on the loss side of a price.
     *
     * @param direction the position's direction
     * @param level     a stop-loss candidate
     * @param price     the price it must lie beyond
     * @return whether {@code level < price} (long) or {@code level > price} (short)
     */
    static boolean lossSide(Direction direction, double level, double price) {
        return direction == Direction.LONG ? level < price : level > price;
    }

    /**
     * Whether a target lies strictly on the profit side of a price.
     *
     * @param direction the position's direction
     * @param level     a take-profit candidate
     * @param price     the price it must lie beyond
     * @return whether {@code level > price} (long) or {@code level < price} (short)
     */
    static boolean profitSide(Direction direction, double level, double price) {
        return direction == Direction.LONG ? level > price : level < price;
    }

    /**
     * Whether a stop-loss candidate is strictly tighter than the current stop: above it for a long, below
     * it for a short. Any candidate is tighter than no stop.
     *
     * @param direction the position's direction
     * @param candidate the candidate stop
     * @param current   the current stop, or empty
     * @return whether the candidate tightens the stop
     */
    static boolean tighter(Direction direction, double candidate, OptionalDouble current) {
        if (current.isEmpty()) {
            return true;
        }
        return lossSide(direction, current.getAsDouble(), candidate);
    }

    /**
     * Whether a level is a price at all.
     *
     * @param price a candidate level
     * @return whether it is a price the host accepts: finite and {@code > 0}
     */
    static boolean usable(double price) {
        return price > 0 && Double.isFinite(price);
    }

    /**
     * The word for the loss side, for notes.
     *
     * @param direction the position's direction
     * @return {@code "below"} for a long, {@code "above"} for a short: where its stop must lie
     */
    static String lossWord(Direction direction) {
        return direction == Direction.LONG ? "below" : "above";
    }

    /**
     * The word for the profit side, for notes.
     *
     * @param direction the position's direction
     * @return {@code "above"} for a long, {@code "below"} for a short: where its target must lie
     */
    static String profitWord(Direction direction) {
        return direction == Direction.LONG ? "above" : "below";
    }
}
