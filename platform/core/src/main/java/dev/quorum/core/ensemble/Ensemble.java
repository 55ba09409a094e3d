package dev.quorum.core.ensemble;

import java.util.List;
import java.util.OptionalDouble;

import dev.quorum.api.Direction;
import dev.quorum.api.Signal;

/**
 * The weighted vote. For each side, its share is the sum of {@code weight × confidence} of the
 * votes for that side divided by the sum of the weights of all votes (FLAT votes count in the
 * denominator: a bot with no view pulls the consensus down). A side wins when its share reaches
 * the threshold (default 0.60); the two shares add up to at most 1, so with a threshold above 0.5
 * at most one side can win.
 */
public final class Ensemble {

    /** Shares are compared with this tolerance so that, say, 3 of 5 full-confidence votes meet 0.60. */
    static final double TOLERANCE = 1e-12;

    private static final Decision NO_VOTES = new Decision(Direction.FLAT, 0, 0, 0, List.of(), OptionalDouble.empty(),
            OptionalDouble.empty());

    private final double threshold;

    /**
     * @param threshold the share a side needs, in (0, 1]
     */
    public Ensemble(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("consensus threshold must be in (0, 1], was " + threshold);
        }
        this.threshold = threshold;
    }

    /**
     * Decides on one bar's votes.
     *
     * @param votes the votes of all active bots, in bot order
     * @return the decision
     */
    public Decision decide(List<Vote> votes) {
        int n = votes.size();
        String[] bots = new String[n];
        double[] weights = new double[n];
        Signal[] signals = new Signal[n];
        for (int i = 0; i < n; i++) {
            bots[i] = votes.get(i).bot();
            weights[i] = votes.get(i).weight();
            signals[i] = votes.get(i).signal();
        }
        return decide(bots, weights, signals, n);
    }

    /**
     * Decides on one bar's votes given as parallel arrays, the engine's allocation-free path: it runs
     * for every bar of every symbol.
     *
     * @param bots    the bots' names
     * @param weights their weights, {@code >= 0}
     * @param signals their signals
     * @param n       how many entries of the arrays are votes
     * @return the decision
     */
    public Decision decide(String[] bots, double[] weights, Signal[] signals, int n) {
        double total = 0;
        double longScore = 0;
        double shortScore = 0;
        for (int i = 0; i < n; i++) {
            total += weights[i];
            Direction d = signals[i].direction();
            if (d == Direction.LONG) {
                longScore += weights[i] * signals[i].confidence();
            } else if (d == Direction.SHORT) {
                shortScore += weights[i] * signals[i].confidence();
            }
        }
        if (total <= 0 || longScore == 0 && shortScore == 0) {
            return NO_VOTES; // every vote FLAT: the common case, without an allocation per bar
        }
        return decided(bots, signals, n, longScore / total, shortScore / total);
    }

    /** The rest of {@link #decide}, apart so that the per-bar part stays small enough for the JIT to inline. */
    private Decision decided(String[] bots, Signal[] signals, int n, double longShare, double shortShare) {
        Direction winner = Direction.FLAT;
        if (longShare + TOLERANCE >= threshold && longShare > shortShare) {
            winner = Direction.LONG;
        } else if (shortShare + TOLERANCE >= threshold && shortShare > longShare) {
            winner = Direction.SHORT;
        }
        if (winner == Direction.FLAT) {
            return new Decision(Direction.FLAT, Math.max(longShare, shortShare), longShare, shortShare, List.of(),
                    OptionalDouble.empty(), OptionalDouble.empty());
        }
        int sideCount = 0;
        for (int i = 0; i < n; i++) {
            if (signals[i].direction() == winner) {
                sideCount++;
            }
        }
        String[] voters = new String[sideCount];
        Signal bestStop = null;
        Signal bestTarget = null;
        for (int i = 0, k = 0; i < n; i++) {
            Signal s = signals[i];
            if (s.direction() != winner) {
                continue;
            }
            voters[k++] = bots[i];
            // the level of the highest-confidence vote that gives one; the first such vote wins a tie
            if (s.stopLoss().isPresent() && (bestStop == null || s.confidence() > bestStop.confidence())) {
                bestStop = s;
            }
            if (s.takeProfit().isPresent() && (bestTarget == null || s.confidence() > bestTarget.confidence())) {
                bestTarget = s;
            }
        }
        return new Decision(winner, winner == Direction.LONG ? longShare : shortShare, longShare, shortShare,
                List.of(voters), bestStop == null ? OptionalDouble.empty() : bestStop.stopLoss(),
                bestTarget == null ? OptionalDouble.empty() : bestTarget.takeProfit());
    }
}
