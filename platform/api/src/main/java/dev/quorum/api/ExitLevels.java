package dev.quorum.api;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Where a new position's stop-loss and take-profit start, as a {@link PositionPolicy} chose them.
 *
 * @param stopLoss   the stop-loss price, finite and {@code > 0} when present
 * @param takeProfit the take-profit price, finite and {@code > 0} when present
 * @param note       how they were chosen, such as {@code "stop 2.0 ATR, target 4.0 ATR"}; stored with the trade
 * @since 1.2
 */
public record ExitLevels(OptionalDouble stopLoss, OptionalDouble takeProfit, String note) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException for a level that is not a finite positive price
     */
    public ExitLevels {
        Objects.requireNonNull(stopLoss, "stopLoss (use OptionalDouble.empty())");
        Objects.requireNonNull(takeProfit, "takeProfit (use OptionalDouble.empty())");
        Objects.requireNonNull(note, "note");
        PositionUpdate.checkLevel("stopLoss", stopLoss);
        PositionUpdate.checkLevel("takeProfit", takeProfit);
    }

    /**
     * Both levels.
     *
     * @param stopLoss   the stop-loss price
     * @param takeProfit the take-profit price
     * @param note       how they were chosen
     * @return the levels
     * @since 1.2
     */
    public static ExitLevels of(double stopLoss, double takeProfit, String note) {
        return new ExitLevels(OptionalDouble.of(stopLoss), OptionalDouble.of(takeProfit), note);
    }
}
