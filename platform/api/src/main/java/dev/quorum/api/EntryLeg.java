package dev.quorum.api;

import java.util.OptionalDouble;

/**
 * One leg of an {@link EntryPlan}: a share of the approved quantity and how it is bought (or sold).
 *
 * @param fraction   the share of the approved quantity, in {@code (0, 1]}
 * @param limitPrice for a limit leg, the price it rests at (for a long, below the entry's reference price and
 *                   above the stop-loss; for a short, the reverse); empty otherwise
 * @param afterBars  for a delayed leg, how many bars of the symbol after the first fill's bar it is sent as a
 *                   market order (it fills at that bar's open); 0 otherwise
 * @since 1.2
 */
public record EntryLeg(double fraction, OptionalDouble limitPrice, int afterBars) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException for a fraction outside {@code (0, 1]}, a bad price, a negative delay, or a
     *                                  leg that is both a limit and delayed
     */
    public EntryLeg {
        java.util.Objects.requireNonNull(limitPrice, "limitPrice (use OptionalDouble.empty())");
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("an entry leg's fraction must be in (0, 1], was " + fraction);
        }
        PositionUpdate.checkLevel("limitPrice", limitPrice);
        if (afterBars < 0) {
            throw new IllegalArgumentException("afterBars must be >= 0, was " + afterBars);
        }
        if (limitPrice.isPresent() && afterBars > 0) {
            throw new IllegalArgumentException("an entry leg is a limit order or a delayed market order, not both");
        }
    }

    /**
     * A market order at the next bar's open: the first leg.
     *
     * @param fraction the share of the approved quantity
     * @return the leg
     * @since 1.2
     */
    public static EntryLeg market(double fraction) {
        return new EntryLeg(fraction, OptionalDouble.empty(), 0);
    }

    /**
     * A limit order resting at a price from the decision on.
     *
     * @param fraction the share of the approved quantity
     * @param price    the limit price
     * @return the leg
     * @since 1.2
     */
    public static EntryLeg limit(double fraction, double price) {
        return new EntryLeg(fraction, OptionalDouble.of(price), 0);
    }

    /**
     * A market order sent {@code bars} bars of the symbol after the first fill's bar.
     *
     * @param fraction the share of the approved quantity
     * @param bars     the delay, {@code >= 1}
     * @return the leg
     * @throws IllegalArgumentException for a delay below 1
     * @since 1.2
     */
    public static EntryLeg after(double fraction, int bars) {
        if (bars < 1) {
            throw new IllegalArgumentException("a delayed leg waits at least 1 bar, was " + bars);
        }
        return new EntryLeg(fraction, OptionalDouble.empty(), bars);
    }

    /**
     * @return whether this is a market order at the next open (neither a limit nor delayed)
     * @since 1.2
     */
    public boolean isMarket() {
        return limitPrice.isEmpty() && afterBars == 0;
    }
}
