package dev.quorum.core.ensemble;

import java.util.List;
import java.util.OptionalDouble;

import dev.quorum.api.Direction;

/**
 * The ensemble's verdict on one bar of one symbol.
 *
 * @param direction  LONG or SHORT when that side's share reached the threshold, else FLAT
 * @param consensus  the winning side's share, in [0, 1] (0 for FLAT with no votes)
 * @param longShare  the LONG share: sum of weight × confidence of LONG votes over the sum of all weights
 * @param shortShare the SHORT share, likewise
 * @param voters     the bots that voted for {@code direction}, in vote order
 * @param stopLoss   the stop-loss of the most confident voter that gave one
 * @param takeProfit the take-profit of the most confident voter that gave one
 */
public record Decision(Direction direction, double consensus, double longShare, double shortShare,
                       List<String> voters, OptionalDouble stopLoss, OptionalDouble takeProfit) {

    /** Copies. */
    public Decision {
        voters = List.copyOf(voters);
    }

    /** @return whether the ensemble wants a position */
    public boolean isActionable() {
        return direction != Direction.FLAT;
    }
}
