package dev.quorum.api;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How a new position enters and where its exits start, as a {@link PositionPolicy} chose them: the
 * stop-loss and take-profit it opens with, and the legs its approved quantity is bought (or sold) in.
 *
 * <p>Without legs the whole quantity is one market order at the next bar's open. With legs (dollar-cost
 * averaging), the first leg is that market order and each further one either a limit order resting at its
 * price ({@link EntryLeg#limit}) or a market order sent a number of bars after the first fill
 * ({@link EntryLeg#after}). The legs' fractions add up to at most 1: a plan never buys more than the risk
 * chain approved. The legs still unfilled when the position starts to close are cancelled.
 *
 * @param stopLoss   the stop-loss price, finite and {@code > 0} when present
 * @param takeProfit the take-profit price, finite and {@code > 0} when present
 * @param legs       the entry legs, the first a market leg ({@link EntryLeg#market}); empty for one market order
 *                   of the whole quantity
 * @param note       how they were chosen, such as {@code "stop 2.0 ATR, target 4.0 ATR"}; stored with the trade
 * @since 1.2
 */
public record EntryPlan(OptionalDouble stopLoss, OptionalDouble takeProfit, List<EntryLeg> legs, String note) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException for a level that is not a finite positive price, a first leg that is not
     *                                  a market leg, a later one that is, or fractions adding up to more than 1
     */
    public EntryPlan {
        Objects.requireNonNull(stopLoss, "stopLoss (use OptionalDouble.empty())");
        Objects.requireNonNull(takeProfit, "takeProfit (use OptionalDouble.empty())");
        Objects.requireNonNull(note, "note");
        PositionUpdate.checkLevel("stopLoss", stopLoss);
        PositionUpdate.checkLevel("takeProfit", takeProfit);
        legs = List.copyOf(legs);
        double sum = 0;
        for (int i = 0; i < legs.size(); i++) {
            EntryLeg leg = legs.get(i);
            if (i == 0 && !leg.isMarket()) {
                throw new IllegalArgumentException("the first entry leg is a market order (EntryLeg.market), was " + leg);
            }
            if (i > 0 && leg.isMarket()) {
                throw new IllegalArgumentException("entry leg " + (i + 1) + " is a limit or a delayed leg, not a second market order");
            }
            sum += leg.fraction();
        }
        if (sum > 1 + 1e-9) {
            throw new IllegalArgumentException("the entry legs' fractions add up to " + sum + ", more than the approved quantity (1)");
        }
    }

    /**
     * Both levels, one market order for the whole quantity.
     *
     * @param stopLoss   the stop-loss price
     * @param takeProfit the take-profit price
     * @param note       how they were chosen
     * @return the plan
     * @since 1.2
     */
    public static EntryPlan of(double stopLoss, double takeProfit, String note) {
        return new EntryPlan(OptionalDouble.of(stopLoss), OptionalDouble.of(takeProfit), List.of(), note);
    }

    /**
     * Levels, one market order for the whole quantity.
     *
     * @param stopLoss   the stop-loss price, or empty
     * @param takeProfit the take-profit price, or empty
     * @param note       how they were chosen
     * @return the plan
     * @since 1.2
     */
    public static EntryPlan of(OptionalDouble stopLoss, OptionalDouble takeProfit, String note) {
        return new EntryPlan(stopLoss, takeProfit, List.of(), note);
    }

    /**
     * This plan with another stop-loss.
     *
     * @param newStopLoss the stop-loss, or empty
     * @return a new plan
     * @since 1.2
     */
    public EntryPlan withStop(OptionalDouble newStopLoss) {
        return new EntryPlan(newStopLoss, takeProfit, legs, note);
    }

    /**
     * This plan with entry legs.
     *
     * @param newLegs the legs, the first a market leg
     * @param legNote how they were chosen, appended to the note
     * @return a new plan
     * @since 1.2
     */
    public EntryPlan withLegs(List<EntryLeg> newLegs, String legNote) {
        return new EntryPlan(stopLoss, takeProfit, newLegs, note.isEmpty() ? legNote : note + "; " + legNote);
    }
}
