package dev.quorum.api;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a {@link PositionPolicy} wants done to an open position on this bar: nothing, new levels, or an exit.
 *
 * <p>The host applies a new stop-loss only if it tightens the current one (for a long, at or above it;
 * for a short, at or below) and lies strictly on the loss side of the bar's close; a new take-profit only
 * if it lies strictly on the profit side of the close. An exit is a market order for the whole position
 * from the next bar's open. A refused update is counted against the plugin and the position keeps its
 * levels. The notes of applied updates are stored with the trade.
 *
 * @param stopLoss   the new stop-loss price, or empty to keep the current one
 * @param takeProfit the new take-profit price, or empty to keep the current one
 * @param exit       why to close the position now ({@code TAKE_PROFIT}, {@code TIME_EXIT} or {@code MANAGED}), or empty
 * @param note       why, such as {@code "trail 2.0 ATR"} or {@code "layers: volatility x1.5"}; not blank when anything changes
 * @since 1.2
 */
public record PositionUpdate(OptionalDouble stopLoss, OptionalDouble takeProfit, Optional<ExitReason> exit, String note) {

    private static final PositionUpdate KEEP = new PositionUpdate(OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), "");

    /**
     * Validates.
     *
     * @throws IllegalArgumentException for a level that is not a finite positive price, an exit reason the
     *                                  manager may not give, or a missing note
     */
    public PositionUpdate {
        Objects.requireNonNull(stopLoss, "stopLoss (use OptionalDouble.empty())");
        Objects.requireNonNull(takeProfit, "takeProfit (use OptionalDouble.empty())");
        Objects.requireNonNull(exit, "exit (use Optional.empty())");
        Objects.requireNonNull(note, "note");
        checkLevel("stopLoss", stopLoss);
        checkLevel("takeProfit", takeProfit);
        if (exit.isPresent() && exit.get() != ExitReason.TAKE_PROFIT && exit.get() != ExitReason.TIME_EXIT
                && exit.get() != ExitReason.MANAGED) {
            throw new IllegalArgumentException("a position manager exits with TAKE_PROFIT, TIME_EXIT or MANAGED, not " + exit.get());
        }
        boolean changes = stopLoss.isPresent() || takeProfit.isPresent() || exit.isPresent();
        if (changes && note.isBlank()) {
            throw new IllegalArgumentException("an update that changes something needs a note");
        }
    }

    static void checkLevel(String name, OptionalDouble level) {
        if (level.isPresent() && !(Double.isFinite(level.getAsDouble()) && level.getAsDouble() > 0)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + level.getAsDouble());
        }
    }

    /**
     * Changes nothing.
     *
     * @return the update
     * @since 1.2
     */
    public static PositionUpdate keep() {
        return KEEP;
    }

    /**
     * New levels; either may be empty to keep the current one.
     *
     * @param stopLoss   the new stop-loss, or empty
     * @param takeProfit the new take-profit, or empty
     * @param note       why
     * @return the update
     * @since 1.2
     */
    public static PositionUpdate move(OptionalDouble stopLoss, OptionalDouble takeProfit, String note) {
        return new PositionUpdate(stopLoss, takeProfit, Optional.empty(), note);
    }

    /**
     * Closes the position from the next bar's open.
     *
     * @param reason {@code TAKE_PROFIT}, {@code TIME_EXIT} or {@code MANAGED}
     * @param note   why
     * @return the update
     * @since 1.2
     */
    public static PositionUpdate exit(ExitReason reason, String note) {
        return new PositionUpdate(OptionalDouble.empty(), OptionalDouble.empty(), Optional.of(reason), note);
    }

    /**
     * @return whether this update changes nothing
     * @since 1.2
     */
    public boolean isKeep() {
        return stopLoss.isEmpty() && takeProfit.isEmpty() && exit.isEmpty();
    }
}
