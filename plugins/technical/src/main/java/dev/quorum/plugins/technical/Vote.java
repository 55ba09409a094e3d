package dev.quorum.plugins.technical;

import dev.quorum.api.Direction;
import dev.quorum.api.Signal;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One kind of vote of one bot, with its reason built once, when the bot is created: the bar path
 * then formats nothing. A vote at full confidence and a {@code FLAT} vote are the same on every
 * bar, so they are one shared {@link Signal}; a vote with a lower confidence or exit levels is a
 * new {@code Signal} (the only allocation on the bar path) that shares the reason list.
 */
final class Vote {

    private static final OptionalDouble NONE = OptionalDouble.empty();

    private final Direction direction;
    private final List<String> reasons;
    private final Signal full;

    private Vote(Direction direction, String reason) {
        this.direction = direction;
        this.reasons = List.of(reason);
        this.full = new Signal(direction, direction == Direction.FLAT ? 0 : 1, reasons, NONE, NONE);
    }

    /**
     * A {@code LONG} vote.
     *
     * @param reason why, without numbers that change from bar to bar
     * @return the vote
     */
    static Vote buy(String reason) {
        return new Vote(Direction.LONG, reason);
    }

    /**
     * A {@code SHORT} vote.
     *
     * @param reason why, without numbers that change from bar to bar
     * @return the vote
     */
    static Vote sell(String reason) {
        return new Vote(Direction.SHORT, reason);
    }

    /**
     * A {@code FLAT} vote, the same signal on every bar.
     *
     * @param reason why
     * @return the signal
     */
    static Signal flat(String reason) {
        return new Vote(Direction.FLAT, reason).full;
    }

    /**
     * This vote with a confidence.
     *
     * @param confidence in [0, 1]; 1 or more gives the shared full-confidence signal
     * @return the signal
     * @throws IllegalArgumentException if the confidence is negative or NaN (as {@link Signal})
     */
    Signal with(double confidence) {
        return confidence >= 1 ? full : new Signal(direction, confidence, reasons, NONE, NONE);
    }

    /**
     * This vote with a confidence and exit levels.
     *
     * @param confidence in [0, 1]
     * @param stopLoss   the stop-loss price, or NaN for none
     * @param takeProfit the take-profit price
     * @return a new signal
     * @throws IllegalArgumentException if a level is invalid (as {@link Signal})
     */
    Signal with(double confidence, double stopLoss, double takeProfit) {
        return new Signal(direction, Math.min(1, confidence), reasons,
                Double.isNaN(stopLoss) ? NONE : OptionalDouble.of(stopLoss), OptionalDouble.of(takeProfit));
    }

    /**
     * A parameter as it reads in a reason: {@code 30}, {@code 2.5}, {@code 0.001}.
     *
     * @param value the parameter
     * @return the shortest plain decimal form
     */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
