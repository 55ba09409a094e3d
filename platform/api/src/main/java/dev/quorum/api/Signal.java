package dev.quorum.api;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A bot's vote on one bar: a direction, how sure it is, why, and optional exit levels.
 *
 * <p>The ensemble weighs each vote by the bot's weight times its confidence. Stop-loss and
 * take-profit are price levels (not percentages); for a {@code LONG} vote a stop-loss must lie below
 * a take-profit, for a {@code SHORT} vote above it. The engine also checks them against the entry
 * price and counts a level on the wrong side of it as a faulty signal.
 *
 * @param direction  the vote; {@code FLAT} means "no trade" and still counts in the denominator of the consensus
 * @param confidence how sure the bot is, in {@code [0, 1]}; NaN is rejected
 * @param reasons    short human-readable reasons, copied; may be empty, never null
 * @param stopLoss   an optional stop-loss price, finite and positive when present
 * @param takeProfit an optional take-profit price, finite and positive when present
 * @since 1.0
 */
public record Signal(Direction direction, double confidence, List<String> reasons,
                     OptionalDouble stopLoss, OptionalDouble takeProfit) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException naming the field and its value when out of range
     */
    public Signal {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(stopLoss, "stopLoss (use OptionalDouble.empty())");
        Objects.requireNonNull(takeProfit, "takeProfit (use OptionalDouble.empty())");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
        reasons = List.copyOf(reasons);
        checkLevel("stopLoss", stopLoss);
        checkLevel("takeProfit", takeProfit);
        if (stopLoss.isPresent() && takeProfit.isPresent()) {
            double sl = stopLoss.getAsDouble();
            double tp = takeProfit.getAsDouble();
            if (direction == Direction.LONG && sl >= tp) {
                throw new IllegalArgumentException("a LONG signal needs stopLoss < takeProfit, was " + sl + " >= " + tp);
            }
            if (direction == Direction.SHORT && sl <= tp) {
                throw new IllegalArgumentException("a SHORT signal needs stopLoss > takeProfit, was " + sl + " <= " + tp);
            }
        }
    }

    private static void checkLevel(String name, OptionalDouble level) {
        if (level.isPresent() && !(Double.isFinite(level.getAsDouble()) && level.getAsDouble() > 0)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + level.getAsDouble());
        }
    }

    /**
     * A vote for no trade.
     *
     * @param reasons why, may be empty
     * @return a {@code FLAT} signal with confidence 0
     * @since 1.0
     */
    public static Signal flat(String... reasons) {
        return new Signal(Direction.FLAT, 0, List.of(reasons), OptionalDouble.empty(), OptionalDouble.empty());
    }

    /**
     * A long vote without exit levels.
     *
     * @param confidence in {@code [0, 1]}
     * @param reasons    why
     * @return the signal
     * @since 1.0
     */
    public static Signal buy(double confidence, String... reasons) {
        return new Signal(Direction.LONG, confidence, List.of(reasons), OptionalDouble.empty(), OptionalDouble.empty());
    }

    /**
     * A short vote without exit levels.
     *
     * @param confidence in {@code [0, 1]}
     * @param reasons    why
     * @return the signal
     * @since 1.0
     */
    public static Signal sell(double confidence, String... reasons) {
        return new Signal(Direction.SHORT, confidence, List.of(reasons), OptionalDouble.empty(), OptionalDouble.empty());
    }

    /**
     * This signal with a stop-loss price.
     *
     * @param price the stop-loss level
     * @return a new signal
     * @since 1.0
     */
    public Signal withStopLoss(double price) {
        return new Signal(direction, confidence, reasons, OptionalDouble.of(price), takeProfit);
    }

    /**
     * This signal with a take-profit price.
     *
     * @param price the take-profit level
     * @return a new signal
     * @since 1.0
     */
    public Signal withTakeProfit(double price) {
        return new Signal(direction, confidence, reasons, stopLoss, OptionalDouble.of(price));
    }
}
